import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import type { Directory } from '@roster/data';
import { toDirectoryContext } from '@roster/directory-sync';
import { ScimError } from '@roster/scim';
import { DirectoryActivation } from './directory-activation.service';
import { setRequestDirectory } from './request-directory';
import { SCIM_TOKEN_STRATEGY } from './scim-token.strategy';
import { DirectoryRateLimiter } from '../http/directory-rate-limiter';
import { isTransientDatabaseError } from '../http/transient-errors';

/**
 * Every SCIM route: the directory's bearer token (401), an active SCIM
 * directory (403), the per-directory rate limit (429), and the first
 * authenticated request marks the directory active (dsync.activated).
 */
@Injectable()
export class ScimAuthGuard extends AuthGuard(SCIM_TOKEN_STRATEGY) {
  constructor(
    private readonly activation: DirectoryActivation,
    private readonly rateLimiter: DirectoryRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<{ user: Directory }>();
    const directory = request.user;
    if (directory.state !== 'active') throw new ScimError({ status: 403, detail: 'This directory is inactive' });
    if (directory.provider === 'google_workspace') {
      throw new ScimError({
        status: 403,
        detail: 'Google Workspace directories are synced by polling, not through SCIM',
      });
    }
    this.rateLimiter.take(directory.id);
    setRequestDirectory(request, toDirectoryContext(directory));
    if (!directory.activatedAt) await this.activation.activate(directory, this.config.publicScimUrl);
    return true;
  }

  override handleRequest<T>(error: unknown, directory: T): T {
    // A database outage while looking the token up is no verdict on the token: 503, so the IdP retries
    // instead of treating its credentials as revoked.
    if (isTransientDatabaseError(error)) throw error;
    if (error || !directory) {
      throw new ScimError({ status: 401, detail: 'A valid bearer token for this directory is required' });
    }
    return directory;
  }
}
