import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { ScimDirectory } from '../auth/request-directory';
import { expectedVersion, isNotModified } from '../http/etag';
import { replyWithResource } from '../http/scim-reply';
import { readListQuery, readSearchBody } from '../list/list-request';
import type { ScimListResponse } from '../list/list-response';
import { GroupsService } from './groups.service';

/** RFC 7644 §3 on /Groups. */
@Controller('scim/v2/:directoryId/Groups')
@UseGuards(ScimAuthGuard)
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post()
  async create(
    @ScimDirectory() directory: DirectoryContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return replyWithResource(reply, 201, await this.groups.create(directory, body));
  }

  @Post('.search')
  @HttpCode(200)
  search(@ScimDirectory() directory: DirectoryContext, @Body() body: unknown): Promise<ScimListResponse> {
    return this.groups.list(directory, readSearchBody(body));
  }

  @Get()
  list(
    @ScimDirectory() directory: DirectoryContext,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<ScimListResponse> {
    return this.groups.list(directory, readListQuery(query, request.url));
  }

  @Get(':id')
  async get(
    @ScimDirectory() directory: DirectoryContext,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.groups.get(directory, id, readListQuery(query).selection);
    if (isNotModified(ifNoneMatch, result.version)) return void reply.status(304);
    return replyWithResource(reply, 200, result);
  }

  @Put(':id')
  async replace(
    @ScimDirectory() directory: DirectoryContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return replyWithResource(reply, 200, await this.groups.replace(directory, id, body, expectedVersion(ifMatch)));
  }

  @Patch(':id')
  async patch(
    @ScimDirectory() directory: DirectoryContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: Record<string, unknown>,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.groups.patch(
      directory,
      id,
      body,
      readListQuery(query).selection,
      expectedVersion(ifMatch),
    );
    if (!result) return void reply.status(204);
    return replyWithResource(reply, 200, result);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(
    @ScimDirectory() directory: DirectoryContext,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.groups.delete(directory, id, expectedVersion(ifMatch));
  }
}
