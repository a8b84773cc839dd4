import type { DirectoryProvider } from '@roster/events';

export interface IdpChoice {
  provider: DirectoryProvider;
  label: string;
  blurb: string;
}

/** The identity providers an IT admin can choose, in the order the portal offers them. */
export const IDP_CHOICES: readonly IdpChoice[] = [
  { provider: 'okta', label: 'Okta', blurb: 'SCIM 2.0 provisioning from an Okta app' },
  { provider: 'entra', label: 'Microsoft Entra ID', blurb: 'Formerly Azure AD: enterprise app provisioning' },
  { provider: 'google_workspace', label: 'Google Workspace', blurb: 'Synced from the Admin SDK (no SCIM)' },
  { provider: 'onelogin', label: 'OneLogin', blurb: 'SCIM provisioning from a OneLogin app' },
  { provider: 'jumpcloud', label: 'JumpCloud', blurb: 'Identity management with SCIM' },
  { provider: 'rippling', label: 'Rippling', blurb: 'SCIM from a Rippling custom app' },
  { provider: 'pingfederate', label: 'PingFederate', blurb: 'SCIM outbound provisioning' },
  { provider: 'pingone', label: 'PingOne', blurb: 'SCIM outbound provisioning' },
  { provider: 'cyberark', label: 'CyberArk', blurb: 'Identity provisioning with SCIM' },
  { provider: 'generic_scim_v2', label: 'Other SCIM 2.0', blurb: 'Any identity provider that speaks SCIM 2.0' },
  { provider: 'generic_scim_v1', label: 'Other SCIM 1.1', blurb: 'Older identity providers on SCIM 1.1' },
];

export function providerLabel(provider: string): string {
  return IDP_CHOICES.find((choice) => choice.provider === provider)?.label ?? provider;
}
