import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import type { PortalSession } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface PortalLinkInput {
  tenantId: string;
  linkTokenHash: string;
  linkExpiresAt: Date;
  returnUrl?: string | null;
}

/**
 * Portal links and the IT-admin sessions they start. Only hashes of the link and
 * session secrets are stored.
 */
@Injectable()
export class PortalSessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  createLink(input: PortalLinkInput): Promise<PortalSession> {
    return this.prisma.portalSession.create({ data: { id: newId('portalSession'), ...input } });
  }

  findByLinkHash(linkTokenHash: string): Promise<PortalSession | null> {
    return this.prisma.portalSession.findUnique({ where: { linkTokenHash } });
  }

  findBySessionHash(sessionTokenHash: string): Promise<PortalSession | null> {
    return this.prisma.portalSession.findUnique({ where: { sessionTokenHash } });
  }

  /**
   * Opens a link once: only an unopened, unexpired link turns into a session, in
   * one conditional update, so two concurrent opens cannot both succeed.
   */
  async open(id: string, session: { sessionTokenHash: string; sessionExpiresAt: Date }, now = new Date()): Promise<boolean> {
    const { count } = await this.prisma.portalSession.updateMany({
      where: { id, openedAt: null, linkExpiresAt: { gt: now } },
      data: { openedAt: now, ...session },
    });
    return count === 1;
  }

  /** Ends a session at once (sign-out). */
  async end(id: string, now = new Date()): Promise<void> {
    await this.prisma.portalSession.updateMany({ where: { id }, data: { sessionTokenHash: null, sessionExpiresAt: now } });
  }
}
