import { fetchAccessToken } from './google-access-token';
import type { GoogleCredentials } from './google-credentials';
import type { GoogleDirectorySnapshot, GoogleGroup, GoogleMember, GoogleUser } from './google-directory.types';
import { fetchJsonWithRetry, type RetryPolicy } from './google-retry';

// The largest pages each list method allows.
const USERS_PAGE = 500;
const GROUPS_PAGE = 200;
const MEMBERS_PAGE = 200;
// Member lists fetched at once: enough to hide latency, well under Google's per-user quota.
const MEMBER_FETCHES = 4;

export interface GoogleClientOptions {
  /** https://admin.googleapis.com, or a local fake in tests. */
  apiUrl: string;
  retry: RetryPolicy;
}

/**
 * Reads a whole Google Workspace directory through the Admin SDK Directory API
 * (users.list, groups.list, members.list), page by page, with one access token.
 */
export async function readGoogleDirectory(
  credentials: GoogleCredentials,
  options: GoogleClientOptions,
): Promise<GoogleDirectorySnapshot> {
  const token = await fetchAccessToken(credentials, options.retry);
  const list = <T>(path: string, field: string, params: Record<string, string>) =>
    listAll<T>(`${options.apiUrl}/admin/directory/v1${path}`, field, params, token, options.retry);

  const users = await list<GoogleUser>('/users', 'users', {
    customer: 'my_customer',
    maxResults: String(USERS_PAGE),
    projection: 'full',
    orderBy: 'email',
  });
  const groups = (await list<GoogleGroup>('/groups', 'groups', { customer: 'my_customer', maxResults: String(GROUPS_PAGE) })).items;
  const members = new Map<string, GoogleMember[]>();
  await forEachLimited(groups, MEMBER_FETCHES, async (group) => {
    const path = `/groups/${encodeURIComponent(group.id)}/members`;
    members.set(group.id, (await list<GoogleMember>(path, 'members', { maxResults: String(MEMBERS_PAGE) })).items);
  });
  return { users: users.items, groups, members, firstUsersPageEmpty: users.firstPageEmpty };
}

async function listAll<T>(
  url: string,
  field: string,
  params: Record<string, string>,
  token: string,
  retry: RetryPolicy,
): Promise<{ items: T[]; firstPageEmpty: boolean }> {
  const items: T[] = [];
  let firstPageEmpty = false;
  let pageToken: string | undefined;
  for (let page = 0; ; page++) {
    const query = new URLSearchParams({ ...params, ...(pageToken ? { pageToken } : {}) });
    const body = (await fetchJsonWithRetry(`${url}?${query}`, { headers: { authorization: `Bearer ${token}` } }, retry)) as Record<
      string,
      unknown
    > | null;
    const pageItems = Array.isArray(body?.[field]) ? (body[field] as T[]) : [];
    if (page === 0) firstPageEmpty = pageItems.length === 0;
    items.push(...pageItems);
    pageToken = typeof body?.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
    if (!pageToken) return { items, firstPageEmpty };
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
