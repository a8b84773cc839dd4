import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_DIALECTS } from './clients/client-dialects';
import { buildStory } from './story';
import { STORY_ACTIONS } from './story-format';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'idp');

describe('IdP replay fixtures', () => {
  it.each(Object.keys(CLIENT_DIALECTS))(
    '%s: story.json is what its client dialect builds (regenerate with write-stories)',
    (provider) => {
      const stored = JSON.parse(readFileSync(join(FIXTURES, provider, 'story.json'), 'utf8'));
      expect(stored).toEqual(JSON.parse(JSON.stringify(buildStory(CLIENT_DIALECTS[provider]!))));
    },
  );

  it.each(Object.keys(CLIENT_DIALECTS))(
    '%s: performs every admin action, names its sources and captures before use',
    (provider) => {
      const story = buildStory(CLIENT_DIALECTS[provider]!);
      expect(story.steps.map((step) => step.action)).toEqual([...STORY_ACTIONS]);
      expect(story.sources.length).toBeGreaterThan(0);
      const captured = new Set<string>();
      for (const request of story.steps.flatMap((step) => step.requests)) {
        for (const [, key] of JSON.stringify([request.path, request.body]).matchAll(/\{\{(\w+)\}\}/g)) {
          expect({ request: request.name, missing: captured.has(key!) ? undefined : key }).toEqual({
            request: request.name,
            missing: undefined,
          });
        }
        for (const key of Object.keys(request.capture ?? {})) captured.add(key);
      }
    },
  );
});
