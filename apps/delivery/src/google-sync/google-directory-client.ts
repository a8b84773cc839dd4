import { fetchAccessToken } from './google-access-token';
import type { GoogleCredentials } from './google-credentials';
import type { GoogleDirectoryOutline, GoogleGroup, GoogleMember, GoogleUser } from './google-directory.types';
import { fetchJsonWithRetry, type RetryPolicy } from './google-retry';

// The largest pages each list method allows.
const USERS_PAGE = 500;
const GROUPS_PAGE = 200;
const MEMBERS_PAGE = 200;
// Member lists fetched at once: enough to hide latency, well under Google's per-user quota.
const MEMBER_FETCHES = 4;

const USERS_QUERY = { customer: 'my_customer', maxResults: String(USERS_PAGE), orderBy: 'email' };

export interface GoogleClientOptions {
  /** https://admin.googleapis.com, or a local fake in tests. */
  apiUrl: string;
  retry: RetryPolicy;
}

/**
 * Reads a Google Workspace directory through the Admin SDK Directory API
 * (users.list, groups.list, members.list), page by page, with one access token.
 */
export class GoogleDirectoryReader {
  private constructor(
    private readonly token: string,
    private readonly options: GoogleClientOptions,
  ) {}

  static async open(credentials: GoogleCredentials, options: GoogleClientOptions): Promise<GoogleDirectoryReader> {
    return new GoogleDirectoryReader(await fetchAccessToken(credentials, options.retry), options);
  }

  /**
   * Every user's id, the groups and their members. The standard `fields`
   * parameter (a partial response) keeps these pages to the ids Google has: a
   * 20,000-user directory is about 1 MB here instead of 30.
   */
  async outline(): Promise<GoogleDirectoryOutline> {
    const userIds = new Set<string>();
    let firstUsersPageEmpty: boolean | undefined;
    for await (const page of this.pages<Pick<GoogleUser, 'id'>>('/users', 'users', {
      ...USERS_QUERY,
      fields: 'nextPageToken,users(id)',
    })) {
      firstUsersPageEmpty ??= page.length === 0;
      for (const user of page) userIds.add(user.id);
    }
    const groups: GoogleGroup[] = [];
    for await (const page of this.pages<GoogleGroup>('/groups', 'groups', {
      customer: 'my_customer',
      maxResults: String(GROUPS_PAGE),
    })) {
      groups.push(...page);
    }
    const members = new Map<string, string[]>();
    await forEachLimited(groups, MEMBER_FETCHES, async (group) => {
      const path = `/groups/${encodeURIComponent(group.id)}/members`;
      const ids: string[] = [];
      for await (const page of this.pages<GoogleMember>(path, 'members', {
        maxResults: String(MEMBERS_PAGE),
        fields: 'nextPageToken,members(id,type)',
      })) {
        for (const member of page) if (member.type === 'USER' && member.id) ids.push(member.id);
      }
      members.set(group.id, ids);
    });
    return { userIds, firstUsersPageEmpty: firstUsersPageEmpty ?? true, groups, members };
  }

  /** Every user in full, one page (up to 500) at a time: nothing else holds them. */
  userPages(): AsyncGenerator<GoogleUser[]> {
    return this.pages<GoogleUser>('/users', 'users', { ...USERS_QUERY, projection: 'full' });
  }

  private async *pages<T>(path: string, field: string, params: Record<string, string>): AsyncGenerator<T[]> {
    const url = `${this.options.apiUrl}/admin/directory/v1${path}`;
    let pageToken: string | undefined;
    do {
      const query = new URLSearchParams({ ...params, ...(pageToken ? { pageToken } : {}) });
      const body = (await fetchJsonWithRetry(
        `${url}?${query}`,
        { headers: { authorization: `Bearer ${this.token}` } },
        this.options.retry,
      )) as Record<string, unknown> | null;
      pageToken = typeof body?.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
      yield Array.isArray(body?.[field]) ? (body[field] as T[]) : [];
    } while (pageToken);
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
