import type { ApiPrincipal } from '@roster/platform';

/** An IT admin acting through a portal session (the session's id identifies them). */
export interface PortalActor {
  type: 'portal_session';
  id: string;
}

/** Who made a control-plane change: an API key, the bootstrap key, or a portal session. */
export type AuditActor = ApiPrincipal | PortalActor;
