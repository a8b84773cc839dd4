import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type ApiPrincipal, CurrentPrincipal, listQuerySchema, openApiSchema, parseInput } from '@roster/platform';
import { z } from 'zod';
import { ApiKeysService } from './api-keys.service';

const createApiKeySchema = z.strictObject({ name: z.string().trim().min(1).max(200) });
const listApiKeysQuerySchema = listQuerySchema();

@ApiTags('api-keys')
@UseGuards(ApiKeyGuard)
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; its secret is shown only in this response' })
  @ApiBody({ schema: openApiSchema(createApiKeySchema) })
  create(@CurrentPrincipal() principal: ApiPrincipal, @Body() body: unknown) {
    return this.apiKeys.create(principal, parseInput(createApiKeySchema, body).name);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their secrets)' })
  list(@Query() query: unknown) {
    return this.apiKeys.list(parseInput(listApiKeysQuerySchema, query));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  async delete(@CurrentPrincipal() principal: ApiPrincipal, @Param('id') id: string): Promise<void> {
    await this.apiKeys.delete(principal, id);
  }
}
