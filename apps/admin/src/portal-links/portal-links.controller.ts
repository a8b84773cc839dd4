import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type ApiPrincipal, CurrentPrincipal, openApiSchema, parseInput } from '@roster/platform';
import { createPortalLinkSchema } from './portal-link.schemas';
import { PortalLinksService } from './portal-links.service';

@ApiTags('portal-links')
@UseGuards(ApiKeyGuard)
@Controller('v1/portal-links')
export class PortalLinksController {
  constructor(private readonly links: PortalLinksService) {}

  @Post()
  @ApiOperation({ summary: "A one-time link to the tenant's IT-admin portal, to open within 5 minutes" })
  @ApiBody({ schema: openApiSchema(createPortalLinkSchema) })
  create(@CurrentPrincipal() principal: ApiPrincipal, @Body() body: unknown) {
    return this.links.create(principal, parseInput(createPortalLinkSchema, body));
  }
}
