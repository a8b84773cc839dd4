import type { Story } from '../../tools/simulate/story-format';
import { type ReplayRequest, ReplayError, replayStory } from './idp-replay';
import { projectEvents } from './event-projection';

// A tiny story and an in-memory server: only the runner's mechanics are under test here.
const story: Story = {
  provider: 'fake',
  dialect: 'generic_scim_v2',
  scim_version: '2.0',
  title: 'fake',
  confidence: 'documented',
  sources: ['this test'],
  notes: [],
  steps: [
    {
      action: 'provision_users',
      title: 'create then read',
      requests: [
        {
          name: 'create',
          method: 'POST',
          path: '/Users',
          body: { userName: 'a' },
          expect: { status: 201 },
          capture: { alice: 'id' },
        },
        { name: 'read', method: 'GET', path: '/Users/{{alice}}', expect: { status: [200, 204] } },
        { name: 'list', method: 'GET', path: '/Users', expect: { status: 200 }, capture: { first: 'Resources.0.id' } },
        {
          name: 'patch',
          method: 'PATCH',
          path: '/Users/{{first}}',
          body: { Operations: [{ op: 'add', value: { nickName: 'x-{{alice}}' } }] },
          expect: { status: 204 },
        },
      ],
    },
  ],
};

function fakeServer() {
  const seen: ReplayRequest[] = [];
  const send = async (request: ReplayRequest) => {
    seen.push(request);
    if (request.method === 'POST') return { status: 201, body: { id: 'u-1' } };
    if (request.method === 'PATCH') return { status: 204, body: undefined };
    if (request.path === '/Users') return { status: 200, body: { Resources: [{ id: 'u-1' }] } };
    return { status: request.path === '/Users/u-1' ? 200 : 404, body: {} };
  };
  return { seen, send };
}

describe('replayStory', () => {
  it('substitutes captured ids in paths and bodies, accepts any listed status and returns the transcript', async () => {
    const server = fakeServer();
    const { transcript, captured } = await replayStory(story, server.send);
    expect(captured).toEqual({ alice: 'u-1', first: 'u-1' });
    expect(server.seen.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /Users',
      'GET /Users/u-1',
      'GET /Users',
      'PATCH /Users/u-1',
    ]);
    expect(server.seen[3]!.body).toEqual({ Operations: [{ op: 'add', value: { nickName: 'x-u-1' } }] });
    expect(transcript.map((entry) => [entry.action, entry.name, entry.status])).toEqual([
      ['provision_users', 'create', 201],
      ['provision_users', 'read', 200],
      ['provision_users', 'list', 200],
      ['provision_users', 'patch', 204],
    ]);
  });

  it('stops at an unexpected status with the transcript so far', async () => {
    const send = async (request: ReplayRequest) => ({
      status: request.method === 'POST' ? 409 : 200,
      body: { detail: 'taken' },
    });
    const failure = await replayStory(story, send).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReplayError);
    expect((failure as ReplayError).message).toContain('POST /Users answered 409, expected 201');
    expect((failure as ReplayError).transcript).toHaveLength(1);
  });

  it('fails when a response lacks the id to capture', async () => {
    const send = async () => ({ status: 201, body: {} });
    await expect(replayStory(story, send)).rejects.toThrow('the response has no "id" to capture as {{alice}}');
  });
});

describe('projectEvents', () => {
  const member = (type: string, username: string, group = 'G') => ({
    type,
    data: { user: { username }, group: { name: group } },
  });

  it('keeps IdP-independent fields and orders a membership cascade by username', () => {
    const projected = projectEvents([
      {
        type: 'dsync.user.updated',
        data: { object: 'directory_user', username: 'b', state: 'active', idp_id: 'x' },
        previous_attributes: { last_name: 'B', display_name: 'x', raw_attributes: { title: 'T', name: {} } },
      },
      member('dsync.group.user_removed', 'carol'),
      member('dsync.group.user_removed', 'alice'),
      member('dsync.group.user_added', 'bob'),
    ]);
    expect(projected).toEqual([
      {
        type: 'dsync.user.updated',
        user: { username: 'b', email: null, first_name: null, last_name: null, state: 'active' },
        previous_attributes: { last_name: 'B' },
        raw_attributes_changed: ['title'],
      },
      { type: 'dsync.group.user_removed', user: expect.objectContaining({ username: 'alice' }), group: { name: 'G' } },
      { type: 'dsync.group.user_removed', user: expect.objectContaining({ username: 'carol' }), group: { name: 'G' } },
      { type: 'dsync.group.user_added', user: expect.objectContaining({ username: 'bob' }), group: { name: 'G' } },
    ]);
  });
});
