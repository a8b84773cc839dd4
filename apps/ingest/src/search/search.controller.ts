import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { ScimDirectory } from '../auth/request-directory';
import { GroupsService } from '../groups/groups.service';
import { readSearchBody } from '../list/list-request';
import { type ScimListResponse, toListResponse } from '../list/list-response';
import { UsersService } from '../users/users.service';

/**
 * POST /.search across Users then Groups (RFC 7644 §3.4.3). A filter that one
 * resource type cannot evaluate fails the search, as it would on either endpoint.
 */
@Controller('scim/v2/:directoryId/.search')
@UseGuards(ScimAuthGuard)
export class SearchController {
  constructor(
    private readonly users: UsersService,
    private readonly groups: GroupsService,
  ) {}

  @Post()
  @HttpCode(200)
  async search(@ScimDirectory() directory: DirectoryContext, @Body() body: unknown): Promise<ScimListResponse> {
    const request = readSearchBody(body);
    const users = await this.users.list(directory, request);
    const usersTotal = users.totalResults;
    const groupStart = Math.max(1, request.startIndex - usersTotal);
    const groupCount = Math.max(0, request.count - users.Resources.length);
    const groups = await this.groups.list(directory, { ...request, startIndex: groupStart, count: groupCount });
    return toListResponse(usersTotal + groups.totalResults, request.startIndex, [
      ...users.Resources,
      ...groups.Resources,
    ]);
  }
}
