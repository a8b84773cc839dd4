import { Injectable } from '@nestjs/common';
import { DirectoriesRepository, type PageQuery, ScimRequestReadsRepository, type ScimRequestOutcome } from '@roster/data';
import { ApiError, type ListResponse, toListResponse } from '@roster/platform';
import { type ScimRequestObject, toScimRequestObject } from './scim-request.object';

/** A directory's SCIM request log, newest first. */
@Injectable()
export class ScimRequestsService {
  constructor(
    private readonly requests: ScimRequestReadsRepository,
    private readonly directories: DirectoriesRepository,
  ) {}

  async list(directoryId: string, page: PageQuery, outcome?: ScimRequestOutcome): Promise<ListResponse<ScimRequestObject>> {
    if (!(await this.directories.findById(directoryId))) throw ApiError.notFound('directory', directoryId);
    return toListResponse(await this.requests.list(page, { directoryId, outcome }), toScimRequestObject);
  }
}
