import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { assertOwnsListener, freePort, ownsListener } from './listener';

/** A server the bench started: its process and where it listens. */
export interface Server {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Whether it answers GET /__bench/metrics with its statement count (the API and the baseline do). */
  countsStatements: boolean;
  stop(): Promise<void>;
  /** Throws unless the process the bench started still holds the listening socket (checked before each measurement). */
  assertOwn(): void;
}

/** The API as users start it (`npm start`'s Node flags, production mode), on a free port. */
export async function startApi(databaseUrl: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  // BENCH_API_DIR: run the API of another (built) checkout against the same database, for before/after figures.
  const root = process.env.BENCH_API_DIR ?? PROJECT_ROOT;
  // BENCH_API_NODE_ARGS: extra Node flags for the API only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (Node refuses those in NODE_OPTIONS).
  const start = startCommand(root);
  const nodeArgs = [...start.flags, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/src/main.js')], {
    cwd: root,
    // The load generator is one client: per-client rate limits off, or they would measure the limiter.
    env: { ...process.env, ...start.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), SEED: 'false', BENCH_METRICS: '1', PUBLIC_RATE_LIMIT_PER_MINUTE: '0', AUTH_FAILURE_LIMIT_PER_15MIN: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitUntilUp(`api(${env.RESPONSE_CACHE === 'on' ? 'cache on' : 'cache off'})`, child, port, { probe: '/health', countsStatements: true });
}

/** The environment and Node flags of `npm start` (package.json's start script), so the bench runs the API as users start it. */
function startCommand(root: string): { env: Record<string, string>; flags: string[] } {
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.trim().split(/\s+/);
  // `exec` (after the assignments) makes the shell become node, so signals to npm's child reach the server.
  const node = words.findIndex((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w) && w !== 'exec');
  const script = words.findIndex((w) => w.endsWith('main.js'));
  if (words[node] !== 'node' || script < 0) throw new Error(`package.json's start script is not "[VAR=value …] [exec] node [flags] …/main.js": ${start}`);
  const env = Object.fromEntries(words.slice(0, node).filter((w) => w !== 'exec').map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { env, flags: words.slice(node + 1, script) };
}

/** The hand-written baseline (bench/baseline-server.ts), on a free port. */
export async function startBaseline(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(PROJECT_ROOT, 'bench/baseline-server.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), TS_NODE_PROJECT: path.join(PROJECT_ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitUntilUp('baseline', child, port, { probe: '/__bench/metrics', countsStatements: true });
}

/**
 * Waits until the child listens on its port and answers the probe. Only the child's own listening
 * socket counts: a server of someone else on the same port is refused, not measured.
 */
export async function waitUntilUp(name: string, child: ChildProcess, port: number, options: { probe: string; method?: 'GET' | 'POST'; body?: string; countsStatements: boolean }): Promise<Server> {
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (!exited) child.kill('SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  const pid = child.pid!;
  for (let i = 0; i < 900; i++) {
    if (exited) throw new Error(`${name} exited during start`);
    if (ownsListener(pid, port)) {
      try {
        const init = options.method === 'POST' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: options.body } : {};
        if ((await fetch(url + options.probe, init)).ok) {
          assertOwnsListener(name, pid, port);
          return { name, url, port, pid, countsStatements: options.countsStatements, stop, assertOwn: () => assertOwnsListener(name, pid, port) };
        }
      } catch {
        // listening, not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${name} did not come up on port ${port}`);
}
