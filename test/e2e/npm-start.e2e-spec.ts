import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@roster/local-stack';

const root = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  output: () => string;
}

// `npm start` exactly as a newcomer runs it, minus npm: the built start script.
function start(env: NodeJS.ProcessEnv): Started {
  let output = '';
  const child = spawn(process.execPath, [join(root, 'dist/tools/start/start.js')], { cwd: root, env });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(started: Started, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" after ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function freePorts() {
  return { admin: await findFreePort(), ingest: await findFreePort(), delivery: await findFreePort() };
}

// Only PATH and HOME: no DATABASE_URL or REDIS_URL, as on a newcomer's machine.
function freshEnv(dataDir: string, ports: { admin: number; ingest: number; delivery: number }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ROSTER_DATA_DIR: dataDir,
    ADMIN_PORT: String(ports.admin),
    INGEST_PORT: String(ports.ingest),
    DELIVERY_PORT: String(ports.delivery),
  };
}

function processesMentioning(text: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(text));
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', resolve));
}

describe('npm start on a fresh data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-start-'));
  // mkdtemp makes it 0700; as root, embedded Postgres runs as the `postgres` user,
  // which must be able to enter it, as it can a project's .data/.
  chmodSync(dataDir, 0o755);
  let started: Started | undefined;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'tools/build.js')], { cwd: root, stdio: 'ignore' });
  });
  afterAll(async () => {
    if (started && started.child.exitCode === null) {
      started.child.kill('SIGINT');
      await exited(started.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts embedded Postgres, Redis and the three apps, seeds a demo, and stops everything on Ctrl-C', async () => {
    const ports = await freePorts();
    started = start(freshEnv(dataDir, ports));
    await waitFor(started, 'Press Ctrl-C to stop', 90_000);
    const output = started.output();

    for (const port of Object.values(ports)) {
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    }
    const apiKey = /Demo API key\s+(roster_sk_\S+)/.exec(output)![1]!;
    const curl = /curl -s -H "Authorization: Bearer (\S+)" (\S+)/.exec(output)!;
    expect(curl[1]).toBe(apiKey);
    const tenants = await (await fetch(curl[2]!, { headers: { authorization: `Bearer ${apiKey}` } })).json();
    expect((tenants as { data: { name: string }[] }).data.map((tenant) => tenant.name)).toContain('Demo Tenant');
    expect(output).toMatch(new RegExp(`SCIM base URL\\s+http://localhost:${ports.ingest}/scim/v2/directory_\\w+`));
    expect(output).toMatch(/SCIM bearer token\s+scim_\S+/);
    const portalLink = /IT-admin portal\s+(http\S+)/.exec(output)![1]!;
    const portal = await fetch(portalLink, { redirect: 'manual' });
    expect([200, 302, 303]).toContain(portal.status);

    started.child.kill('SIGINT');
    expect(await exited(started.child)).toBe(130); // 128 + SIGINT, as after Ctrl-C
    for (const port of Object.values(ports)) {
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    }
    // Postgres and Redis ran with their data in dataDir: no process may still mention it.
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 150_000);

  it('reuses the data directory and the demo credentials on the next start', async () => {
    const ports = await freePorts();
    started = start(freshEnv(dataDir, ports));
    await waitFor(started, 'Press Ctrl-C to stop', 90_000);
    const apiKey = /Demo API key\s+(roster_sk_\S+)/.exec(started.output())![1]!;
    const tenants = await (
      await fetch(`http://127.0.0.1:${ports.admin}/v1/tenants`, { headers: { authorization: `Bearer ${apiKey}` } })
    ).json();
    expect((tenants as { data: unknown[] }).data).toHaveLength(1);
    expect(started.output()).not.toContain('applied migration');
    started.child.kill('SIGINT');
    expect(await exited(started.child)).toBe(130); // 128 + SIGINT, as after Ctrl-C
  }, 150_000);
});
