import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from './app-node-flags';

export interface AppProcess {
  name: string;
  url: string;
  logFile: string;
  child: ChildProcess;
}

/** Runs one app's compiled main.js as a child process, its logs in a file. */
export function spawnApp(name: string, port: number, env: NodeJS.ProcessEnv, logDir: string): AppProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = openSync(logFile, 'a');
  const main = join(__dirname, '..', '..', 'apps', name, 'src', 'main.js');
  const child = spawn(process.execPath, appNodeArgs(main), { env, stdio: ['ignore', log, log] });
  return { name, url: `http://localhost:${port}`, logFile, child };
}

/** The node arguments that run an app's main.js: the app flags, any extra ones, the script. */
export function appNodeArgs(main: string, extraFlags: readonly string[] = []): string[] {
  return [...APP_NODE_FLAGS, ...extraFlags, main];
}

/** Waits for /health/ready; fails early, with the log's tail, if the app exits. */
export async function waitUntilReady(app: AppProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`${app.name} exited:\n${tail(app.logFile)}`);
    const ready = await fetch(`${app.url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${app.name} was not ready after ${timeoutMs / 1000} s:\n${tail(app.logFile)}`);
}

export function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => app.child.kill('SIGKILL'), 10_000);
    app.child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    app.child.kill('SIGTERM');
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
