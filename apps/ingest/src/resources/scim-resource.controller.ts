import { Body, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ScimDirectory } from '../auth/request-directory';
import { expectedVersion, isNotModified } from '../http/etag';
import { replyWithResource } from '../http/scim-reply';
import { readListQuery, readSearchBody } from '../list/list-request';
import type { ScimListResponse } from '../list/list-response';
import type { ScimResourceService } from './scim-resource-service';

/**
 * RFC 7644 §3 over one resource type: subclasses name the path and the
 * service (and carry the auth guard); the routes are written once here.
 */
export abstract class ScimResourceController {
  protected abstract readonly resources: ScimResourceService;

  @Post()
  async create(
    @ScimDirectory() directory: DirectoryContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return replyWithResource(reply, 201, await this.resources.create(directory, body));
  }

  @Post('.search')
  @HttpCode(200)
  search(@ScimDirectory() directory: DirectoryContext, @Body() body: unknown): Promise<ScimListResponse> {
    return this.resources.list(directory, readSearchBody(body));
  }

  @Get()
  list(
    @ScimDirectory() directory: DirectoryContext,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<ScimListResponse> {
    return this.resources.list(directory, readListQuery(query, request.url));
  }

  @Get(':id')
  async get(
    @ScimDirectory() directory: DirectoryContext,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.resources.get(directory, id, readListQuery(query).selection);
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
    return replyWithResource(reply, 200, await this.resources.replace(directory, id, body, expectedVersion(ifMatch)));
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
    const selection = readListQuery(query).selection;
    const result = await this.resources.patch(directory, id, body, selection, expectedVersion(ifMatch));
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
    await this.resources.delete(directory, id, expectedVersion(ifMatch));
  }
}
