import type { ClientDialect } from './client-dialect';
import { cyberark } from './cyberark';
import { entra } from './entra';
import { genericScimV1 } from './generic-scim-v1';
import { genericScimV2 } from './generic-scim-v2';
import { jumpcloud } from './jumpcloud';
import { okta } from './okta';
import { onelogin } from './onelogin';
import { pingfederate } from './pingfederate';
import { pingone } from './pingone';
import { rippling } from './rippling';

/** Every SCIM push provider's client dialect, by provider (CONTRACT section 3, minus google_workspace). */
export const CLIENT_DIALECTS: Readonly<Record<string, ClientDialect>> = {
  okta,
  entra,
  onelogin,
  jumpcloud,
  rippling,
  pingfederate,
  pingone,
  cyberark,
  generic_scim_v2: genericScimV2,
  generic_scim_v1: genericScimV1,
};

/** @throws Error listing the known providers. */
export function clientDialect(provider: string): ClientDialect {
  const found = CLIENT_DIALECTS[provider];
  if (found === undefined)
    throw new Error(`Unknown provider "${provider}"; one of: ${Object.keys(CLIENT_DIALECTS).join(', ')}`);
  return found;
}
