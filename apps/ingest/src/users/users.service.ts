import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import {
  type DirectoryUser,
  DirectoryUsersRepository,
  GroupMembershipsRepository,
  PrismaService,
  type SqlRunner,
} from '@roster/data';
import {
  checkVersion,
  type DirectoryContext,
  DirectoryTransactions,
  notFound,
  UserWriter,
} from '@roster/directory-sync';
import {
  applyPatch,
  type AttributeSelection,
  isAttributeExcluded,
  projectAttributes,
  readResource,
  USER_FILTER_MAPPING,
  USER_RESOURCE_TYPE,
} from '@roster/scim';
import { ScimDialect } from '../dialects/scim-dialect';
import { compileListRequest, type ListRequest } from '../list/list-request';
import { type ScimListResponse, toListResponse } from '../list/list-response';
import type { ScimResourceService, VersionedResource } from '../resources/scim-resource-service';
import { toScimUser } from './scim-user-view';

/** /Users: each write one directory transaction (state + events), each read a plain query, all on plain pg. */
@Injectable()
export class UsersService implements ScimResourceService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: DirectoryTransactions,
    private readonly users: DirectoryUsersRepository,
    private readonly memberships: GroupMembershipsRepository,
    private readonly writer: UserWriter,
    private readonly dialect: ScimDialect,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(directory: DirectoryContext, body: unknown): Promise<VersionedResource> {
    const { resource } = readResource(this.dialect.resourceBody(body, 'User', directory), USER_RESOURCE_TYPE);
    // Creates queued behind a running write of this directory go in together: one INSERT, one event append.
    const user = await this.transactions.runGrouped(directory.id, 'user.create', resource, (tx, resources) =>
      this.writer.createEach(tx, directory, resources),
    );
    return { resource: toScimUser(user, [], this.baseUrl(directory)), version: user.version };
  }

  async get(directory: DirectoryContext, id: string, selection: AttributeSelection = {}): Promise<VersionedResource> {
    const user = await this.users.find(this.prisma.sql, directory.id, id);
    if (!user) throw notFound('User', id);
    return { resource: await this.view(this.prisma.sql, directory, user, selection), version: user.version };
  }

  async list(directory: DirectoryContext, request: ListRequest): Promise<ScimListResponse> {
    const { total, rows } = await this.users.list(
      this.prisma.sql,
      directory.id,
      compileListRequest(request, USER_FILTER_MAPPING, 'User'),
    );
    const groups = isAttributeExcluded(request.selection, 'groups')
      ? undefined
      : await this.memberships.groupRefsOfUsers(
          this.prisma.sql,
          rows.map((row) => row.id),
        );
    const resources = rows.map((user) =>
      projectAttributes(
        toScimUser(user, groups?.get(user.id), this.baseUrl(directory)),
        request.selection,
        USER_RESOURCE_TYPE,
      ),
    );
    return toListResponse(total, request.startIndex, resources);
  }

  replace(directory: DirectoryContext, id: string, body: unknown, version?: number): Promise<VersionedResource> {
    const { resource } = readResource(this.dialect.resourceBody(body, 'User', directory), USER_RESOURCE_TYPE);
    return this.update(directory, id, version, () => resource, {});
  }

  /** PATCH answers 200 with the user (Okta and Entra read it), projected by `attributes` when given. */
  patch(
    directory: DirectoryContext,
    id: string,
    body: unknown,
    selection: AttributeSelection,
    version?: number,
  ): Promise<VersionedResource> {
    const canonical = this.dialect.patchBody(body, 'User', directory);
    const change = (current: Record<string, unknown>) => applyPatch(current, canonical, USER_RESOURCE_TYPE).resource;
    return this.update(directory, id, version, change, selection);
  }

  async delete(directory: DirectoryContext, id: string, version?: number): Promise<void> {
    await this.transactions.runSql(directory.id, async (tx) => {
      const user = await this.users.find(tx, directory.id, id);
      if (!user) throw notFound('User', id);
      checkVersion(user, version);
      await this.writer.delete(tx, directory, user);
    });
  }

  private update(
    directory: DirectoryContext,
    id: string,
    version: number | undefined,
    change: (current: Record<string, unknown>) => Record<string, unknown>,
    selection: AttributeSelection,
  ): Promise<VersionedResource> {
    return this.transactions.runSql(directory.id, async (tx) => {
      const before = await this.users.find(tx, directory.id, id);
      if (!before) throw notFound('User', id);
      checkVersion(before, version);
      const after = await this.writer.save(tx, directory, before, change(before.attributes as Record<string, unknown>));
      return { resource: await this.view(tx, directory, after, selection), version: after.version };
    });
  }

  private async view(db: SqlRunner, directory: DirectoryContext, user: DirectoryUser, selection: AttributeSelection) {
    const groups = isAttributeExcluded(selection, 'groups')
      ? undefined
      : ((await this.memberships.groupRefsOfUsers(db, [user.id])).get(user.id) ?? []);
    return projectAttributes(toScimUser(user, groups, this.baseUrl(directory)), selection, USER_RESOURCE_TYPE);
  }

  private baseUrl(directory: DirectoryContext): string {
    return `${this.config.publicScimUrl}/scim/v2/${directory.id}`;
  }
}
