import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import {
  type Directory,
  DirectoriesRepository,
  DirectoryReadsRepository,
  type PageQuery,
  ScimRequestReadsRepository,
  type ScimRequestOutcome,
} from '@roster/data';
import { type DirectoryProvider, scimBaseUrlForIdp } from '@roster/events';
import { DirectoriesService } from '../directories/directories.service';
import type { UpdateDirectoryBody } from '../directories/directory.schemas';
import { toScimRequestObject, type ScimRequestObject } from '../scim-requests/scim-request.object';
import { type SeenAttribute, collectAttributePaths } from './attribute-paths';
import { PortalPageError } from './portal-page.error';
import { type PortalSessionContext, portalActor } from './session/portal-session';

/** Users whose attributes are read to offer mappable paths: recent ones, a bounded sample. */
const ATTRIBUTE_SAMPLE_SIZE = 200;

export type ConnectionStatus = 'waiting' | 'active' | 'paused';

export interface DirectorySummary {
  directory: Directory;
  scimBaseUrl: string | null;
  status: ConnectionStatus;
  userCount: number;
  groupCount: number;
  lastRequest: ScimRequestObject | null;
  lastSyncAt: Date | null;
}

export interface RequestLogPage {
  data: ScimRequestObject[];
  before: string | null;
  after: string | null;
}

/**
 * What the portal shows and changes, always within the session's tenant: a
 * directory of another tenant is "not found". Changes go through the
 * directories service, so the API and the portal share one logic and one audit trail.
 */
@Injectable()
export class PortalDirectoriesService {
  constructor(
    private readonly directories: DirectoriesRepository,
    private readonly reads: DirectoryReadsRepository,
    private readonly requests: ScimRequestReadsRepository,
    private readonly directoriesService: DirectoriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listForTenant(session: PortalSessionContext): Promise<DirectorySummary[]> {
    const page = await this.directories.list({ limit: 50, order: 'asc' }, { tenantId: session.tenantId });
    return Promise.all(page.data.map((directory) => this.summarize(directory)));
  }

  async require(session: PortalSessionContext, directoryId: string): Promise<Directory> {
    const directory = await this.directories.findById(directoryId);
    if (!directory || directory.tenantId !== session.tenantId) throw PortalPageError.notFound('Directory');
    return directory;
  }

  /** Counts are SQL counts over indexes: one page load never reads the users themselves. */
  async summarize(directory: Directory): Promise<DirectorySummary> {
    const [userCount, groupCount, latest] = await Promise.all([
      this.reads.countUsers(directory.id),
      this.reads.countGroups(directory.id),
      this.requests.latest(directory.id),
    ]);
    const lastRequest = latest.any && toScimRequestObject(latest.any);
    const status: ConnectionStatus =
      directory.state === 'inactive' ? 'paused' : directory.activatedAt || lastRequest ? 'active' : 'waiting';
    return {
      directory,
      scimBaseUrl: scimBaseUrlForIdp(directory, this.config.publicScimUrl),
      status,
      userCount,
      groupCount,
      lastRequest,
      lastSyncAt: latest.succeeded?.createdAt ?? null,
    };
  }

  async requestLog(directory: Directory, page: PageQuery, outcome?: ScimRequestOutcome): Promise<RequestLogPage> {
    const found = await this.requests.list(page, { directoryId: directory.id, outcome });
    return { ...found, data: found.data.map(toScimRequestObject) };
  }

  seenAttributes(directory: Directory): Promise<SeenAttribute[]> {
    return this.reads.sampleUserAttributes(directory.id, ATTRIBUTE_SAMPLE_SIZE).then(collectAttributePaths);
  }

  searchGroups(directory: Directory, search: string | undefined, limit: number) {
    return this.reads.searchGroups(directory.id, { search, limit });
  }

  /** Creates the tenant's directory; the token comes back once, for the next page to show. */
  async create(session: PortalSessionContext, provider: DirectoryProvider, name: string) {
    return this.directoriesService.create(portalActor(session), session.tenantId, { name, provider });
  }

  async rotateToken(session: PortalSessionContext, directory: Directory): Promise<string> {
    const { bearer_token } = await this.directoriesService.rotateToken(portalActor(session), directory.id, 0);
    return bearer_token;
  }

  async update(session: PortalSessionContext, directory: Directory, changes: UpdateDirectoryBody): Promise<void> {
    await this.directoriesService.update(portalActor(session), directory.id, changes);
  }
}
