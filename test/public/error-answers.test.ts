import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Every answer of the HTTP server is JSON without internals, whatever NODE_ENV says: a request
 * body nested 5,000 deep (it used to exhaust the stack in the response cache and show Express's
 * HTML page with the stack and file paths), a body Express cannot decode, an unknown path.
 */

const DEEP = 5_000;
const deepBody = (depth: number) => `{"query":"{ __typename }","variables":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

/** No stack, file path or HTML anywhere. */
function expectNoInternals(raw: string) {
  expect(raw).not.toMatch(/<html|<pre|stacktrace|RangeError|\bat .+\.(ts|js):\d+|node_modules|\/src\/|\/dist\//i);
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe.each([
  ['unset', undefined],
  ['production', 'production'],
])('NODE_ENV %s', (_label, nodeEnv) => {
  let server: Server;
  let url: string;
  let stop: () => Promise<void>;
  const saved = process.env.NODE_ENV;

  beforeAll(async () => {
    // Express reads NODE_ENV when the app is created (its error page shows the stack unless "production").
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    try {
      // The response cache on, as in production: its key used to recurse through the variables.
      const created = await createApp(db.orm, { responseCache: true });
      stop = created.stop;
      server = await new Promise((resolve) => {
        const s = created.app.listen(0, '127.0.0.1', () => resolve(s));
      });
    } finally {
      process.env.NODE_ENV = saved;
    }
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await stop();
  });

  test.each(['/graphql', '/sync/graphql'])(`a ${DEEP}-deep array in the variables of %s answers JSON 400 VARIABLES_TOO_DEEP`, async (path) => {
    const body = deepBody(DEEP);
    expect(body.length).toBeLessThan(11_000);
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const raw = await res.text();
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expectNoInternals(raw);
    const { errors } = JSON.parse(raw) as { errors: { message: string; extensions: { code: string; limit: number; path: (string | number)[] } }[] };
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
    expect(errors[0].message).toContain(String(errors[0].extensions.limit));
    expect(errors[0].extensions.path.slice(0, 3)).toEqual(['variables', 'x', 0]);
  });

  test('deeper still on the sync surface (a 400,000-deep array, 800 kB) is refused the same way', async () => {
    const res = await fetch(`${url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepBody(400_000) });
    const raw = await res.text();
    expect(res.status).toBe(400);
    expectNoInternals(raw);
    expect(JSON.parse(raw).errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
  });

  test('deep variables of a GET are refused too', async () => {
    const variables = `{"x":${'['.repeat(2_000)}${']'.repeat(2_000)}}`;
    const res = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${variables}`, { headers: { 'apollo-require-preflight': 'true' } });
    const raw = await res.text();
    expect(res.status).toBe(400);
    expectNoInternals(raw);
    expect(JSON.parse(raw).errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
  });

  test('variables nested as deep as a sync batch needs are accepted', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"{ __typename }","variables":{"y":${'['.repeat(20)}${']'.repeat(20)}}}` });
    expect(res.status).toBe(200);
  });

  test('a body Express cannot decode (unknown content encoding) answers JSON with its 4xx status', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'x-unknown' }, body: '{"query":"{ __typename }"}' });
    const raw = await res.text();
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expectNoInternals(raw);
    expect(JSON.parse(raw).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('an unknown path answers JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/graphqlx'],
      ['GET', '/sync'],
    ]) {
      const res = await fetch(url + path, { method });
      const raw = await res.text();
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expectNoInternals(raw);
      expect(JSON.parse(raw).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});
