import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { issueToken, record, RVO, SYNC } from '../sync/support/sync-helpers';

/**
 * SIGTERM while a 500-record sync batch is being written: the server stops accepting connections,
 * lets the batch finish and answer in full, then closes the pool and exits 0. Before, the socket
 * was closed with an empty reply. A real server process (src/main.ts) on a database of its own.
 */

const ROOT = path.join(__dirname, '../..');

let db: TestDatabase;
let token: string;
let api: ChildProcess;
let output: string[];
let url: string;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  token = await issueToken(db.orm, RVO);
  port = await freePort();
  output = [];
  api = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: db.url, PORT: String(port), SEED: 'false', SHUTDOWN_GRACE_MS: '60000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout!.on('data', (d) => output.push(String(d)));
  api.stderr!.on('data', (d) => output.push(String(d)));
  url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.exitCode !== null) throw new Error(`API exited: ${output.join('')}`);
    if (i > 600) throw new Error(`API did not start: ${output.join('')}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000); // a ts-node start of the server: slow on a busy machine

afterAll(async () => {
  if (api && api.exitCode === null) api.kill('SIGKILL');
  await db?.close();
});

/** A POST whose whole answer (status, headers, body) is collected, or the transport error. */
function post(body: string): Promise<{ status: number; headers: Record<string, unknown>; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(`${url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      res.on('error', (e) => resolve({ error: String(e) }));
    });
    req.on('error', (e) => resolve({ error: `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}` }));
    req.end(body);
  });
}

/** Resolves once the API's connection to its database is busy (the batch is being written). */
async function batchInProgress(): Promise<void> {
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    for (;;) {
      const { rows } = await admin.query(
        `select count(*)::int as busy from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state in ('active', 'idle in transaction') and xact_start is not null`,
      );
      if (rows[0].busy > 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await admin.end();
  }
}

it('answers the batch in flight in full, refuses new connections, then exits 0', async () => {
  const records = Array.from({ length: 500 }, (_, i) => record(`SHUTDOWN-${String(i).padStart(3, '0')}`));
  const answer = post(JSON.stringify({ query: SYNC, variables: { input: { records } } }));
  await batchInProgress();
  const exited = new Promise<number | null>((resolve) => api.once('exit', (code) => resolve(code)));
  api.kill('SIGTERM');

  const res = await answer;
  if ('error' in res) throw new Error(`the batch got no answer: ${res.error}\n${output.join('')}`);
  expect(res.status).toBe(200);
  const payload = JSON.parse(res.body) as { data: { syncProcessingActivities: { committed: boolean; summary: { created: number; failed: number } } }; errors?: unknown };
  expect(payload.errors).toBeUndefined();
  expect(payload.data.syncProcessingActivities.committed).toBe(true);
  expect(payload.data.syncProcessingActivities.summary).toMatchObject({ created: 500, failed: 0 });
  // The answer told the client not to reuse the connection.
  expect(res.headers.connection).toBe('close');

  // No new connections while draining or after.
  const late = await post(JSON.stringify({ query: '{ viewer { tokenName } }' }));
  expect('error' in late ? late.error : `HTTP ${late.status}`).toMatch(/ECONNREFUSED|ECONNRESET|HTTP 503/);

  expect(await exited).toBe(0);
  const log = output.join('');
  expect(log).toMatch(/SIGTERM: shutting down; waiting up to 60000 ms for 1 request\(s\) in flight/);
  expect(log).toMatch(/shutdown: done/);
  // What was answered is what was stored.
  const stored = await db.orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from processing_activity where reference like 'SHUTDOWN-%'`);
  expect(stored[0].n).toBe(500);
}, 120_000);
