import { parseArgs } from 'node:util';
import { runSimulation } from './run-simulation';

// npm run simulate -- --provider entra --users 500 --groups 20 --base-url <scim url> --token <token>
// Replays a realistic sync in one IdP's dialect against any running Roster:
// a progress bar on stderr, one JSON summary line on stdout; exit 1 when a request failed.

const USAGE =
  'usage: npm run simulate -- --provider <provider> --base-url <SCIM base URL> --token <bearer token> [--users 100] [--groups 5] [--concurrency 8] [--run-id <id>]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string' },
      users: { type: 'string', default: '100' },
      groups: { type: 'string', default: '5' },
      'base-url': { type: 'string' },
      token: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      'run-id': { type: 'string' },
    },
  });
  if (!values.provider || !values['base-url'] || !values.token) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const summary = await runSimulation({
    provider: values.provider,
    users: integer(values.users, 'users', 1),
    groups: integer(values.groups, 'groups', 0),
    baseUrl: values['base-url'],
    token: values.token,
    concurrency: integer(values.concurrency, 'concurrency', 1),
    runId: values['run-id'] ?? Math.random().toString(36).slice(2, 8),
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary.failed === 0 ? 0 : 1;
}

function integer(text: string | undefined, name: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`--${name} must be an integer of at least ${minimum}`);
  return value;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  },
);
