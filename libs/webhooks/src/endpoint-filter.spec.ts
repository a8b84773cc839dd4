import { endpointWantsEvent } from './endpoint-filter';

const event = { type: 'dsync.user.created', tenantId: 'tenant_a', directoryId: 'directory_a', createdAt: new Date(2000) };
const everything = { eventTypes: [], tenantId: null, directoryId: null, createdAt: new Date(1000) };

describe('endpointWantsEvent', () => {
  it('takes every event when nothing is filtered', () => {
    expect(endpointWantsEvent(everything, event)).toBe(true);
  });

  it('filters by event type', () => {
    expect(endpointWantsEvent({ ...everything, eventTypes: ['dsync.user.created'] }, event)).toBe(true);
    expect(endpointWantsEvent({ ...everything, eventTypes: ['dsync.group.created'] }, event)).toBe(false);
  });

  it('skips events older than the endpoint', () => {
    expect(endpointWantsEvent({ ...everything, createdAt: new Date(2000) }, event)).toBe(true);
    expect(endpointWantsEvent({ ...everything, createdAt: new Date(2001) }, event)).toBe(false);
  });

  it('filters by tenant and directory', () => {
    expect(endpointWantsEvent({ ...everything, tenantId: 'tenant_a' }, event)).toBe(true);
    expect(endpointWantsEvent({ ...everything, tenantId: 'tenant_b' }, event)).toBe(false);
    expect(endpointWantsEvent({ ...everything, directoryId: 'directory_a' }, event)).toBe(true);
    expect(endpointWantsEvent({ ...everything, directoryId: 'directory_b' }, event)).toBe(false);
  });
});
