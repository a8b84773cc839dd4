import { Injectable } from '@nestjs/common';
import { DirectoriesRepository, type DirectoryUser, DirectoryReadsRepository, type PageQuery } from '@roster/data';
import { type DirectoryObjectMappings, type DirectoryUserObject, readDirectoryMappings, toDirectoryUserObject } from '@roster/events';
import { ApiError, type ListResponse, toListResponse } from '@roster/platform';

export interface DirectoryUserListFilter {
  directory_id?: string;
  group_id?: string;
}

/** Normalized directory users (CONTRACT section 5), a page at a time. */
@Injectable()
export class DirectoryUsersService {
  constructor(
    private readonly reads: DirectoryReadsRepository,
    private readonly directories: DirectoriesRepository,
  ) {}

  async get(id: string): Promise<DirectoryUserObject> {
    const user = await this.reads.findUser(id);
    if (!user) throw ApiError.notFound('directory_user', id);
    const [object] = await this.present([user]);
    return object!;
  }

  async list(page: PageQuery, filter: DirectoryUserListFilter): Promise<ListResponse<DirectoryUserObject>> {
    await this.requireFilterTargets(filter);
    const found = await this.reads.listUsers(page, { directoryId: filter.directory_id, groupId: filter.group_id });
    const objects = await this.present(found.data);
    return toListResponse({ ...found, data: objects }, (object) => object);
  }

  /** The groups of the whole page come in one query, the mappings once per directory. */
  private async present(users: DirectoryUser[]): Promise<DirectoryUserObject[]> {
    const [groups, mappings] = await Promise.all([
      this.reads.groupsForUsers(users.map((user) => user.id)),
      this.mappingsOf(new Set(users.map((user) => user.directoryId))),
    ]);
    return users.map((user) => toDirectoryUserObject(user, groups.get(user.id) ?? [], mappings.get(user.directoryId)!));
  }

  private async mappingsOf(directoryIds: Set<string>): Promise<Map<string, DirectoryObjectMappings>> {
    const entries = await Promise.all(
      [...directoryIds].map(async (id) => {
        const directory = await this.directories.findById(id);
        return [id, readDirectoryMappings(directory ?? { attributeMapping: {}, roleMapping: {} })] as const;
      }),
    );
    return new Map(entries);
  }

  // An unknown directory or group is a 404, not an empty list: it is almost always a wrong id.
  private async requireFilterTargets(filter: DirectoryUserListFilter): Promise<void> {
    if (filter.directory_id && !(await this.directories.findById(filter.directory_id))) {
      throw ApiError.notFound('directory', filter.directory_id);
    }
    if (filter.group_id && !(await this.reads.findGroup(filter.group_id))) {
      throw ApiError.notFound('directory_group', filter.group_id);
    }
  }
}
