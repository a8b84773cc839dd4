import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditEntry,
  AuditLogRepository,
  DirectoriesRepository,
  type PageQuery,
  type ReplayStart,
  TenantsRepository,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  WebhookDeliveriesRepository,
  WebhookEndpointsRepository,
} from '@roster/data';
import { newId } from '@roster/ids';
import { ApiError, type ApiPrincipal, type ListResponse, toListResponse } from '@roster/platform';
import { buildWebhookHeaders, generateWebhookSecret, validateWebhookUrl } from '@roster/webhooks';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery.settings';
import { toWebhookDeliveryObject, type WebhookDeliveryObject } from './webhook-delivery.object';
import { toWebhookEndpointObject, type WebhookEndpointObject } from './webhook-endpoint.object';
import type { CreateWebhookEndpointBody, ReplayBody, UpdateWebhookEndpointBody } from './webhook-endpoint.schemas';
import { WebhookHttpClient } from './webhook-http-client';
import { WebhookLaneWaker } from './webhook-lane-waker';
import { WebhookSigningSecrets } from './webhook-signing-secrets';

type WithSecret = WebhookEndpointObject & { secret: string };

export interface WebhookTestResult {
  object: 'webhook_test';
  event_id: string;
  success: boolean;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  duration_ms: number;
}

