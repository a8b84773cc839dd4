import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { PortalSessionsRepository, TenantsRepository } from '@roster/data';
import { ApiError, type ApiPrincipal } from '@roster/platform';
import { issueSecret } from '@roster/security';
import { AuditService } from '../audit/audit.service';
import type { CreatePortalLinkBody } from './portal-link.schemas';

/** A link must be opened within five minutes (as WorkOS's); it then starts a session. */
export const PORTAL_LINK_TTL_MS = 5 * 60 * 1000;

export interface PortalLink {
  object: 'portal_link';
  link: string;
  expires_at: string;
}

@Injectable()
export class PortalLinksService {
  constructor(
    private readonly sessions: PortalSessionsRepository,
    private readonly tenants: TenantsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The link carries a one-time secret; only its SHA-256 is stored. */
  async create(principal: ApiPrincipal, body: CreatePortalLinkBody): Promise<PortalLink> {
    if (!(await this.tenants.findById(body.tenant_id))) throw ApiError.notFound('tenant', body.tenant_id);
    const secret = issueSecret('portalLink');
    const expiresAt = new Date(Date.now() + PORTAL_LINK_TTL_MS);
    const session = await this.sessions.createLink({
      tenantId: body.tenant_id,
      linkTokenHash: secret.hash,
      linkExpiresAt: expiresAt,
      returnUrl: body.return_url ?? null,
    });
    await this.audit.record(principal, {
      action: 'portal_link.created',
      targetType: 'portal_session',
      targetId: session.id,
      tenantId: body.tenant_id,
    });
    const link = `${this.config.publicAdminUrl}/portal/open?token=${encodeURIComponent(secret.secret)}`;
    return { object: 'portal_link', link, expires_at: expiresAt.toISOString() };
  }
}
