import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { fetchPage, type Page, type PageQuery } from '../cursor-page';
import type { WebhookEndpoint } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma.service';

export interface WebhookEndpointInput {
  url: string;
  eventTypes: string[];
  tenantId: string | null;
  directoryId: string | null;
  secretEncrypted: string;
}

export type WebhookEndpointChanges = Partial<
  Pick<WebhookEndpoint, 'url' | 'eventTypes' | 'tenantId' | 'directoryId' | 'state' | 'disabledReason' | 'failingSince'>
>;

export interface SecretRotation {
  secretEncrypted: string;
  previousSecretEncrypted: string;
  previousSecretExpiresAt: Date;
}

@Injectable()
export class WebhookEndpointsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(input: WebhookEndpointInput): Promise<WebhookEndpoint> {
    return this.prisma.webhookEndpoint.create({ data: { id: newId('webhookEndpoint'), ...input } });
  }

  findById(id: string, db: PrismaTransaction = this.prisma): Promise<WebhookEndpoint | null> {
    return db.webhookEndpoint.findUnique({ where: { id } });
  }

  list(page: PageQuery, filter: { tenantId?: string; directoryId?: string } = {}): Promise<Page<WebhookEndpoint>> {
    return fetchPage(page, ({ id, order, take }) =>
      this.prisma.webhookEndpoint.findMany({
        where: { id, tenantId: filter.tenantId, directoryId: filter.directoryId },
        orderBy: { id: order },
        take,
      }),
    );
  }

  /** Enabled endpoints that may want events of this directory (the type filter is applied by the caller). */
  listEnabledFor(tenantId: string, directoryId: string, db: PrismaTransaction = this.prisma): Promise<WebhookEndpoint[]> {
    return db.webhookEndpoint.findMany({
      where: {
        state: 'enabled',
        AND: [{ OR: [{ tenantId: null }, { tenantId }] }, { OR: [{ directoryId: null }, { directoryId }] }],
      },
      orderBy: { id: 'asc' },
    });
  }

  update(id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpoint> {
    return this.prisma.webhookEndpoint.update({ where: { id }, data: { ...changes, updatedAt: new Date() } });
  }

  rotateSecret(id: string, rotation: SecretRotation): Promise<WebhookEndpoint> {
    return this.prisma.webhookEndpoint.update({ where: { id }, data: { ...rotation, updatedAt: new Date() } });
  }

  /** Disables an endpoint that has failed for the whole retry window; a no-op if it already is. */
  async disable(id: string, reason: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.updateMany({
      where: { id, state: 'enabled' },
      data: { state: 'disabled', disabledReason: reason, updatedAt: new Date() },
    });
    return count > 0;
  }

  /** Deletes the endpoint with its deliveries and attempts (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.deleteMany({ where: { id } });
    return count > 0;
  }
}
