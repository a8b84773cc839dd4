import { SCIM_URNS, sameUrn } from '@roster/scim';

/** SCIM 1.1 schema URNs (draft-scim-core-schema-01), still sent by 1.1 clients and OneLogin templates. */
export const SCIM_V1_URNS = {
  core: 'urn:scim:schemas:core:1.0',
  enterpriseUser: 'urn:scim:schemas:extension:enterprise:1.0',
} as const;

// Entra's documented example misses the colon before "User" (idp-quirks.md section 2.3).
const MALFORMED_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User';

/**
 * The SCIM 2.0 URN for a schema URN a client sent: 1.1 core and enterprise
 * URNs and Entra's malformed enterprise URN map to 2.0; others come back as sent.
 */
export function canonicalSchemaUrn(urn: string, resourceType: 'User' | 'Group'): string {
  if (sameUrn(urn, SCIM_V1_URNS.core)) return resourceType === 'User' ? SCIM_URNS.user : SCIM_URNS.group;
  if (sameUrn(urn, SCIM_V1_URNS.enterpriseUser) || sameUrn(urn, MALFORMED_ENTERPRISE)) return SCIM_URNS.enterpriseUser;
  if (sameUrn(urn, SCIM_URNS.user)) return SCIM_URNS.user;
  if (sameUrn(urn, SCIM_URNS.group)) return SCIM_URNS.group;
  if (sameUrn(urn, SCIM_URNS.enterpriseUser)) return SCIM_URNS.enterpriseUser;
  return urn;
}

/**
 * Rewrites the schema URN prefix of an attribute path
 * (`urn:scim:schemas:extension:enterprise:1.0:department`,
 * `urn:...:enterprise:2.0User:manager`) to its 2.0 form.
 */
export function canonicalPathPrefix(path: string, resourceType: 'User' | 'Group'): string {
  const lower = path.toLowerCase();
  for (const urn of [SCIM_V1_URNS.core, SCIM_V1_URNS.enterpriseUser, MALFORMED_ENTERPRISE]) {
    if (lower.startsWith(`${urn.toLowerCase()}:`)) {
      return `${canonicalSchemaUrn(urn, resourceType)}:${path.slice(urn.length + 1)}`;
    }
  }
  return path;
}

/** True for keys that name a schema (`urn:...`) rather than an attribute. */
export function isUrn(text: string): boolean {
  return /^urn:/i.test(text);
}
