import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type ApiPrincipal, CurrentPrincipal, openApiSchema, parseInput } from '@roster/platform';
import { createTenantSchema, listTenantsQuerySchema, updateTenantSchema } from './tenant.schemas';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@UseGuards(ApiKeyGuard)
@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a tenant (one of your customers)' })
  @ApiBody({ schema: openApiSchema(createTenantSchema) })
  create(@CurrentPrincipal() principal: ApiPrincipal, @Body() body: unknown) {
    return this.tenants.create(principal, parseInput(createTenantSchema, body));
  }

  @Get()
  @ApiOperation({ summary: 'List tenants, newest first (limit, before, after, order, external_id)' })
  list(@Query() query: unknown) {
    const { external_id, ...page } = parseInput(listTenantsQuerySchema, query);
    return this.tenants.list(page, external_id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a tenant' })
  get(@Param('id') id: string) {
    return this.tenants.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a tenant' })
  @ApiBody({ schema: openApiSchema(updateTenantSchema) })
  update(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.tenants.update(principal, id, parseInput(updateTenantSchema, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tenant, its directories and their users and groups (emits dsync.deleted)' })
  async delete(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string): Promise<void> {
    await this.tenants.delete(principal, id);
  }
}

