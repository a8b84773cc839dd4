import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, parseInput } from '@roster/platform';
import { listScimRequestsQuerySchema } from './scim-request.schemas';
import { ScimRequestsService } from './scim-requests.service';

@ApiTags('directories')
@UseGuards(ApiKeyGuard)
@Controller('v1/directories/:id/scim-requests')
export class ScimRequestsController {
  constructor(private readonly requests: ScimRequestsService) {}

  @Get()
  @ApiOperation({ summary: 'The SCIM request log of a directory, newest first (status=failed|succeeded)' })
  list(@Param('id') id: string, @Query() query: unknown) {
    const { status, ...page } = parseInput(listScimRequestsQuerySchema, query);
    return this.requests.list(id, page, status);
  }
}
