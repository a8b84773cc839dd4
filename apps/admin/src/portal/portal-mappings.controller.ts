import { Body, Controller, Get, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { parseInput } from '@roster/platform';
import { readDirectoryMappings } from '@roster/events';
import type { FastifyReply } from 'fastify';
import { attributesPage } from './pages/attributes.page';
import { rolesPage } from './pages/roles.page';
import { attributesForm, rolesForm, savedQuery } from './portal-forms';
import { PortalDirectoriesService } from './portal-directories.service';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalMappingsService } from './portal-mappings.service';
import { redirect, sendPage } from './render/send-page';
import { CurrentPortalSession } from './session/current-portal-session.decorator';
import type { PortalSessionContext } from './session/portal-session';
import { PortalSessionGuard } from './session/portal-session.guard';

/** Attribute mapping and group-to-role mapping of one directory. */
@ApiExcludeController()
@UseFilters(PortalExceptionFilter)
@UseGuards(PortalSessionGuard)
@Controller('portal/directories/:id')
export class PortalMappingsController {
  constructor(
    private readonly directories: PortalDirectoriesService,
    private readonly mappings: PortalMappingsService,
  ) {}

  @Get('attributes')
  async attributes(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ) {
    const { saved } = parseInput(savedQuery, query);
    const directory = await this.directories.require(session, id);
    const seen = await this.directories.seenAttributes(directory);
    const mapping = readDirectoryMappings(directory).attributeMapping;
    return sendPage(reply, attributesPage(session, directory, mapping, seen, saved !== undefined));
  }

  @Post('attributes')
  async saveAttributes(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    const form = parseInput(attributesForm, body);
    const directory = await this.directories.require(session, id);
    await this.mappings.saveAttributes(session, directory, form.path, form.key);
    return redirect(reply, `/portal/directories/${directory.id}/attributes?saved=1`);
  }

  @Get('roles')
  async roles(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ) {
    const { saved, q } = parseInput(savedQuery, query);
    const directory = await this.directories.require(session, id);
    const data = await this.mappings.rolesPage(directory, q?.trim() ?? '', saved !== undefined);
    return sendPage(reply, rolesPage(session, directory, data));
  }

  @Post('roles')
  async saveRoles(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    const form = parseInput(rolesForm, body);
    const directory = await this.directories.require(session, id);
    const fields = form as Record<string, unknown>;
    const choices = new Map(form.group.map((groupId) => [groupId, typeof fields[`role_${groupId}`] === 'string' ? (fields[`role_${groupId}`] as string) : '']));
    await this.mappings.saveRoles(session, directory, choices);
    return redirect(reply, `/portal/directories/${directory.id}/roles?saved=1`);
  }
}
