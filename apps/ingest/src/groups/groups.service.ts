import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import {
  type DirectoryGroup,
  DirectoryGroupsRepository,
  type GroupMember,
  GroupMembershipsRepository,
  PrismaService,
  type SqlRunner,
} from '@roster/data';
import {
  checkVersion,
  type DirectoryContext,
  DirectoryTransactions,
  GroupWriter,
  notFound,
} from '@roster/directory-sync';
import {
  applyGroupPatch,
  type AttributeSelection,
  GROUP_FILTER_MAPPING,
  GROUP_RESOURCE_TYPE,
  isAttributeExcluded,
  type MembershipOperation,
  projectAttributes,
  readResource,
} from '@roster/scim';
import { ScimDialect } from '../dialects/scim-dialect';
import { compileListRequest, type ListRequest } from '../list/list-request';
import { type ScimListResponse, toListResponse } from '../list/list-response';
import type { ScimResourceService, VersionedResource } from '../resources/scim-resource-service';
import { toScimGroup } from './scim-group-view';

const MEMBER_PAGE = 5000;

/**
 * /Groups: members are rows; `excludedAttributes=members` never loads them.
 * Writes run in plain pg directory transactions and reads on the plain pool:
 * a 1,000-member PATCH moves thousands of rows, and through Prisma its CPU
 * was most of the request.
 */
@Injectable()
export class GroupsService implements ScimResourceService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: DirectoryTransactions,
    private readonly groups: DirectoryGroupsRepository,
    private readonly memberships: GroupMembershipsRepository,
    private readonly writer: GroupWriter,
    private readonly dialect: ScimDialect,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(directory: DirectoryContext, body: unknown): Promise<VersionedResource> {
    const input = readResource(this.dialect.resourceBody(body, 'Group', directory), GROUP_RESOURCE_TYPE);
    return this.transactions.runSql(directory.id, async (tx) => {
      const group = await this.writer.create(tx, directory, input.resource, input.memberIds);
      return { resource: await this.view(tx, directory, group, {}), version: group.version };
    });
  }

  async get(directory: DirectoryContext, id: string, selection: AttributeSelection = {}): Promise<VersionedResource> {
    const group = await this.groups.find(this.prisma.sql, directory.id, id);
    if (!group) throw notFound('Group', id);
    return { resource: await this.view(this.prisma.sql, directory, group, selection), version: group.version };
  }

  async list(directory: DirectoryContext, request: ListRequest): Promise<ScimListResponse> {
    const { total, rows } = await this.groups.list(
      this.prisma.sql,
      directory.id,
      compileListRequest(request, GROUP_FILTER_MAPPING, 'Group'),
    );
    const resources = [];
    for (const group of rows) resources.push(await this.view(this.prisma.sql, directory, group, request.selection));
    return toListResponse(total, request.startIndex, resources);
  }

  /** PUT: the whole group. A body without `members` leaves them alone rather than emptying a big group by accident. */
  replace(directory: DirectoryContext, id: string, body: unknown, version?: number): Promise<VersionedResource> {
    const input = readResource(this.dialect.resourceBody(body, 'Group', directory), GROUP_RESOURCE_TYPE);
    const membership: MembershipOperation[] = input.memberIds ? [{ kind: 'replace', userIds: input.memberIds }] : [];
    return this.update(directory, id, version, () => ({ resource: input.resource, membership }), {});
  }

  /** PATCH: returns the resource only when `attributes` asks for it (else 204), so big groups are never read back. */
  patch(
    directory: DirectoryContext,
    id: string,
    body: unknown,
    selection: AttributeSelection,
    version?: number,
  ): Promise<VersionedResource | undefined> {
    const canonical = this.dialect.patchBody(body, 'Group', directory);
    const wantsResource = !!selection.attributes?.length;
    return this.update(
      directory,
      id,
      version,
      (current) => applyGroupPatch(current, canonical),
      wantsResource ? selection : undefined,
    );
  }

  async delete(directory: DirectoryContext, id: string, version?: number): Promise<void> {
    await this.transactions.runSql(directory.id, async (tx) => {
      const group = await this.groups.find(tx, directory.id, id);
      if (!group) throw notFound('Group', id);
      checkVersion(group, version);
      await this.writer.delete(tx, directory, group);
    });
  }

  private update<T extends AttributeSelection | undefined>(
    directory: DirectoryContext,
    id: string,
    version: number | undefined,
    change: (current: Record<string, unknown>) => {
      resource: Record<string, unknown>;
      membership: MembershipOperation[];
    },
    selection: T,
  ): Promise<T extends undefined ? VersionedResource | undefined : VersionedResource> {
    return this.transactions.runSql(directory.id, async (tx) => {
      const before = await this.groups.find(tx, directory.id, id);
      if (!before) throw notFound('Group', id);
      checkVersion(before, version);
      const { resource, membership } = change(before.attributes as Record<string, unknown>);
      const after = await this.writer.save(tx, directory, before, resource, membership);
      if (selection === undefined) return undefined;
      return { resource: await this.view(tx, directory, after, selection), version: after.version };
    }) as Promise<T extends undefined ? VersionedResource | undefined : VersionedResource>;
  }

  private async view(db: SqlRunner, directory: DirectoryContext, group: DirectoryGroup, selection: AttributeSelection) {
    const members = isAttributeExcluded(selection, 'members') ? undefined : await this.allMembers(db, group.id);
    return projectAttributes(toScimGroup(group, members, this.baseUrl(directory)), selection, GROUP_RESOURCE_TYPE);
  }

  private async allMembers(db: SqlRunner, groupId: string): Promise<GroupMember[]> {
    const members: GroupMember[] = [];
    for (let after = ''; ;) {
      const page = await this.memberships.membersPage(db, groupId, after, MEMBER_PAGE);
      members.push(...page);
      if (page.length < MEMBER_PAGE) return members;
      after = page[page.length - 1]!.userId;
    }
  }

  private baseUrl(directory: DirectoryContext): string {
    return `${this.config.publicScimUrl}/scim/v2/${directory.id}`;
  }
}
