import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_DIALECTS } from './clients/client-dialects';
import { buildStory } from './story';

/** Where the replay fixtures live, one folder per provider. */
export const FIXTURES_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'idp');

/** Writes test/fixtures/idp/<provider>/story.json from the client dialects (the shapes are written once, there). */
export function writeStories(root = FIXTURES_DIR): string[] {
  return Object.entries(CLIENT_DIALECTS).map(([provider, client]) => {
    const file = join(root, provider, 'story.json');
    mkdirSync(join(root, provider), { recursive: true });
    writeFileSync(file, `${JSON.stringify(buildStory(client), null, 2)}\n`);
    return file;
  });
}

if (require.main === module) {
  // Run from the source tree (the build's dist/ has no test/ folder next to it).
  const root = process.argv[2] ?? join(process.cwd(), 'test', 'fixtures', 'idp');
  for (const file of writeStories(root)) console.log(`wrote ${file}`);
}
