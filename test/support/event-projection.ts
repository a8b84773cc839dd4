import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fields of an event that must not depend on the IdP (test/fixtures/idp/README.md). */
export interface ProjectedEvent {
  type: string;
  user?: { username: string; email: string | null; first_name: string | null; last_name: string | null; state: string };
  group?: { name: string };
  previous_attributes?: Record<string, unknown>;
  raw_attributes_changed?: string[];
}

// Normalized fields compared across IdPs; ids, idp_id, timestamps and raw
// attributes differ by dialect on purpose.
const USER_FIELDS = ['username', 'email', 'first_name', 'last_name', 'state'] as const;
const PREVIOUS_FIELDS = ['username', 'email', 'first_name', 'last_name', 'state', 'name'];
// Raw attributes every story changes the same way.
const RAW_FIELDS = ['title'];

interface EventRow {
  type: string;
  data: any;
  previous_attributes?: any;
}

/** Projects a stored or delivered event onto the IdP-independent fields. */
export function projectEvent(event: EventRow): ProjectedEvent {
  const projected: ProjectedEvent = { type: event.type };
  const data = event.data ?? {};
  const user = data.object === 'directory_user' ? data : data.user;
  const group = data.object === 'directory_group' ? data : data.group;
  if (user)
    projected.user = Object.fromEntries(
      USER_FIELDS.map((field) => [field, user[field] ?? null]),
    ) as ProjectedEvent['user'];
  if (group) projected.group = { name: group.name };
  const previous = event.previous_attributes;
  if (previous && Object.keys(previous).length > 0) {
    const kept = Object.entries(previous).filter(([key]) => PREVIOUS_FIELDS.includes(key));
    if (kept.length > 0) projected.previous_attributes = Object.fromEntries(kept);
    const raw = Object.keys(previous.raw_attributes ?? {}).filter((key) => RAW_FIELDS.includes(key));
    if (raw.length > 0) projected.raw_attributes_changed = raw.sort();
  }
  return projected;
}

/**
 * Projects a directory's events, putting each run of consecutive membership
 * events of one type in username order: the order of a cascade (every member
 * of a deleted group) is the server's choice.
 */
export function projectEvents(events: readonly EventRow[]): ProjectedEvent[] {
  const projected = events.map(projectEvent);
  const result: ProjectedEvent[] = [];
  for (const event of projected) {
    const run: ProjectedEvent[] = [event];
    while (isMembership(event) && result.length > 0 && sameRun(result[result.length - 1]!, event))
      run.unshift(result.pop()!);
    result.push(...run.sort(byUsername));
  }
  return result;
}

const isMembership = (event: ProjectedEvent) =>
  event.type === 'dsync.group.user_added' || event.type === 'dsync.group.user_removed';
const sameRun = (a: ProjectedEvent, b: ProjectedEvent) => a.type === b.type && a.group?.name === b.group?.name;
const byUsername = (a: ProjectedEvent, b: ProjectedEvent) =>
  (a.user?.username ?? '').localeCompare(b.user?.username ?? '');

/** The expected projected stream for a deprovisioning mode, from test/fixtures/idp/expected-events.json. */
export function expectedEvents(mode: 'delete' | 'deactivate'): ProjectedEvent[] {
  const file = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'idp', 'expected-events.json'), 'utf8'));
  return file.modes[mode];
}
