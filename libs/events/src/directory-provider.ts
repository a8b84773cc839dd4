/** The identity providers a directory can be connected to (CONTRACT section 3). */
export const DIRECTORY_PROVIDERS = [
  'okta',
  'entra',
  'onelogin',
  'jumpcloud',
  'google_workspace',
  'rippling',
  'pingfederate',
  'pingone',
  'cyberark',
  'generic_scim_v2',
  'generic_scim_v1',
] as const;

export type DirectoryProvider = (typeof DIRECTORY_PROVIDERS)[number];

/** What losing access means for a directory user: removed, or kept as inactive. */
export const DEPROVISIONING_MODES = ['delete', 'deactivate'] as const;

export type DeprovisioningMode = (typeof DEPROVISIONING_MODES)[number];
