import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { toListResponse } from '../list/list-response';
import { DiscoveryService } from './discovery.service';

/** /ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4). Authenticated like every SCIM route. */
@Controller('scim/v2/:directoryId')
@UseGuards(ScimAuthGuard)
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  @Get('ServiceProviderConfig')
  serviceProviderConfig(@Param('directoryId') directoryId: string) {
    return this.discovery.serviceProviderConfig(directoryId);
  }

  @Get('ResourceTypes')
  resourceTypes(@Param('directoryId') directoryId: string) {
    const types = this.discovery.resourceTypes(directoryId);
    return toListResponse(types.length, 1, types);
  }

  @Get('ResourceTypes/:id')
  resourceType(@Param('directoryId') directoryId: string, @Param('id') id: string) {
    return this.discovery.resourceType(directoryId, id);
  }

  @Get('Schemas')
  schemas(@Param('directoryId') directoryId: string) {
    const schemas = this.discovery.schemas(directoryId);
    return toListResponse(schemas.length, 1, schemas);
  }

  @Get('Schemas/:urn')
  schema(@Param('directoryId') directoryId: string, @Param('urn') urn: string) {
    return this.discovery.schema(directoryId, urn);
  }
}
