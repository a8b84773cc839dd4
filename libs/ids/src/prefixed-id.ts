import { TypeID, typeid } from 'typeid-js';

/** Every kind of identifier Roster hands out, with its TypeID prefix. */
export const ID_PREFIXES = {
  tenant: 'tenant',
  directory: 'directory',
  directoryUser: 'directory_user',
  directoryGroup: 'directory_group',
  event: 'event',
  webhookEndpoint: 'webhook_endpoint',
  webhookDelivery: 'webhook_delivery',
  apiKey: 'api_key',
  portalSession: 'portal_session',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/**
 * A new prefixed, time-sortable id (TypeID: prefix + base32 UUIDv7), e.g.
 * `directory_user_01jd8...`. Sorting ids as strings sorts them by creation time.
 */
export function newId(kind: IdKind): string {
  return typeid(ID_PREFIXES[kind]).toString();
}

/** True when `value` is a well-formed id of that kind (prefix and suffix). */
export function isId(kind: IdKind, value: string): boolean {
  try {
    TypeID.fromString(value, ID_PREFIXES[kind]);
    return true;
  } catch {
    return false;
  }
}
