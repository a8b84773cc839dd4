import { Injectable } from '@nestjs/common';
import { type Directory, DirectoriesRepository } from '@roster/data';

// Long enough to spare a query on every request of a busy IdP, short enough that
// a rotated token, a paused or a deleted directory takes effect within a second.
const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

/**
 * Directory rows as the SCIM auth reads them, kept for a second. The token is
 * still checked against the cached hashes on every request. Requests arriving
 * while a row is being read wait for that one read.
 */
@Injectable()
export class DirectoryCache {
  private readonly entries = new Map<string, { directory: Directory | null; expiresAt: number }>();
  private readonly reading = new Map<string, Promise<Directory | null>>();

  constructor(private readonly directories: DirectoriesRepository) {}

  async get(id: string): Promise<Directory | null> {
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > Date.now()) return cached.directory;
    return this.reading.get(id) ?? this.read(id);
  }

  /** After this process activated the directory, so the next requests do not try again. */
  markActivated(id: string, at: Date): void {
    const cached = this.entries.get(id);
    if (cached?.directory) cached.directory = { ...cached.directory, activatedAt: at };
  }

  private read(id: string): Promise<Directory | null> {
    const read = this.directories
      .findById(id)
      .then((directory) => {
        if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
        this.entries.set(id, { directory, expiresAt: Date.now() + TTL_MS });
        return directory;
      })
      .finally(() => this.reading.delete(id));
    this.reading.set(id, read);
    return read;
  }
}
