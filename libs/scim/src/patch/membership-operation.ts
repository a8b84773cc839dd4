/**
 * A change to a group's membership as a set operation, so big groups are never
 * loaded, patched as JSON and rewritten. Ids are the member `value`s as sent
 * (users, or nested groups); order kept, duplicates dropped.
 */
export type MembershipOperation =
  | { readonly kind: 'add'; readonly userIds: string[] }
  | { readonly kind: 'remove'; readonly userIds: string[] }
  | { readonly kind: 'removeAll' }
  | { readonly kind: 'replace'; readonly userIds: string[] };
