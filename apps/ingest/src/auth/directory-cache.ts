import { Injectable } from '@nestjs/common';
import { type Directory, DirectoriesRepository } from '@roster/data';

// Long enough to spare a query on every request of a busy IdP, short enough that
// a rotated token, a paused or a deleted directory takes effect within a second.
const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

/**
 * Directory rows as the SCIM auth reads them, kept for a second. The token is
 * still checked against the cached hashes on every request.
 */
@Injectable()
export class DirectoryCache {
  private readonly entries = new Map<string, { directory: Directory | null; expiresAt: number }>();

  constructor(private readonly directories: DirectoriesRepository) {}

  async get(id: string): Promise<Directory | null> {
    const now = Date.now();
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > now) return cached.directory;
    const directory = await this.directories.findById(id);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { directory, expiresAt: now + TTL_MS });
    return directory;
  }

  /** After this process activated the directory, so the next requests do not try again. */
  markActivated(id: string, at: Date): void {
    const cached = this.entries.get(id);
    if (cached?.directory) cached.directory = { ...cached.directory, activatedAt: at };
  }
}
