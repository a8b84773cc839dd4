import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, listQuerySchema, parseInput } from '@roster/platform';
import { z } from 'zod';
import { DirectoryUsersService } from './directory-users.service';

const listDirectoryUsersQuerySchema = listQuerySchema({
  directory_id: z.string().min(1).optional(),
  group_id: z.string().min(1).optional(),
}).refine((query) => query.directory_id || query.group_id, {
  message: 'give directory_id or group_id',
  path: ['directory_id'],
});

@ApiTags('directory-users')
@UseGuards(ApiKeyGuard)
@Controller('v1/directory-users')
export class DirectoryUsersController {
  constructor(private readonly users: DirectoryUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Normalized users of a directory or of a group (directory_id and/or group_id), newest first' })
  list(@Query() query: unknown) {
    const { directory_id, group_id, ...page } = parseInput(listDirectoryUsersQuerySchema, query);
    return this.users.list(page, { directory_id, group_id });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A normalized directory user, with its groups, roles and custom attributes' })
  get(@Param('id') id: string) {
    return this.users.get(id);
  }
}
