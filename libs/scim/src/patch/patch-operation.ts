/** The canonical PATCH ops; IdP spellings (`Replace`, `Add`) are normalized before this library. */
export const PATCH_OPS = ['add', 'replace', 'remove'] as const;

export type PatchOpName = (typeof PATCH_OPS)[number];

/** One RFC 7644 §3.5.2 operation. */
export interface PatchOperation {
  readonly op: PatchOpName;
  readonly path?: string;
  readonly value?: unknown;
}

export interface ApplyPatchOptions {
  /**
   * Hook for the IdP layer: a filtered `replace` that matches nothing adds an
   * element built from the filter's `eq` terms instead of failing with noTarget
   * (RFC 7644 says noTarget; some clients expect the add).
   */
  readonly replaceUnmatchedFilterAsAdd?: boolean;
}

export interface PatchResult {
  /** A new resource object; the input is never modified. */
  readonly resource: Record<string, unknown>;
  /** Top-level keys whose value changed (extensions by their URN key), for events. */
  readonly changedAttributes: string[];
}
