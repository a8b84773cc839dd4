import { Injectable } from '@nestjs/common';
import { DirectoriesRepository, DirectoryReadsRepository, type PageQuery } from '@roster/data';
import { type DirectoryGroupObject, toDirectoryGroupObject } from '@roster/events';
import { ApiError, type ListResponse, toListResponse } from '@roster/platform';

export interface DirectoryGroupListFilter {
  directory_id?: string;
  user_id?: string;
}

/** Normalized directory groups (CONTRACT section 5). */
@Injectable()
export class DirectoryGroupsService {
  constructor(
    private readonly reads: DirectoryReadsRepository,
    private readonly directories: DirectoriesRepository,
  ) {}

  async get(id: string): Promise<DirectoryGroupObject> {
    const group = await this.reads.findGroup(id);
    if (!group) throw ApiError.notFound('directory_group', id);
    return toDirectoryGroupObject(group);
  }

  async list(page: PageQuery, filter: DirectoryGroupListFilter): Promise<ListResponse<DirectoryGroupObject>> {
    if (filter.directory_id && !(await this.directories.findById(filter.directory_id))) {
      throw ApiError.notFound('directory', filter.directory_id);
    }
    if (filter.user_id && !(await this.reads.findUser(filter.user_id))) {
      throw ApiError.notFound('directory_user', filter.user_id);
    }
    const found = await this.reads.listGroups(page, { directoryId: filter.directory_id, userId: filter.user_id });
    return toListResponse(found, toDirectoryGroupObject);
  }
}
