import type { CollectionMapping, SqlValueType } from './attribute-mapping';

/**
 * A single SQL value a comparison can test. Typed columns give `native`; JSONB
 * values give `json` (the jsonb) and `text` (the `->>` text).
 */
export interface ScalarTarget {
  readonly kind: 'scalar';
  /** The SCIM path as the client wrote it, for error details. */
  readonly label: string;
  readonly type: SqlValueType;
  readonly caseExact: boolean;
  readonly native?: string;
  readonly json?: string;
  readonly text: string;
}

/** A multi-valued attribute, optionally narrowed to one sub-attribute (`emails.value`). */
export interface CollectionTarget {
  readonly kind: 'collection';
  readonly label: string;
  readonly mapping: CollectionMapping;
  readonly ownerAlias: string;
  readonly subAttribute?: string;
}

export type SqlTarget = ScalarTarget | CollectionTarget;
