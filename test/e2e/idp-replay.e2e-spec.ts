import { useTestContext } from '@roster/testing';
import { expectedEvents, type ProjectedEvent, projectEvents } from '../support/event-projection';
import { loadStory, type ReplayRequest, replayStory, STORY_PROVIDERS } from '../support/idp-replay';
import { type ScimStack, startScimStack } from './scim/scim-stack';

// Each provider's story (test/fixtures/idp) through a real ingest app: whatever
// the dialect, the same admin actions give the same normalized events (CONTRACT section 5).
describe('IdP replay: every provider gives the canonical event stream', () => {
  const context = useTestContext();
  let stack: ScimStack;
  const streams: Record<string, Record<string, ProjectedEvent[]>> = { delete: {}, deactivate: {} };

  beforeAll(async () => {
    stack = await startScimStack(context);
  });

  async function replay(provider: string, deprovisioning: 'delete' | 'deactivate'): Promise<ProjectedEvent[]> {
    const story = loadStory(provider);
    const directory = await stack.createDirectory({ provider, deprovisioning });
    const base = `/scim/${story.scim_version === '1.1' ? 'v1' : 'v2'}/${directory.id}`;
    const send = async (request: ReplayRequest) => {
      const response = await stack.ingest.request(request.method, `${base}${request.path}`, {
        token: directory.token,
        body: request.body,
        headers: { ...request.headers },
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    };
    await replayStory(story, send);
    const stream = projectEvents(await stack.events(directory.id));
    streams[deprovisioning]![provider] = stream;
    return stream;
  }

  describe.each(['delete', 'deactivate'] as const)('deprovisioning mode %s', (mode) => {
    it.each([...STORY_PROVIDERS])('%s', async (provider) => {
      expect(await replay(provider, mode)).toEqual(expectedEvents(mode));
    });

    it('gives identical streams across providers', () => {
      const reference = streams[mode]!.generic_scim_v2;
      expect(Object.keys(streams[mode]!).sort()).toEqual([...STORY_PROVIDERS].sort());
      for (const [provider, stream] of Object.entries(streams[mode]!)) expect({ provider, stream }).toEqual({ provider, stream: reference });
    });
  });
});
