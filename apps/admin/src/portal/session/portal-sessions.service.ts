import { Injectable } from '@nestjs/common';
import { type PortalSession, PortalSessionsRepository, TenantsRepository } from '@roster/data';
import { generateSecret, hashSecret } from '@roster/security';
import { AuditService } from '../../audit/audit.service';
import { PortalPageError } from '../portal-page.error';
import { csrfTokenFor } from './csrf';
import type { PortalSessionContext } from './portal-session';

/** How long an IT admin stays signed in after opening a link. */
export const PORTAL_SESSION_TTL_MS = 60 * 60 * 1000;

export interface OpenedSession {
  sessionToken: string;
  expiresAt: Date;
}

/** Turns one-time portal links into sessions, and session cookies back into sessions. */
@Injectable()
export class PortalSessionsService {
  constructor(
    private readonly sessions: PortalSessionsRepository,
    private readonly tenants: TenantsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Opens a link exactly once, within its five minutes; anything else is a friendly error page. */
  async open(linkToken: string | undefined, now = new Date()): Promise<OpenedSession> {
    const link = linkToken ? await this.sessions.findByLinkHash(hashSecret(linkToken)) : null;
    if (!link) throw PortalPageError.invalidLink();
    if (link.openedAt) throw PortalPageError.usedLink(link.returnUrl);
    if (link.linkExpiresAt <= now) throw PortalPageError.expiredLink(link.returnUrl);
    const sessionToken = generateSecret('portal_session_');
    const expiresAt = new Date(now.getTime() + PORTAL_SESSION_TTL_MS);
    const opened = await this.sessions.open(link.id, { sessionTokenHash: hashSecret(sessionToken), sessionExpiresAt: expiresAt }, now);
    // Lost a race with another open of the same link: that one won.
    if (!opened) throw PortalPageError.usedLink(link.returnUrl);
    await this.audit.record(
      { type: 'portal_session', id: link.id },
      { action: 'portal_session.opened', targetType: 'portal_session', targetId: link.id, tenantId: link.tenantId },
    );
    return { sessionToken, expiresAt };
  }

  /** The session a cookie stands for; throws the signed-out or expired page otherwise. */
  async authenticate(sessionToken: string | undefined, now = new Date()): Promise<PortalSessionContext> {
    const session = sessionToken ? await this.sessions.findBySessionHash(hashSecret(sessionToken)) : null;
    if (!session || !sessionToken) throw PortalPageError.signedOut();
    if (!session.sessionExpiresAt || session.sessionExpiresAt <= now) throw PortalPageError.sessionExpired(session.returnUrl);
    const tenant = await this.tenants.findById(session.tenantId);
    if (!tenant) throw PortalPageError.signedOut();
    return toContext(session, tenant.name, csrfTokenFor(sessionToken), session.sessionExpiresAt);
  }

  async signOut(session: PortalSessionContext): Promise<void> {
    await this.sessions.end(session.id);
    await this.audit.record(
      { type: 'portal_session', id: session.id },
      { action: 'portal_session.ended', targetType: 'portal_session', targetId: session.id, tenantId: session.tenantId },
    );
  }
}

function toContext(session: PortalSession, tenantName: string, csrfToken: string, expiresAt: Date): PortalSessionContext {
  return { id: session.id, tenantId: session.tenantId, tenantName, returnUrl: session.returnUrl, csrfToken, expiresAt };
}
