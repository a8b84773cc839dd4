import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from './app-node-flags';

const root = join(__dirname, '..', '..');

describe('the apps’ node flags', () => {
  it('are the Docker image’s entrypoint', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(entrypoint && JSON.parse(entrypoint)).toEqual(['node', ...APP_NODE_FLAGS]);
  });

  it('are not overridden by docker compose: each app’s command is only its script', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    const appCommands = compose.match(/^ {4}command: .*apps\/.*$/gm) ?? [];
    expect(appCommands).toEqual(
      ['admin', 'ingest', 'delivery'].map((app) => `    command: ['dist/apps/${app}/src/main.js']`),
    );
  });

  it('are each Nx serve target’s', () => {
    for (const app of ['admin', 'ingest', 'delivery']) {
      const project = JSON.parse(readFileSync(join(root, 'apps', app, 'project.json'), 'utf8')) as {
        targets: { serve: { options: { command: string } } };
      };
      expect(project.targets.serve.options.command).toBe(
        ['node', ...APP_NODE_FLAGS, `dist/apps/${app}/src/main.js`].join(' '),
      );
    }
  });

  it('are all accepted by this node', () => {
    const run = spawnSync(process.execPath, [...APP_NODE_FLAGS, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
