import { MAX_OPERATION_NAMES, operationLabel } from '../../src/server/metrics';
import { startTestServer, type TestServer } from '../support/test-server';
import { DEFENSIE, issueToken, record, SYNC } from '../sync/support/sync-helpers';

/** Issue 10, item 10: /metrics in Prometheus format, on a port of its own or behind a bearer token. */

const METRICS_TOKEN = 'metrics-secret-for-tests';

/** The value of one sample of a scrape (0 when absent): `name{a="x",b="y"} 3`. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of scrape.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data: { syncProcessingActivities: { summary: Record<string, number> } } } }));

describe('metrics on a port of their own (METRICS_PORT)', () => {
  let server: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    server = await startTestServer({ app: { responseCache: true, metrics: { port: 0, host: '127.0.0.1', token: null } } });
    metricsUrl = server.metricsUrl!;
  });
  afterAll(() => server?.close());
  const scrape = async () => {
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  test('requests, latency and errors by surface, operation and code; response-cache hits and misses; pool use', async () => {
    const before = await scrape();
    const ok = { surface: 'public', operation: 'MetricsOrgs', outcome: 'ok' };
    for (let i = 0; i < 3; i++) expect((await post(`${server.url}/graphql`, { query: 'query MetricsOrgs { organisations { name } }' })).status).toBe(200);
    await post(`${server.url}/graphql`, { query: 'query MetricsBroken { nope }' });
    await post(`${server.url}/graphql`, { query: '{ organisations { id } }' });
    const after = await scrape();

    expect(sample(after, 'vr_graphql_requests_total', ok) - sample(before, 'vr_graphql_requests_total', ok)).toBe(3);
    expect(sample(after, 'vr_graphql_request_duration_seconds_count', { surface: 'public', operation: 'MetricsOrgs' }) - sample(before, 'vr_graphql_request_duration_seconds_count', { surface: 'public', operation: 'MetricsOrgs' })).toBe(3);
    expect(sample(after, 'vr_graphql_request_duration_seconds_bucket', { surface: 'public', operation: 'MetricsOrgs', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    const broken = { surface: 'public', operation: 'MetricsBroken', outcome: 'error' };
    expect(sample(after, 'vr_graphql_requests_total', broken) - sample(before, 'vr_graphql_requests_total', broken)).toBe(1);
    const validation = { surface: 'public', code: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sample(after, 'vr_graphql_errors_total', validation) - sample(before, 'vr_graphql_errors_total', validation)).toBe(1);
    const anonymous = { surface: 'public', operation: 'anonymous', outcome: 'ok' };
    expect(sample(after, 'vr_graphql_requests_total', anonymous) - sample(before, 'vr_graphql_requests_total', anonymous)).toBeGreaterThanOrEqual(1);

    // The first of the three identical queries missed the cache (when it was listening), the others hit.
    const hits = sample(after, 'vr_response_cache_hits_total') - sample(before, 'vr_response_cache_hits_total');
    const misses = sample(after, 'vr_response_cache_misses_total') - sample(before, 'vr_response_cache_misses_total');
    expect(hits).toBeGreaterThanOrEqual(1);
    expect(misses).toBeGreaterThanOrEqual(1);
    // The answers from the cache count as requests of their operation too (3 above).
    expect(sample(after, 'vr_response_cache_invalidations_total')).toBeGreaterThanOrEqual(1);

    expect(after).toMatch(/^vr_db_pool_connections\{pool="primary",state="used"\} \d+$/m);
    expect(after).toMatch(/^vr_db_pool_connections\{pool="primary",state="free"\} \d+$/m);
    expect(after).toMatch(/^vr_process_resident_memory_bytes \d+/m);
    expect(after).toMatch(/^# TYPE vr_scheduled_publications_applied_total counter$/m);
  });

  test('a publication invalidates the response cache', async () => {
    const before = sample(await scrape(), 'vr_response_cache_invalidations_total');
    const token = await issueToken(server.db.orm, DEFENSIE);
    await post(`${server.url}/sync/graphql`, { query: SYNC, variables: { input: { records: [record('METRICS-INV', { publish: true })] } } }, { authorization: `Bearer ${token}` });
    for (let i = 0; i < 50 && sample(await scrape(), 'vr_response_cache_invalidations_total') === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sample(await scrape(), 'vr_response_cache_invalidations_total')).toBeGreaterThan(before);
  });

  test('sync records by outcome, and sync requests by operation', async () => {
    const before = await scrape();
    const token = await issueToken(server.db.orm, DEFENSIE);
    const res = await post(`${server.url}/sync/graphql`, { query: SYNC, variables: { input: { records: [record('METRICS-1'), record('METRICS-2'), record('METRICS-3', { title: '' })] } } }, { authorization: `Bearer ${token}` });
    expect(res.body.data.syncProcessingActivities.summary).toMatchObject({ created: 2, failed: 1 });
    const after = await scrape();
    const delta = (labels: Record<string, string>) => sample(after, 'vr_sync_records_total', labels) - sample(before, 'vr_sync_records_total', labels);
    expect(delta({ outcome: 'created', committed: 'true' })).toBe(2);
    expect(delta({ outcome: 'failed', committed: 'true' })).toBe(1);
    const sync = { surface: 'sync', operation: 'SyncProcessingActivities', outcome: 'ok' };
    expect(sample(after, 'vr_graphql_requests_total', sync) - sample(before, 'vr_graphql_requests_total', sync)).toBe(1);
    // The token never appears, not even its prefix: callers are not a label.
    expect(after).not.toContain(token.slice(0, 11));
  });

  test('the API port itself has no /metrics when no token is configured', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});

describe('metrics behind METRICS_TOKEN on the API port', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ app: { metrics: { port: null, host: '127.0.0.1', token: METRICS_TOKEN } } });
  });
  afterAll(() => server?.close());

  test('a scrape without the token, or with another, is refused with 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${METRICS_TOKEN}x` }, { authorization: METRICS_TOKEN }] as Record<string, string>[]) {
      const res = await fetch(`${server.url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('vr_graphql');
    }
  });

  test('with the token it answers the metrics', async () => {
    await post(`${server.url}/graphql`, { query: 'query TokenScrape { organisations { name } }' });
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(sample(await res.text(), 'vr_graphql_requests_total', { surface: 'public', operation: 'TokenScrape', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });
});

describe('operation label cardinality', () => {
  test('anonymous and non-GraphQL names fold, long names are cut, and each surface keeps at most MAX_OPERATION_NAMES names', () => {
    expect(operationLabel('t1', null)).toBe('anonymous');
    expect(operationLabel('t1', '')).toBe('anonymous');
    expect(operationLabel('t1', 'not a name{}')).toBe('anonymous');
    expect(operationLabel('t1', 'A'.repeat(500))).toBe('A'.repeat(64));
    for (let i = 0; operationLabel('t1', `Op${i}`) !== 'other'; i++) expect(i).toBeLessThan(MAX_OPERATION_NAMES);
    expect(operationLabel('t1', 'Op0')).toBe('Op0'); // known names keep their label
    expect(operationLabel('t1', 'BrandNew')).toBe('other');
    expect(operationLabel('t2', 'BrandNew')).toBe('BrandNew'); // per surface
  });
});
