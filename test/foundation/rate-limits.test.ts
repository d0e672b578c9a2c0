import { startTestServer, type TestServer } from '../support/test-server';
import { DEFENSIE, issueToken } from '../sync/support/sync-helpers';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function expectTooMany(res: Response, maxRetryAfter: number) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[] };
  expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
  expect(body.errors[0].message).toMatch(/Retry after \d+ s/);
}

describe('rate limits (configured through the app factory)', () => {
  let server: TestServer;
  const logged: Record<string, unknown>[] = [];

  beforeAll(async () => {
    server = await startTestServer({ app: { rateLimits: { publicPerMinute: 5, authFailuresPer15Min: 3 }, log: (entry) => logged.push(entry) } });
  });
  afterAll(() => server?.close());

  it('limits anonymous public traffic per client: 429 with Retry-After and a JSON code once the minute is used up', async () => {
    for (let i = 0; i < 5; i++) expect((await post(`${server.url}/graphql`, { query: '{ organisations { name } }' })).status).toBe(200);
    await expectTooMany(await post(`${server.url}/graphql`, { query: '{ organisations { name } }' }), 60);
    await expectTooMany(await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ organisations { name } }')}`), 60);
  });

  it('throttles failed authentications per client and logs each (valid requests never count); then even a valid token waits', async () => {
    const token = await issueToken(server.db.orm, DEFENSIE);
    const viewer = { query: '{ viewer { tokenPrefix } }' };
    // Valid requests, many and at once, count for nothing.
    const valid = await Promise.all(Array.from({ length: 8 }, () => post(`${server.url}/sync/graphql`, viewer, { authorization: `Bearer ${token}` })));
    expect(valid.map((r) => r.status)).toEqual(Array(8).fill(200));
    const wrong = `vr_${'x'.repeat(43)}`;
    for (let i = 0; i < 3; i++) {
      const res = await post(`${server.url}/sync/graphql`, viewer, { authorization: `Bearer ${wrong}` });
      expect(res.status).not.toBe(429);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    await expectTooMany(await post(`${server.url}/sync/graphql`, viewer, { authorization: `Bearer ${wrong}` }), 900);
    await expectTooMany(await post(`${server.url}/sync/graphql`, viewer, { authorization: `Bearer ${token}` }), 900);
    expect(logged.filter((e) => e.event === 'sync_authentication_failed').map((e) => [e.tokenPrefix, e.failures, e.throttled, typeof e.client, typeof e.reason])).toEqual([
      ['vr_xxxxxxxx', 1, false, 'string', 'string'],
      ['vr_xxxxxxxx', 2, false, 'string', 'string'],
      ['vr_xxxxxxxx', 3, true, 'string', 'string'],
    ]);
    expect(JSON.stringify(logged)).not.toContain(wrong);
    // A throttled client is refused before its token is looked at, with or without one.
    expect((await post(`${server.url}/sync/graphql`, viewer)).status).toBe(429);
  });
});

describe('rate limits by default under jest', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('are off, so test suites are never throttled', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) {
      statuses.add((await post(`${server.url}/sync/graphql`, { query: '{ viewer { tokenPrefix } }' }, { authorization: `Bearer vr_${'y'.repeat(43)}` })).status);
      statuses.add((await post(`${server.url}/graphql`, { query: '{ organisations { name } }' })).status);
    }
    expect(statuses.has(429)).toBe(false);
  });
});
