import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Directory } from '@roster/data';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-http-bearer';
import { ScimTokenVerifier } from './scim-token-verifier';

export const SCIM_TOKEN_STRATEGY = 'scim-token';

/**
 * Reads the bearer token (passport-http-bearer: the Authorization header, or
 * an access_token parameter, RFC 6750) and checks it against the directory
 * named in the URL (ScimTokenVerifier).
 */
@Injectable()
export class ScimTokenStrategy extends PassportStrategy(Strategy, SCIM_TOKEN_STRATEGY) {
  constructor(private readonly tokens: ScimTokenVerifier) {
    super({ passReqToCallback: true });
  }

  async validate(request: FastifyRequest, token: string): Promise<Directory | false> {
    const directoryId = (request.params as { directoryId?: string }).directoryId;
    if (!directoryId) return false;
    return (await this.tokens.verify(directoryId, token)) ?? false;
  }
}
