import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type ApiPrincipal, CurrentPrincipal, openApiSchema, parseInput } from '@roster/platform';
import {
  createWebhookEndpointSchema,
  listDeliveriesQuerySchema,
  listWebhookEndpointsQuerySchema,
  replaySchema,
  rotateSecretSchema,
  updateWebhookEndpointSchema,
} from './webhook-endpoint.schemas';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ApiTags('webhook-endpoints')
@UseGuards(ApiKeyGuard)
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a webhook endpoint; its whsec_ signing secret is shown only in this response' })
  @ApiBody({ schema: openApiSchema(createWebhookEndpointSchema) })
  create(@CurrentPrincipal() principal: ApiPrincipal, @Body() body: unknown) {
    return this.endpoints.create(principal, parseInput(createWebhookEndpointSchema, body));
  }

  @Get()
  @ApiOperation({ summary: 'List webhook endpoints, newest first (limit, before, after, order, tenant_id, directory_id)' })
  list(@Query() query: unknown) {
    const { tenant_id, directory_id, ...page } = parseInput(listWebhookEndpointsQuerySchema, query);
    return this.endpoints.list(page, { tenantId: tenant_id, directoryId: directory_id });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook endpoint (never its secret)' })
  get(@Param('id') id: string) {
    return this.endpoints.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, event filter, tenant/directory scope, or enable/disable (enabling resumes pending deliveries)' })
  @ApiBody({ schema: openApiSchema(updateWebhookEndpointSchema) })
  update(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.endpoints.update(principal, id, parseInput(updateWebhookEndpointSchema, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook endpoint with its deliveries' })
  async delete(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string): Promise<void> {
    await this.endpoints.delete(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a new signing secret; both sign every delivery during overlap_seconds (default 24 h)' })
  @ApiBody({ schema: openApiSchema(rotateSecretSchema), required: false })
  rotateSecret(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.endpoints.rotateSecret(principal, id, parseInput(rotateSecretSchema, body).overlap_seconds);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of this endpoint with every attempt, newest first (status, directory_id, limit, before, after)' })
  deliveries(@Param('id') id: string, @Query() query: unknown) {
    const { status, directory_id, ...page } = parseInput(listDeliveriesQuerySchema, query);
    return this.endpoints.listDeliveries(id, page, { status, directoryId: directory_id });
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the events after an event id (after) or since a time (since) again, in order' })
  @ApiBody({ schema: openApiSchema(replaySchema) })
  replay(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.endpoints.replay(principal, id, parseInput(replaySchema, body));
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a signed webhook.test event now and report how the endpoint answered' })
  sendTestEvent(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string) {
    return this.endpoints.sendTestEvent(principal, id);
  }
}
