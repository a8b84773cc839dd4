import { Controller, Get, Inject, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import type { FastifyReply } from 'fastify';
import { messagePage } from './pages/message.page';
import { PortalExceptionFilter } from './portal-exception.filter';
import { redirect, sendPage } from './render/send-page';
import { CurrentPortalSession } from './session/current-portal-session.decorator';
import { clearCookie, FLASH_COOKIE, SESSION_COOKIE, setCookie } from './session/portal-cookies';
import type { PortalSessionContext } from './session/portal-session';
import { PortalSessionGuard } from './session/portal-session.guard';
import { PortalSessionsService } from './session/portal-sessions.service';

/** Opening a portal link, and signing out. */
@ApiExcludeController()
@UseFilters(PortalExceptionFilter)
@Controller('portal')
export class PortalSessionController {
  private readonly secure: boolean;

  constructor(
    private readonly sessions: PortalSessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = config.publicAdminUrl.startsWith('https:');
  }

  /** The one-time link: starts the session, then leaves the URL that carried the secret. */
  @Get('open')
  async open(@Query('token') token: string | undefined, @Res() reply: FastifyReply) {
    const opened = await this.sessions.open(typeof token === 'string' ? token : undefined);
    const maxAgeSeconds = Math.floor((opened.expiresAt.getTime() - Date.now()) / 1000);
    reply.header('set-cookie', setCookie(SESSION_COOKIE, opened.sessionToken, { maxAgeSeconds, secure: this.secure }));
    return redirect(reply, '/portal');
  }

  @Post('sign-out')
  @UseGuards(PortalSessionGuard)
  async signOut(@CurrentPortalSession() session: PortalSessionContext, @Res() reply: FastifyReply) {
    await this.sessions.signOut(session);
    reply.header('set-cookie', [clearCookie(SESSION_COOKIE, { secure: this.secure }), clearCookie(FLASH_COOKIE, { secure: this.secure })]);
    return sendPage(
      reply,
      messagePage({
        status: 200,
        title: 'You are signed out',
        detail: 'Your changes are saved. You can close this tab.',
        returnUrl: session.returnUrl,
      }),
    );
  }
}
