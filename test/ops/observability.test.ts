import { Client } from 'pg';
import { createLogger } from '../../src/server/logger';
import { startTestServer, type TestServer } from '../support/test-server';
import { adminUrl } from '../support/urls';
import { DEFENSIE, issueToken, record, SYNC } from '../sync/support/sync-helpers';

/**
 * Issue 10, item 8: every failure leaves a JSON log line with the request id the answer carried
 * (X-Request-Id header and every error's extensions.requestId), under the default graphql-jit executor.
 */

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  err?: { message?: string; stack?: string };
  [key: string]: unknown;
}

const lines: string[] = [];
const logged = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine);
const linesOf = (requestId: string) => logged().filter((l) => l.requestId === requestId);

let server: TestServer;
beforeAll(async () => {
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  server = await startTestServer({ app: { logger, metrics: { port: null, host: '127.0.0.1', token: null } } });
});
afterAll(() => server?.close());
beforeEach(() => {
  lines.length = 0;
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const raw = await res.text();
  return { status: res.status, requestId: res.headers.get('x-request-id'), raw, body: JSON.parse(raw) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

/** Lines are written when the answer is finished; the client may read it a moment before. */
async function eventually(check: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return check();
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl(process.env.TEST_SERVER_URL!) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function expectInternalErrorLogged(res: Awaited<ReturnType<typeof post>>) {
  expect(res.requestId).toBeTruthy();
  expect(res.body.errors?.length).toBeGreaterThan(0);
  for (const error of res.body.errors!) {
    expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions?.requestId).toBe(res.requestId);
  }
  expect(res.raw).not.toMatch(/stack|relation|at .+\.(ts|js):\d+/i);
  const mine = linesOf(res.requestId!);
  const internal = mine.filter((l) => l.level === 'error' && l.msg === 'internal error');
  expect(internal.length).toBe(res.body.errors!.length);
  for (const line of internal) expect(line.err?.stack).toEqual(expect.stringContaining('\n    at '));
  const completed = mine.find((l) => l.msg === 'request failed' || l.msg === 'request completed');
  expect(completed).toMatchObject({ level: 'error', surface: 'public', outcome: 'error', errorCodes: expect.arrayContaining(['INTERNAL_SERVER_ERROR']) });
}

describe('request ids', () => {
  test('a sane X-Request-Id is kept: in the response header, every error and the log line', async () => {
    const res = await post('/graphql', { query: 'query Broken { nope }' }, { 'x-request-id': 'trace-1234:abc.DEF_9' });
    expect(res.status).toBe(400);
    expect(res.requestId).toBe('trace-1234:abc.DEF_9');
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'trace-1234:abc.DEF_9' });
    await eventually(() =>
      expect(linesOf('trace-1234:abc.DEF_9')).toContainEqual(
        expect.objectContaining({ level: 'info', msg: 'request completed', surface: 'public', outcome: 'error', errorCodes: ['GRAPHQL_VALIDATION_FAILED'], req: { method: 'POST', path: '/graphql' }, res: { status: 400 } }),
      ),
    );
  });

  test('an unusable X-Request-Id (too long, odd characters) is replaced by a generated one', async () => {
    for (const given of ['x'.repeat(129), 'has space', 'quote"inside', 'ünïcode']) {
      const res = await post('/graphql', { query: '{ organisations { name } }' }, { 'x-request-id': encodeURI(given) === given ? given : encodeURIComponent(given) });
      expect(res.status).toBe(200);
      expect(res.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const res = await post('/graphql', { query: '{ organisations { name } }' });
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('browsers on other origins may read the request id of a public answer', async () => {
    const exposed = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://example.org' }, body: JSON.stringify({ query: '{ organisations { name } }' }) });
    expect(exposed.headers.get('x-request-id')).toBeTruthy();
    expect(exposed.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);
  });

  test('a successful request logs one line with surface, operation, duration, outcome and status', async () => {
    const res = await post('/graphql', { query: 'query Orgs { organisations { name } }' });
    expect(res.status).toBe(200);
    await eventually(() => expect(linesOf(res.requestId!)).toHaveLength(1));
    const [line] = linesOf(res.requestId!);
    expect(line).toMatchObject({ level: 'info', msg: 'request completed', surface: 'public', operation: 'Orgs', outcome: 'ok', res: { status: 200 } });
    expect(typeof line.durationMs).toBe('number');
    expect(line.errorCodes).toBeUndefined();
  });
});

describe('internal errors under graphql-jit are logged with the request id', () => {
  test('a database error', async () => {
    // The public read model's table: every public listing reads it (organisations and vocabularies are kept in process).
    await server.db.orm.em.getConnection().execute('alter table public_processing_activity_version rename to ppav_gone');
    try {
      const res = await post('/graphql', { query: 'query Count { processingActivities { totalCount } }' });
      expect(res.status).toBe(200);
      await eventually(() => expectInternalErrorLogged(res));
      const [internal] = linesOf(res.requestId!).filter((l) => l.msg === 'internal error');
      expect(internal.err?.message).toMatch(/public_processing_activity_version/);
      expect(internal).toMatchObject({ path: ['processingActivities'], operation: 'Count' });
    } finally {
      await server.db.orm.em.getConnection().execute('alter table ppav_gone rename to public_processing_activity_version');
    }
  });

  test('a forged RELEVANCE cursor: whatever it answers carries the request id, and the log line the same codes', async () => {
    const forged = Buffer.from(JSON.stringify(['RELEVANCE', 1e308, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const res = await post('/graphql', { query: `{ processingActivities(search: "zorg", orderBy: RELEVANCE, after: "${forged}") { totalCount } }` });
    expect(res.body.errors?.length).toBeGreaterThan(0);
    const codes = res.body.errors!.map((e) => e.extensions?.code);
    for (const error of res.body.errors!) expect(error.extensions?.requestId).toBe(res.requestId);
    await eventually(() => expect(linesOf(res.requestId!)).toContainEqual(expect.objectContaining({ outcome: 'error', errorCodes: codes })));
    if (codes.includes('INTERNAL_SERVER_ERROR')) expectInternalErrorLogged(res);
  });

  test('a database outage: public and sync answers are 503 SERVICE_UNAVAILABLE, logged with the request id and the cause', async () => {
    const name = server.db.name;
    const token = await issueToken(server.db.orm, DEFENSIE);
    await admin(async (c) => {
      await c.query(`alter database "${name}" allow_connections false`);
      await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    });
    try {
      // A listing, not the organisations: those are kept in the process (earlier tests loaded them).
      // The pool may hand out a connection that was cut or open a new one, which the closed database
      // refuses: either way an outage, never an internal error.
      const res = await post('/graphql', { query: 'query DuringOutage { processingActivities(first: 1) { totalCount edges { node { id } } } }' });
      expect(res.status).toBe(503);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      for (const error of res.body.errors!) expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId: res.requestId });
      expect(res.raw).not.toMatch(/stack|relation|accepting|terminat|at .+\.(ts|js):\d+/i);
      await eventually(() => {
        const mine = linesOf(res.requestId!);
        const causes = mine.filter((l) => l.msg === 'database unavailable');
        expect(causes).toHaveLength(res.body.errors!.length);
        for (const cause of causes) expect(cause).toMatchObject({ level: 'error', operation: 'DuringOutage', err: { message: expect.stringMatching(/accepting connections|terminat/) } });
        expect(mine).toContainEqual(expect.objectContaining({ level: 'error', surface: 'public', outcome: 'error', errorCodes: res.body.errors!.map(() => 'SERVICE_UNAVAILABLE'), res: { status: 503 } }));
      });

      const sync = await post('/sync/graphql', { query: SYNC, variables: { input: { records: [record('OUTAGE-1')] } } }, { authorization: `Bearer ${token}`, 'x-request-id': 'sync-outage-1' });
      expect(sync.status).toBe(503);
      expect(sync.requestId).toBe('sync-outage-1');
      expect(sync.body.errors).toEqual([{ message: expect.any(String), extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) }]);
      expect(sync.raw).not.toContain(token);
      await eventually(() => {
        const mine = linesOf('sync-outage-1');
        expect(mine).toContainEqual(expect.objectContaining({ level: 'error', msg: 'context creation failed', err: expect.objectContaining({ message: expect.stringMatching(/accepting connections|terminat/), stack: expect.any(String) }) }));
        expect(mine).toContainEqual(expect.objectContaining({ level: 'error', surface: 'sync', res: { status: 503 } }));
      });
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await admin((c) => c.query(`alter database "${name}" allow_connections true`));
    }
    // Recovered: the pool reconnects.
    const after = await post('/graphql', { query: '{ processingActivities(first: 1) { totalCount } }' });
    expect(after.body.errors).toBeUndefined();
  });
});

describe('the sync surface', () => {
  test('logs the caller by token prefix only, and a batch summary with counts per outcome, organisation and idempotency key', async () => {
    const token = await issueToken(server.db.orm, DEFENSIE);
    const res = await post('/sync/graphql', { query: SYNC, variables: { input: { records: [record('LOG-1'), record('LOG-2', { title: '' })], idempotencyKey: 'ops-log-key-1' } } }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    await eventually(() => expect(linesOf(res.requestId!).map((l) => l.msg).sort()).toEqual(['request completed', 'sync batch']));
    const batch = linesOf(res.requestId!).find((l) => l.msg === 'sync batch')!;
    expect(batch).toMatchObject({ level: 'info', caller: token.slice(0, 11), sync: { idempotencyKey: 'ops-log-key-1', committed: true, outcomes: { created: 1, failed: 1, updated: 0, unchanged: 0, withdrawn: 0 } } });
    expect((batch.sync as { organisation: string }).organisation).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(res.requestId!).find((l) => l.msg === 'request completed')).toMatchObject({ surface: 'sync', operation: 'SyncProcessingActivities', caller: token.slice(0, 11) });

    const wrong = `vr_${'A'.repeat(43)}`;
    const refused = await post('/sync/graphql', { query: SYNC, variables: { input: { records: [] } } }, { authorization: `Bearer ${wrong}` });
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: refused.requestId });
    await eventually(() => expect(linesOf(refused.requestId!)).toContainEqual(expect.objectContaining({ outcome: 'error', errorCodes: ['UNAUTHENTICATED'] })));
    const text = lines.join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(11));
    expect(text).not.toContain(wrong);
    expect(text).not.toMatch(/authorization|bearer/i);
  });
});

describe('a mutation sent to the read-only public surface', () => {
  test('is a client error: 400 OPERATION_NOT_SUPPORTED, not an internal error', async () => {
    const res = await post('/graphql', { query: 'mutation { syncProcessingActivities(input: { records: [] }) { committed } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', requestId: res.requestId });
    expect(res.body.errors![0].message).toMatch(/mutation/);
    await eventually(() => expect(linesOf(res.requestId!)).toContainEqual(expect.objectContaining({ level: 'info', errorCodes: ['OPERATION_NOT_SUPPORTED'] })));
    expect(linesOf(res.requestId!).filter((l) => l.level === 'error')).toEqual([]);
  });
});
