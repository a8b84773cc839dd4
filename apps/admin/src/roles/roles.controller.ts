import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type ApiPrincipal, CurrentPrincipal, openApiSchema, parseInput } from '@roster/platform';
import { replaceRolesSchema } from './role.schemas';
import { RolesService } from './roles.service';

@ApiTags('roles')
@UseGuards(ApiKeyGuard)
@Controller('v1/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @ApiOperation({ summary: 'The role catalogue, in the order it was given' })
  list() {
    return this.roles.list();
  }

  @Put()
  @ApiOperation({ summary: 'Replace the role catalogue: [{slug, name}] (or {"roles": [...]})' })
  @ApiBody({ schema: openApiSchema(replaceRolesSchema) })
  replace(@CurrentPrincipal() principal: ApiPrincipal, @Body() body: unknown) {
    return this.roles.replace(principal, parseInput(replaceRolesSchema, body));
  }
}
