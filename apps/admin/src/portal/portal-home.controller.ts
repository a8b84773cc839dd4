import { Body, Controller, Get, Inject, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { AuditLogReadsRepository } from '@roster/data';
import { parseInput } from '@roster/platform';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { toAuditLogEntryObject } from '../audit/audit-log-entry.object';
import { providerLabel } from './idp/idp-providers';
import { activityPage } from './pages/activity.page';
import { connectPage } from './pages/connect.page';
import { homePage } from './pages/home.page';
import { connectForm } from './portal-forms';
import { PortalDirectoriesService } from './portal-directories.service';
import { PortalExceptionFilter } from './portal-exception.filter';
import { redirect, sendPage } from './render/send-page';
import { CurrentPortalSession } from './session/current-portal-session.decorator';
import { FLASH_COOKIE, setCookie } from './session/portal-cookies';
import type { PortalSessionContext } from './session/portal-session';
import { PortalSessionGuard } from './session/portal-session.guard';
import { TOKEN_FLASH_TTL_MS, TokenFlash } from './session/token-flash';

const activityQuery = z.object({ after: z.string().regex(/^\d{1,19}$/).optional() });

/** The tenant's directories, connecting a new one, and the activity log. */
@ApiExcludeController()
@UseFilters(PortalExceptionFilter)
@UseGuards(PortalSessionGuard)
@Controller('portal')
export class PortalHomeController {
  private readonly secure: boolean;

  constructor(
    private readonly directories: PortalDirectoriesService,
    private readonly auditLog: AuditLogReadsRepository,
    private readonly flash: TokenFlash,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = config.publicAdminUrl.startsWith('https:');
  }

  @Get()
  async home(@CurrentPortalSession() session: PortalSessionContext, @Res() reply: FastifyReply) {
    const summaries = await this.directories.listForTenant(session);
    if (summaries.length === 0) return redirect(reply, '/portal/connect');
    if (summaries.length === 1) return redirect(reply, `/portal/directories/${summaries[0]!.directory.id}`);
    return sendPage(reply, homePage(session, summaries));
  }

  @Get('connect')
  connect(@CurrentPortalSession() session: PortalSessionContext, @Res() reply: FastifyReply) {
    return sendPage(reply, connectPage(session));
  }

  /** Creates the directory and carries its token, once, to the overview page. */
  @Post('directories')
  async create(@CurrentPortalSession() session: PortalSessionContext, @Body() body: unknown, @Res() reply: FastifyReply) {
    const { provider } = parseInput(connectForm, body);
    const created = await this.directories.create(session, provider, `${session.tenantName} · ${providerLabel(provider)}`);
    const directoryId = created.directory.id;
    const sealed = this.flash.seal(session.id, directoryId, created.scim.bearer_token);
    reply.header('set-cookie', setCookie(FLASH_COOKIE, sealed, { maxAgeSeconds: TOKEN_FLASH_TTL_MS / 1000, secure: this.secure }));
    return redirect(reply, `/portal/directories/${directoryId}`);
  }

  @Get('activity')
  async activity(@CurrentPortalSession() session: PortalSessionContext, @Query() query: unknown, @Res() reply: FastifyReply) {
    const { after } = parseInput(activityQuery, query);
    const page = await this.auditLog.list({ limit: 50, order: 'desc', after }, { tenantId: session.tenantId });
    return sendPage(reply, activityPage(session, page.data.map(toAuditLogEntryObject), page.after));
  }
}