/** The `/v1/webhook-endpoints` API (CONTRACT section 7). */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly directories: DirectoriesRepository,
    private readonly tenants: TenantsRepository,
    private readonly auditLog: AuditLogRepository,
    private readonly secrets: WebhookSigningSecrets,
    private readonly http: WebhookHttpClient,
    private readonly waker: WebhookLaneWaker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
  ) {}

  /** The signing secret is in this response only; the database keeps it encrypted. */
  async create(principal: ApiPrincipal, body: CreateWebhookEndpointBody): Promise<WithSecret> {
    const scope = { tenantId: body.tenant_id ?? null, directoryId: body.directory_id ?? null };
    await this.checkScope(scope.tenantId, scope.directoryId);
    const secret = generateWebhookSecret();
    const endpoint = await this.endpoints.create({
      url: this.checkUrl(body.url),
      eventTypes: body.events ?? [],
      ...scope,
      secretEncrypted: this.secrets.seal(secret),
    });
    await this.audit(principal, endpoint, 'webhook_endpoint.created');
    return { ...toWebhookEndpointObject(endpoint), secret };
  }

  async get(id: string): Promise<WebhookEndpointObject> {
    return toWebhookEndpointObject(await this.require(id));
  }

  async list(page: PageQuery, filter: { tenantId?: string; directoryId?: string }): Promise<ListResponse<WebhookEndpointObject>> {
    return toListResponse(await this.endpoints.list(page, filter), (endpoint) => toWebhookEndpointObject(endpoint));
  }

  async update(principal: ApiPrincipal, id: string, body: UpdateWebhookEndpointBody): Promise<WebhookEndpointObject> {
    const current = await this.require(id);
    const tenantId = body.tenant_id === undefined ? current.tenantId : body.tenant_id;
    const directoryId = body.directory_id === undefined ? current.directoryId : body.directory_id;
    await this.checkScope(tenantId, directoryId);
    const reenabled = body.state === 'enabled' && current.state !== 'enabled';
    const endpoint = await this.endpoints.update(id, {
      url: body.url === undefined ? undefined : this.checkUrl(body.url),
      eventTypes: body.events,
      tenantId,
      directoryId,
      state: body.state,
      ...(body.state === undefined ? {} : { disabledReason: body.state === 'disabled' ? 'Disabled through the API.' : null }),
      ...(reenabled ? { failingSince: null } : {}),
    });
    if (reenabled) await this.resume(id);
    await this.audit(principal, endpoint, 'webhook_endpoint.updated', { fields: Object.keys(body) });
    return toWebhookEndpointObject(endpoint);
  }

  async delete(principal: ApiPrincipal, id: string): Promise<void> {
    const endpoint = await this.require(id);
    await this.endpoints.delete(id);
    await this.audit(principal, endpoint, 'webhook_endpoint.deleted');
  }

  /** A new secret; the old one keeps signing next to it for `overlapSeconds`. */
  async rotateSecret(principal: ApiPrincipal, id: string, overlapSeconds: number): Promise<WithSecret> {
    const current = await this.require(id);
    const secret = generateWebhookSecret();
    const endpoint = await this.endpoints.rotateSecret(id, {
      secretEncrypted: this.secrets.seal(secret),
      previousSecretEncrypted: current.secretEncrypted,
      previousSecretExpiresAt: new Date(Date.now() + overlapSeconds * 1000),
    });
    await this.audit(principal, endpoint, 'webhook_endpoint.secret_rotated', { overlap_seconds: overlapSeconds });
    return { ...toWebhookEndpointObject(endpoint), secret };
  }

  async listDeliveries(
    id: string,
    page: PageQuery,
    filter: { status?: WebhookDeliveryStatus; directoryId?: string },
  ): Promise<ListResponse<WebhookDeliveryObject>> {
    await this.require(id);
    return toListResponse(await this.deliveries.listForEndpoint(id, page, filter), toWebhookDeliveryObject);
  }

  /** Sends the endpoint's events from a cursor or a time again, in order, through its lanes. */
  async replay(principal: ApiPrincipal, id: string, body: ReplayBody) {
    const endpoint = await this.require(id);
    const start = await this.replayStart(body);
    const { count, lanes } = await this.deliveries.replay(id, start, endpoint);
    await this.waker.wake(lanes);
    await this.audit(principal, endpoint, 'webhook_endpoint.replayed', { ...body, deliveries: count });
    return { object: 'webhook_replay' as const, endpoint_id: id, deliveries_queued: count };
  }

  /** Sends one signed `webhook.test` event now and reports how the endpoint answered; nothing is stored. */
  async sendTestEvent(principal: ApiPrincipal, id: string): Promise<WebhookTestResult> {
    const endpoint = await this.require(id);
    const body = JSON.stringify(testEvent(endpoint));
    const eventId = JSON.parse(body).id as string;
    const headers = buildWebhookHeaders({ msgId: eventId, timestamp: new Date(), body, secrets: this.secrets.activeSecrets(endpoint) });
    const sent = await this.http.send(endpoint.url, { ...headers }, body);
    await this.audit(principal, endpoint, 'webhook_endpoint.tested', { success: sent.outcome.ok });
    return {
      object: 'webhook_test',
      event_id: eventId,
      success: sent.outcome.ok,
      response_status: sent.responseStatus,
      response_body: sent.responseBody,
      error: sent.outcome.ok ? null : sent.outcome.summary,
      duration_ms: sent.durationMs,
    };
  }

  private async resume(id: string): Promise<void> {
    await this.deliveries.makePendingDue(id);
    await this.waker.wake(await this.deliveries.pendingLanes(id));
  }

  private async replayStart(body: ReplayBody): Promise<ReplayStart> {
    if (body.since !== undefined) return { since: new Date(body.since) };
    const event = await this.deliveries.findEvent(body.after!);
    if (!event) throw ApiError.badRequest('event_not_found', `No retained event with id ${body.after}.`);
    return { afterSeq: event.seq };
  }

  private checkUrl(url: string): string {
    const check = validateWebhookUrl(url, { allowPrivate: this.settings.allowPrivate });
    if (!check.ok) {
      throw ApiError.badRequest('invalid_url', `The webhook URL is refused: ${check.message}.`, { reason: check.reason });
    }
    return check.url.toString();
  }

  private async checkScope(tenantId: string | null, directoryId: string | null): Promise<void> {
    if (tenantId !== null && !(await this.tenants.findById(tenantId))) {
      throw ApiError.badRequest('tenant_not_found', `No tenant with id ${tenantId}.`);
    }
    if (directoryId === null) return;
    const directory = await this.directories.findById(directoryId);
    if (!directory) throw ApiError.badRequest('directory_not_found', `No directory with id ${directoryId}.`);
    if (tenantId !== null && directory.tenantId !== tenantId) {
      throw ApiError.badRequest('directory_not_in_tenant', `Directory ${directoryId} does not belong to tenant ${tenantId}.`);
    }
  }

  private async require(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw ApiError.notFound('webhook_endpoint', id);
    return endpoint;
  }

  private audit(principal: ApiPrincipal, endpoint: WebhookEndpoint, action: string, details?: AuditEntry['details']): Promise<void> {
    return this.auditLog.append({
      actorType: principal.type,
      actorId: principal.id,
      action,
      targetType: 'webhook_endpoint',
      targetId: endpoint.id,
      tenantId: endpoint.tenantId,
      details,
    });
  }
}

function testEvent(endpoint: WebhookEndpoint) {
  return {
    object: 'event',
    id: newId('event'),
    type: 'webhook.test',
    created_at: new Date().toISOString(),
    tenant_id: endpoint.tenantId,
    directory_id: endpoint.directoryId,
    data: { object: 'webhook_test', webhook_endpoint_id: endpoint.id },
  };
}
