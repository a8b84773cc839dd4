import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type ApiPrincipal, CurrentPrincipal, openApiSchema, parseInput } from '@roster/platform';
import { DirectoriesService } from './directories.service';
import {
  createDirectorySchema,
  listDirectoriesQuerySchema,
  rotateTokenSchema,
  updateDirectorySchema,
} from './directory.schemas';

@ApiTags('directories')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class DirectoriesController {
  constructor(private readonly directories: DirectoriesService) {}

  @Post('tenants/:tenantId/directories')
  @ApiOperation({ summary: 'Create a directory connection; the SCIM bearer token is shown only in this response' })
  @ApiBody({ schema: openApiSchema(createDirectorySchema) })
  create(@CurrentPrincipal() principal: ApiPrincipal, @Param('tenantId') tenantId: string, @Body() body: unknown) {
    return this.directories.create(principal, tenantId, parseInput(createDirectorySchema, body));
  }

  @Get('directories')
  @ApiOperation({ summary: 'List directories, newest first (limit, before, after, order, tenant_id)' })
  list(@Query() query: unknown) {
    const { tenant_id, ...page } = parseInput(listDirectoriesQuerySchema, query);
    return this.directories.list(page, tenant_id);
  }

  @Get('directories/:id')
  @ApiOperation({ summary: 'Get a directory (never its token)' })
  get(@Param('id') id: string) {
    return this.directories.get(id);
  }

  @Patch('directories/:id')
  @ApiOperation({ summary: 'Update name, deprovisioning, state, attribute and role mapping, provider config' })
  @ApiBody({ schema: openApiSchema(updateDirectorySchema) })
  update(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.directories.update(principal, id, parseInput(updateDirectorySchema, body));
  }

  @Post('directories/:id/token')
  @ApiOperation({ summary: 'Rotate the SCIM bearer token; the old one stops working (after grace_seconds)' })
  @ApiBody({ schema: openApiSchema(rotateTokenSchema), required: false })
  rotateToken(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.directories.rotateToken(principal, id, parseInput(rotateTokenSchema, body).grace_seconds);
  }

  @Delete('directories/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a directory with its users and groups (emits dsync.deleted)' })
  async delete(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string): Promise<void> {
    await this.directories.delete(principal, id);
  }
}
