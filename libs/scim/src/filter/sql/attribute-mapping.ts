/** SCIM value types a mapped SQL value can have. */
export type SqlValueType = 'string' | 'boolean' | 'dateTime' | 'integer' | 'decimal';

/** Types readable out of JSONB without a cast that could fail on bad data. */
export type JsonValueType = Exclude<SqlValueType, 'dateTime'>;

interface Comparable<T extends SqlValueType> {
  readonly type: T;
  /** RFC 7643 caseExact; false compares `lower()` of both sides. Strings only. */
  readonly caseExact: boolean;
}

/** A typed column of the row: `t.user_name`. */
export interface ColumnMapping extends Comparable<SqlValueType> {
  readonly kind: 'column';
  readonly column: string;
}

/** A scalar inside a JSONB column: `t.attributes->'name'->>'formatted'`. */
export interface JsonbMapping extends Comparable<JsonValueType> {
  readonly kind: 'jsonb';
  readonly column: string;
  readonly path: readonly string[];
}

/** A sub-attribute of a JSONB array element (`{ "key": ... }`), or the element itself for arrays of strings. */
export type JsonElementMapping = Comparable<JsonValueType> & ({ readonly key: string } | { readonly self: true });

/**
 * A multi-valued attribute stored as a JSONB array: `emails` in
 * `t.attributes->'emails'` as `[{"value","type","primary"}]`.
 */
export interface JsonbArrayMapping {
  readonly kind: 'jsonbArray';
  readonly column: string;
  readonly path: readonly string[];
  /** Sub-attribute name (any case) to where it sits in an element. */
  readonly elements: Readonly<Record<string, JsonElementMapping>>;
  /** What `emails eq "x"` compares: RFC 7644 applies it to `value`. */
  readonly defaultSubAttribute?: string;
}

/** A column of a joined row, for join-table collections. */
export interface JoinColumnMapping extends Comparable<SqlValueType> {
  readonly column: string;
}

/**
 * A multi-valued attribute kept as rows of another table, e.g. group `members`
 * as `group_memberships(group_id, user_id)`.
 */
export interface JoinTableMapping {
  readonly kind: 'joinTable';
  readonly table: string;
  /** Column of `table` that points at the filtered row... */
  readonly ownerColumn: string;
  /** ...and the filtered row's column it points at. */
  readonly ownerKey: string;
  readonly elements: Readonly<Record<string, JoinColumnMapping>>;
  readonly defaultSubAttribute?: string;
}

export type ScalarMapping = ColumnMapping | JsonbMapping;
export type CollectionMapping = JsonbArrayMapping | JoinTableMapping;
export type AttributeMapping = ScalarMapping | CollectionMapping;

/**
 * The allowlist a filter may use for one resource type. Keys are attribute paths
 * (`userName`, `name.givenName`, `urn:...:enterprise:2.0:User:department`),
 * matched case-insensitively; paths qualified with `coreSchemaUrn` match the
 * unqualified key. Anything else is rejected, never matched loosely.
 */
export interface FilterMapping {
  readonly coreSchemaUrn: string;
  readonly attributes: Readonly<Record<string, AttributeMapping>>;
}
