import type { PortalActor } from '../../audit/audit-actor';

/** The signed-in IT admin of a request: everything they do is scoped to `tenantId`. */
export interface PortalSessionContext {
  id: string;
  tenantId: string;
  tenantName: string;
  returnUrl: string | null;
  csrfToken: string;
  expiresAt: Date;
}

export function portalActor(session: PortalSessionContext): PortalActor {
  return { type: 'portal_session', id: session.id };
}
