import { Injectable } from '@nestjs/common';
import type { Directory } from '@roster/data';
import { hashSecret, secretsEqual } from '@roster/security';
import { DirectoryCache } from './directory-cache';

/**
 * Checks a bearer token against the directory named in the URL: it must be
 * that directory's current token, or its previous one inside the rotation
 * grace period. Tokens are stored as SHA-256 and the hashes compared in
 * constant time. Directory rows come from a one-second cache, so a rotation
 * without grace, a pause or a deletion takes effect within a second.
 */
@Injectable()
export class ScimTokenVerifier {
  constructor(private readonly directories: DirectoryCache) {}

  /** The directory the token opens; null when it opens none. */
  async verify(directoryId: string, token: string): Promise<Directory | null> {
    const directory = await this.directories.get(directoryId);
    if (!directory) return null;
    return matchesToken(directory, hashSecret(token)) ? directory : null;
  }
}

function matchesToken(directory: Directory, hash: string): boolean {
  if (secretsEqual(hash, directory.scimTokenHash)) return true;
  const previous = directory.previousScimTokenHash;
  const expires = directory.previousScimTokenExpires;
  return !!previous && !!expires && expires.getTime() > Date.now() && secretsEqual(hash, previous);
}
