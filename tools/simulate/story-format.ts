// The replay fixture format (documented in test/fixtures/idp/README.md), shared by
// the fixtures, their runner (test/support/idp-replay.ts) and the simulator.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request an IdP sends, relative to the directory's SCIM base URL. */
export interface StoryRequest {
  /** What the IdP is doing, for transcripts and failures. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Path and query under the base URL; `{{key}}` placeholders name ids captured earlier. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body; `{{key}}` placeholders are substituted inside its strings. */
  readonly body?: unknown;
  /** Acceptable statuses: SCIM lets a server answer some writes with 200 or 204. */
  readonly expect: { readonly status: number | readonly number[] };
  /** Placeholder name -> dotted path into the response body (`id`, `Resources.0.id`). */
  readonly capture?: Readonly<Record<string, string>>;
}

/** The admin actions every story performs, in this order. */
export const STORY_ACTIONS = [
  'probe',
  'provision_users',
  'update_users',
  'create_group',
  'add_member',
  'remove_member',
  'deprovision_user',
  'resend_update',
  'reactivate_user',
  'rename_group',
  'delete_group',
] as const;

export type StoryAction = (typeof STORY_ACTIONS)[number];

export interface StoryStep {
  readonly action: StoryAction;
  readonly title: string;
  readonly requests: readonly StoryRequest[];
}

/** How much of a story's traffic the vendor documents. */
export type StoryConfidence = 'documented' | 'partly documented' | 'undocumented';

export interface Story {
  readonly provider: string;
  readonly dialect: string;
  /** Which base URL the paths hang off: `/scim/v2/{directoryId}` or `/scim/v1/{directoryId}`. */
  readonly scim_version: '2.0' | '1.1';
  readonly title: string;
  readonly confidence: StoryConfidence;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
  readonly steps: readonly StoryStep[];
}

const PLACEHOLDER = /\{\{([A-Za-z0-9_.-]+)\}\}/g;

/**
 * Replaces `{{key}}` placeholders in every string of a value.
 * @throws Error naming a placeholder no earlier response captured.
 */
export function substitute<T>(value: T, captured: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_match, key: string) => {
      const found = captured[key];
      if (found === undefined) throw new Error(`No id was captured for {{${key}}}`);
      return found;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, captured)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, captured)])) as T;
  }
  return value;
}

/** Reads the captures a request asks for from its response body. @throws Error when one is missing. */
export function captureIds(request: StoryRequest, body: unknown): Record<string, string> {
  const captured: Record<string, string> = {};
  for (const [key, path] of Object.entries(request.capture ?? {})) {
    const value = path
      .split('.')
      .reduce<unknown>(
        (node, part) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined),
        body,
      );
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${request.name}: the response has no "${path}" to capture as {{${key}}}`);
    }
    captured[key] = String(value);
  }
  return captured;
}

/** True when the status is one the request accepts. */
export function statusAccepted(request: StoryRequest, status: number): boolean {
  const accepted = request.expect.status;
  return typeof accepted === 'number' ? accepted === status : accepted.includes(status);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
