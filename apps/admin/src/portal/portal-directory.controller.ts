import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { parseInput } from '@roster/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdpGuides } from './idp/idp-guides';
import { overviewPage } from './pages/overview.page';
import { requestsPage } from './pages/requests.page';
import { settingsPage } from './pages/settings.page';
import { googleForm, logQuery, rotateForm, savedQuery, settingsForm } from './portal-forms';
import { PortalDirectoriesService } from './portal-directories.service';
import { PortalExceptionFilter } from './portal-exception.filter';
import { redirect, sendPage } from './render/send-page';
import { CurrentPortalSession } from './session/current-portal-session.decorator';
import { clearCookie, FLASH_COOKIE, readCookie, setCookie } from './session/portal-cookies';
import type { PortalSessionContext } from './session/portal-session';
import { PortalSessionGuard } from './session/portal-session.guard';
import { TOKEN_FLASH_TTL_MS, TokenFlash } from './session/token-flash';

const RECENT_REQUESTS = 5;
const LOG_PAGE_SIZE = 50;

/** One directory: overview and token, request log, settings. */
@ApiExcludeController()
@UseFilters(PortalExceptionFilter)
@UseGuards(PortalSessionGuard)
@Controller('portal/directories/:id')
export class PortalDirectoryController {
  private readonly secure: boolean;

  constructor(
    private readonly directories: PortalDirectoriesService,
    private readonly guides: IdpGuides,
    private readonly flash: TokenFlash,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = config.publicAdminUrl.startsWith('https:');
  }

  @Get()
  async overview(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const directory = await this.directories.require(session, id);
    const [summary, recent] = await Promise.all([
      this.directories.summarize(directory),
      this.directories.requestLog(directory, { limit: RECENT_REQUESTS, order: 'desc' }),
    ]);
    const freshToken = this.flash.open(readCookie(request.headers.cookie, FLASH_COOKIE), session.id, directory.id);
    // Shown once: the cookie that carried it is gone after this page.
    if (freshToken) reply.header('set-cookie', clearCookie(FLASH_COOKIE, { secure: this.secure }));
    const guide = this.guides.guide(directory.provider);
    return sendPage(reply, overviewPage(session, { summary, guide, freshToken, recent: recent.data }));
  }

  @Post('token')
  async rotate(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    parseInput(rotateForm, body);
    const directory = await this.directories.require(session, id);
    const token = await this.directories.rotateToken(session, directory);
    const sealed = this.flash.seal(session.id, directory.id, token);
    reply.header('set-cookie', setCookie(FLASH_COOKIE, sealed, { maxAgeSeconds: TOKEN_FLASH_TTL_MS / 1000, secure: this.secure }));
    return redirect(reply, `/portal/directories/${directory.id}`);
  }

  @Get('requests')
  async requests(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ) {
    const { status, before, after } = parseInput(logQuery, query);
    const directory = await this.directories.require(session, id);
    const page = { limit: LOG_PAGE_SIZE, order: 'desc' as const, before: after ? undefined : before, after };
    const log = await this.directories.requestLog(directory, page, status);
    return sendPage(reply, requestsPage(session, directory, log, status === 'failed'));
  }

  @Get('settings')
  async settings(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ) {
    const { saved } = parseInput(savedQuery, query);
    const directory = await this.directories.require(session, id);
    return sendPage(reply, settingsPage(session, directory, saved !== undefined));
  }

  @Post('settings')
  async saveSettings(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    const { deprovisioning } = parseInput(settingsForm, body);
    const directory = await this.directories.require(session, id);
    await this.directories.update(session, directory, { deprovisioning });
    return redirect(reply, `/portal/directories/${directory.id}/settings?saved=1`);
  }

  @Post('google')
  async saveGoogle(
    @CurrentPortalSession() session: PortalSessionContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    const form = parseInput(googleForm, body);
    const directory = await this.directories.require(session, id);
    const providerConfig = { admin_email: form.admin_email, service_account_key: form.service_account_key };
    await this.directories.update(session, directory, { provider_config: providerConfig });
    return redirect(reply, `/portal/directories/${directory.id}/settings?saved=1`);
  }
}
