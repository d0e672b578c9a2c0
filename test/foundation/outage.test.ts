import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../../src/database/database';
import { type RunningPostgres, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { createApp } from '../../src/server/app';
import { freePort } from '../support/free-port';
import { issueToken, RVO } from '../sync/support/sync-helpers';

/**
 * A database outage under a running API is visible: /readyz and every GraphQL request that needs
 * the database answer 503 (SERVICE_UNAVAILABLE), /livez stays 200, and all of it recovers when the
 * database is back, without restarting the API. A PostgreSQL of this test's own, stopped for real.
 * Both executors (graphql-jit, the default, and graphql-js) classify the failure alike.
 */

const LIST = '{ processingActivities(first: 3) { edges { node { reference title } } } }';
const NO_DATABASE = '{ __typename }';

interface RunningApi {
  url: string;
  close(): Promise<void>;
}

let dataDir: string;
let port: number;
let pg: RunningPostgres;
let db: Database;
let token: string;
const apis: Record<'jit' | 'graphql-js', RunningApi> = {} as never;

async function startApi(executor: 'jit' | 'graphql-js'): Promise<RunningApi> {
  const previous = process.env.GRAPHQL_EXECUTOR;
  process.env.GRAPHQL_EXECUTOR = executor;
  try {
    // With the response cache, so that its LISTEN connection is among the readiness checks.
    const { app, stop } = await createApp(db.orm, { responseCache: true });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        await stop();
      },
    };
  } finally {
    if (previous === undefined) delete process.env.GRAPHQL_EXECUTOR;
    else process.env.GRAPHQL_EXECUTOR = previous;
  }
}

const startPostgres = () => startEmbeddedPostgres({ dataDir, port, database: 'outage', persistent: true, noSync: true });

beforeAll(async () => {
  // The folder itself is the data directory: as root it is handed to the `postgres` user.
  dataDir = mkdtempSync(path.join(tmpdir(), 'vr-outage-pg-'));
  port = await freePort();
  pg = await startPostgres();
  db = await openDatabase({ url: pg.url, seedEmptyDatabase: true });
  token = await issueToken(db.orm, RVO);
  apis.jit = await startApi('jit');
  apis['graphql-js'] = await startApi('graphql-js');
}, 180_000); // initdb, migrations and seeds on a cluster of its own

afterAll(async () => {
  await Promise.all(Object.values(apis).map((a) => a?.close()));
  await db?.close();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function get(url: string): Promise<{ status: number; body: { status: string; checks?: Record<string, { status: string; reason?: string }> } }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as never };
}

async function graphql(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const raw = await res.text();
  return { status: res.status, raw, body: JSON.parse(raw) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const SYNC_QUERY = '{ viewer { organisation { name } } }';

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a database outage under a running API', () => {
  it('is ready while the database answers: every check ok', async () => {
    for (const api of Object.values(apis)) {
      const ready = await until('ready', () => get(`${api.url}/readyz`), (r) => r.status === 200);
      expect(ready.body).toEqual({ status: 'ok', checks: { database: { status: 'ok' }, migrations: { status: 'ok' }, responseCache: { status: 'ok' }, replicas: { status: 'disabled' } } });
      expect((await get(`${api.url}/health`)).status).toBe(200);
      expect((await graphql(`${api.url}/graphql`, LIST)).status).toBe(200);
      const sync = await graphql(`${api.url}/sync/graphql`, SYNC_QUERY, { authorization: `Bearer ${token}` });
      expect(sync.body.errors).toBeUndefined();
    }
  });

  it('answers 503 on /readyz, /health and GraphQL requests while the database is down, and recovers without a restart', async () => {
    await pg.stop();

    for (const [executor, api] of Object.entries(apis)) {
      const readiness = await get(`${api.url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(readiness.body.status).toBe('unavailable');
      expect(readiness.body.checks!.database.status).toBe('failed');
      expect(readiness.body.checks!.migrations.status).toBe('failed');
      // The cache's LISTEN connection notices the loss by itself, moments later.
      await until('cache listener reported down', () => get(`${api.url}/readyz`), (r) => r.body.checks?.responseCache.status === 'failed');
      // Nothing about the database's address in a public answer.
      expect(JSON.stringify(readiness.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\d{4,5}/);
      expect((await get(`${api.url}/health`)).status).toBe(503);
      expect((await get(`${api.url}/livez`)).status).toBe(200);

      for (const [surface, query, headers] of [
        ['public', LIST, {}],
        ['sync', SYNC_QUERY, { authorization: `Bearer ${token}` }],
      ] as const) {
        const res = await graphql(`${api.url}${surface === 'public' ? '/graphql' : '/sync/graphql'}`, query, headers);
        expect({ executor, surface, status: res.status, codes: res.body.errors?.map((e) => e.extensions?.code) }).toEqual({ executor, surface, status: 503, codes: ['SERVICE_UNAVAILABLE'] });
        expect(res.raw).not.toMatch(/Internal server error|ECONNREFUSED|127\.0\.0\.1|stack/i);
      }
      // A request that needs no database is still answered.
      expect((await graphql(`${api.url}/graphql`, NO_DATABASE)).status).toBe(200);
    }

    pg = await startPostgres();

    for (const api of Object.values(apis)) {
      const ready = await until('ready again', () => get(`${api.url}/readyz`), (r) => r.status === 200);
      expect(ready.body.checks).toEqual({ database: { status: 'ok' }, migrations: { status: 'ok' }, responseCache: { status: 'ok' }, replicas: { status: 'disabled' } });
      const list = await graphql(`${api.url}/graphql`, LIST);
      expect(list.status).toBe(200);
      expect(list.body.errors).toBeUndefined();
      const sync = await graphql(`${api.url}/sync/graphql`, SYNC_QUERY, { authorization: `Bearer ${token}` });
      expect(sync.status).toBe(200);
      expect(sync.body.errors).toBeUndefined();
    }
  }, 120_000);
});
