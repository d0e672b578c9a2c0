import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The public surface over plain HTTP, as wget, a spreadsheet or a CDN uses it: a GET link with the
 * query in the URL, HTTP caching headers, conditional requests and automatic persisted queries.
 * The sync surface keeps CSRF prevention and is never cached.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const QUERY = '{ processingActivities(first: 2) { totalCount edges { node { reference title } } } }';
const getUrl = (params: Record<string, string>) => `${server.url}/graphql?${new URLSearchParams(params)}`;

test('a plain GET link answers (no CSRF header needed: the public surface carries no cookies)', async () => {
  const res = await fetch(getUrl({ query: QUERY }));
  expect(res.status).toBe(200);
  const body = await res.json();
  const viaPost = await server.publicClient.query(QUERY);
  expect(body).toEqual({ data: viaPost });
});

test('complete public answers may be cached and revalidated; answers with errors are not stored', async () => {
  const res = await fetch(getUrl({ query: QUERY }));
  expect(res.headers.get('cache-control')).toBe('public, max-age=60');
  expect(res.headers.get('vary')).toMatch(/Accept/);
  const etag = res.headers.get('etag');
  expect(etag).toMatch(/^"[0-9a-f]+-/);

  // node:http, not fetch: fetch adds Cache-Control: no-cache to a request with If-None-Match.
  const again = await httpGet(getUrl({ query: QUERY }), { 'if-none-match': etag! });
  expect(again.status).toBe(304);
  expect(again.body).toBe('');

  const failing = await fetch(getUrl({ query: '{ processingActivities(first: 1000) { totalCount } }' }));
  expect(failing.headers.get('cache-control')).toBe('no-store');

  const post = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  expect(post.status).toBe(200);
  expect(post.headers.get('cache-control')).toBe('public, max-age=60');
});

test('a mutation cannot be sent as a GET link', async () => {
  const res = await fetch(getUrl({ query: 'mutation { __typename }' }));
  expect(res.status).toBe(405);
});

test('automatic persisted queries: register once, then GET by hash alone', async () => {
  const sha256Hash = createHash('sha256').update(QUERY).digest('hex');
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });

  const unknown = await fetch(getUrl({ extensions }));
  expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(unknown.headers.get('cache-control')).not.toMatch(/public/);

  const registered = await fetch(getUrl({ query: QUERY, extensions }));
  expect(registered.status).toBe(200);
  const expected = (await registered.json()) as any;
  expect(expected.data.processingActivities.edges).toHaveLength(2);

  const byHash = await fetch(getUrl({ extensions }));
  expect(byHash.status).toBe(200);
  expect(byHash.headers.get('cache-control')).toBe('public, max-age=60');
  expect(await byHash.json()).toEqual(expected);

  const wrongHash = await fetch(getUrl({ query: QUERY, extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }) }));
  expect(wrongHash.status).toBe(400);
  expect(((await wrongHash.json()) as any).errors[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
});

test('the sync surface keeps CSRF prevention and is never cached', async () => {
  const simpleGet = await fetch(`${server.url}/sync/graphql?${new URLSearchParams({ query: '{ __typename }' })}`);
  expect(simpleGet.status).toBe(400);
  expect(await simpleGet.text()).toMatch(/CSRF|Cross-Site/i);

  const post = await server.syncClient(null).request('{ __typename }');
  expect(post.status).toBeGreaterThanOrEqual(200);
  const res = await fetch(`${server.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(res.headers.get('cache-control')).toBe('no-store');
});

test('the public schema is served as SDL, and the front door answers JSON to API clients', async () => {
  const sdl = await fetch(`${server.url}/graphql/schema.graphql`);
  expect(sdl.status).toBe(200);
  const text = await sdl.text();
  expect(text).toMatch(/type Query \{/);
  expect(text).toMatch(/processingActivities\(/);
  expect(text).not.toMatch(/syncProcessingActivities|INTERNAL_READ|contactPersons/);

  const door = await fetch(`${server.url}/`, { headers: { accept: 'application/json' } });
  const links = ((await door.json()) as any).links.map((l: { href: string }) => l.href);
  expect(links).toContain('/graphql');
});

function httpGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}
