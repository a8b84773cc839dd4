import { Injectable } from '@nestjs/common';
import { type Directory, DirectoryReadsRepository, type DirectoryGroup, RolesRepository } from '@roster/data';
import { readDirectoryMappings } from '@roster/events';
import { ApiError } from '@roster/platform';
import { PortalDirectoriesService } from './portal-directories.service';
import { CUSTOM_ATTRIBUTE_KEY } from './portal-forms';
import type { RolesPageData } from './pages/roles.page';
import type { PortalSessionContext } from './session/portal-session';

/** Groups listed on the roles page at once (search narrows the list). */
const GROUPS_PER_PAGE = 100;

/** Attribute and group-to-role mappings as the portal edits them. */
@Injectable()
export class PortalMappingsService {
  constructor(
    private readonly directories: PortalDirectoriesService,
    private readonly reads: DirectoryReadsRepository,
    private readonly roles: RolesRepository,
  ) {}

  /** Rows of (path, key); a row without a key is dropped. Paths must be ones seen in the directory or already mapped. */
  async saveAttributes(session: PortalSessionContext, directory: Directory, paths: string[], keys: string[]): Promise<void> {
    const current = readDirectoryMappings(directory).attributeMapping;
    const allowed = new Set([...(await this.directories.seenAttributes(directory)).map((seen) => seen.path), ...Object.keys(current)]);
    const mapping: Record<string, string> = {};
    const usedKeys = new Set<string>();
    paths.forEach((path, index) => {
      const key = (keys[index] ?? '').trim();
      if (!path || !key) return;
      if (!allowed.has(path)) throw ApiError.badRequest('invalid_request', `The attribute ${path} has not been seen in this directory.`);
      if (!CUSTOM_ATTRIBUTE_KEY.test(key)) {
        throw ApiError.badRequest('invalid_request', `"${key}" is not a valid name: use letters, digits and underscores, starting with a letter.`);
      }
      if (usedKeys.has(key)) throw ApiError.badRequest('invalid_request', `The name "${key}" is used twice.`);
      usedKeys.add(key);
      mapping[path] = key;
    });
    await this.directories.update(session, directory, { attribute_mapping: mapping });
  }

  async rolesPage(directory: Directory, search: string, saved: boolean): Promise<RolesPageData> {
    const [roles, found] = await Promise.all([
      this.roles.list(),
      this.directories.searchGroups(directory, search, GROUPS_PER_PAGE + 1),
    ]);
    const groups = found.slice(0, GROUPS_PER_PAGE);
    return { roles, groups, current: currentRoles(directory, groups), search, saved, truncated: found.length > GROUPS_PER_PAGE };
  }

  /**
   * Sets the role of each listed group (by group id), leaving other groups'
   * mappings alone. A name-keyed mapping of a listed group is replaced by the id one.
   */
  async saveRoles(session: PortalSessionContext, directory: Directory, choices: Map<string, string>): Promise<void> {
    const groups = await this.reads.findGroupsIn(directory.id, [...choices.keys()]);
    const known = new Set((await this.roles.list()).map((role) => role.slug));
    const mapping = { ...readDirectoryMappings(directory).roleMapping };
    for (const group of groups) {
      const slug = choices.get(group.id) ?? '';
      if (slug && !known.has(slug)) throw ApiError.badRequest('invalid_request', `There is no role "${slug}".`);
      for (const key of Object.keys(mapping)) if (key.toLowerCase() === group.displayName.toLowerCase()) delete mapping[key];
      const previous = mapping[group.id];
      // Keep a multi-role mapping made through the API when its first role is unchanged.
      if (Array.isArray(previous) && previous[0] === slug) continue;
      if (slug) mapping[group.id] = slug;
      else delete mapping[group.id];
    }
    await this.directories.update(session, directory, { role_mapping: mapping });
  }
}

function currentRoles(directory: Directory, groups: DirectoryGroup[]): Map<string, string> {
  const mapping = readDirectoryMappings(directory).roleMapping;
  const byName = new Map(Object.entries(mapping).map(([key, slugs]) => [key.toLowerCase(), slugs]));
  const current = new Map<string, string>();
  for (const group of groups) {
    const slugs = mapping[group.id] ?? byName.get(group.displayName.toLowerCase());
    const first = slugs === undefined ? undefined : [slugs].flat()[0];
    if (first) current.set(group.id, first);
  }
  return current;
}
