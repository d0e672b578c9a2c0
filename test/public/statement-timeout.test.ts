import { Client } from 'pg';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes } from './support/public-helpers';

/**
 * A public request may hold the database for the public statement timeout at most: its
 * statements run on a pool of their own whose connections carry statement_timeout, and a
 * statement cancelled by it answers 503 QUERY_TIMEOUT instead of a generic internal error.
 * Here the listing's statement waits for a lock another session holds, as long as it is held.
 */

const TIMEOUT_MS = 300;
const LISTING = '{ processingActivities(first: 5) { edges { node { reference title } } } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ app: { publicStatementTimeoutMs: TIMEOUT_MS } });
});
afterAll(() => server?.close());

async function whileLocked<T>(table: string, during: () => Promise<T>): Promise<T> {
  const locker = new Client({ connectionString: server.db.url });
  await locker.connect();
  try {
    await locker.query('begin');
    await locker.query(`lock table ${table} in access exclusive mode`);
    return await during();
  } finally {
    await locker.query('rollback');
    await locker.end();
  }
}

test('a public statement that runs past the timeout answers 503 QUERY_TIMEOUT, while the database is still held elsewhere', async () => {
  const res = await whileLocked('public_processing_activity_version', async () => {
    const answer = server.publicClient.request(LISTING);
    // Without a timeout the statement waits for the lock, i.e. until after this race.
    return Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
  });
  expect(res).not.toBeNull();
  expect(res!.status).toBe(503);
  expect(codes(res!)).toEqual(['QUERY_TIMEOUT']);
  expect(res!.errors![0].message).toContain(`${TIMEOUT_MS} ms`);
  expect(res!.errors![0].extensions).toEqual({ code: 'QUERY_TIMEOUT', timeoutMs: TIMEOUT_MS });
  expect(res!.raw).not.toMatch(/statement timeout|canceling|processing_activity_version|select /i);
});

test('once the lock is gone the same request is answered, on the same pool', async () => {
  const res = await server.publicClient.request(LISTING);
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  expect((res.data as { processingActivities: { edges: unknown[] } }).processingActivities.edges.length).toBeGreaterThan(0);
});

test('the timeout is a setting of the public connections only: the ORM pool (sync surface, cache listener) has none', async () => {
  const { rows } = (await server.db.orm.em.getKnex().raw('show statement_timeout')) as { rows: { statement_timeout: string }[] };
  expect(rows[0].statement_timeout).toBe('0');
});
