import type { PortalChrome } from '../render/layout';
import type { PortalSessionContext } from '../session/portal-session';

export function chromeOf(session: PortalSessionContext): PortalChrome {
  return { tenantName: session.tenantName, returnUrl: session.returnUrl, csrfToken: session.csrfToken };
}
