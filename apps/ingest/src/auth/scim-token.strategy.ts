import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Directory } from '@roster/data';
import { hashSecret, secretsEqual } from '@roster/security';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-http-bearer';
import { DirectoryCache } from './directory-cache';

export const SCIM_TOKEN_STRATEGY = 'scim-token';

/**
 * The bearer token of the directory named in the URL: it must be that
 * directory's current token, or its previous one inside the rotation grace
 * period. Tokens are stored as SHA-256 and the hashes compared in constant time.
 * Directory rows come from a one-second cache, so a rotation without grace, a
 * pause or a deletion takes effect within a second.
 */
@Injectable()
export class ScimTokenStrategy extends PassportStrategy(Strategy, SCIM_TOKEN_STRATEGY) {
  constructor(private readonly directories: DirectoryCache) {
    super({ passReqToCallback: true });
  }

  async validate(request: FastifyRequest, token: string): Promise<Directory | false> {
    const directoryId = (request.params as { directoryId?: string }).directoryId;
    if (!directoryId) return false;
    const directory = await this.directories.get(directoryId);
    if (!directory) return false;
    return matchesToken(directory, hashSecret(token)) ? directory : false;
  }
}

function matchesToken(directory: Directory, hash: string): boolean {
  if (secretsEqual(hash, directory.scimTokenHash)) return true;
  const previous = directory.previousScimTokenHash;
  const expires = directory.previousScimTokenExpires;
  return !!previous && !!expires && expires.getTime() > Date.now() && secretsEqual(hash, previous);
}
