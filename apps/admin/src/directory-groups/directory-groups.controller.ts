import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, listQuerySchema, parseInput } from '@roster/platform';
import { z } from 'zod';
import { DirectoryGroupsService } from './directory-groups.service';

const listDirectoryGroupsQuerySchema = listQuerySchema({
  directory_id: z.string().min(1).optional(),
  user_id: z.string().min(1).optional(),
}).refine((query) => query.directory_id || query.user_id, {
  message: 'give directory_id or user_id',
  path: ['directory_id'],
});

@ApiTags('directory-groups')
@UseGuards(ApiKeyGuard)
@Controller('v1/directory-groups')
export class DirectoryGroupsController {
  constructor(private readonly groups: DirectoryGroupsService) {}

  @Get()
  @ApiOperation({ summary: 'Normalized groups of a directory or of a user (directory_id and/or user_id), newest first' })
  list(@Query() query: unknown) {
    const { directory_id, user_id, ...page } = parseInput(listDirectoryGroupsQuerySchema, query);
    return this.groups.list(page, { directory_id, user_id });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A normalized directory group' })
  get(@Param('id') id: string) {
    return this.groups.get(id);
  }
}
