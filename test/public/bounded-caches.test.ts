import type { CacheLimits, CacheStats } from '../../src/modules/common/bounded-cache';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Every cache that grows with distinct query documents stays at its bound, by entries and by
 * bytes: Apollo's parsed and validated documents, compiled queries and costs on both surfaces,
 * the column selections, and the response cache's answers and normalised texts. Small bounds
 * here, so that a thousand-odd distinct documents pass each many times over.
 */

const QUERY_CACHE: CacheLimits = { maxEntries: 40, maxBytes: 4 * 1024 * 1024 };
const RESPONSE_CACHE: CacheLimits = { maxEntries: 30, maxBytes: 256 * 1024 };
const UNIQUE_DOCUMENTS = 1_200;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ app: { queryCache: QUERY_CACHE, responseCache: true, responseCacheLimits: RESPONSE_CACHE } });
});
afterAll(() => server?.close());

/** Posts each body, eight at a time; every answer must be a 200 without errors. */
async function send(path: string, bodies: (i: number) => object, count: number): Promise<void> {
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodies(i)) });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) failures.push(`${res.status} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  expect(failures).toEqual([]);
}

/** A distinct public document that fills every per-document cache: an input-object variable (cost cache), a page's texts (column selections), a complete answer (response cache). */
const publicDocument = (i: number, padding = '') => ({
  query: `query Unique${i}($f: ProcessingActivityFilterInput) { processingActivities(first: 2, filter: $f) { edges { node { title description } } } }${padding}`,
  variables: { f: { legalRole: 'CONTROLLER' } },
});

function expectWithin(stats: CacheStats, name: string) {
  expect({ name, entries: stats.entries <= stats.maxEntries, bytes: stats.bytes <= stats.maxBytes }).toEqual({ name, entries: true, bytes: true });
}

test(`${UNIQUE_DOCUMENTS} distinct documents leave every cache at its bound of entries`, async () => {
  await send('/graphql', (i) => publicDocument(i), UNIQUE_DOCUMENTS);
  // The sync surface parses, validates and compiles before it asks for a token.
  await send('/sync/graphql', (i) => ({ query: `query Sync${i} { __typename }` }), 200);
  const stats = server.cacheStats();
  expect(Object.keys(stats).sort()).toEqual(
    [
      'columnSelections',
      'public.compiledQueries',
      'public.costs',
      'public.documents',
      'response.answers',
      'response.normalisedQueries',
      'sync.compiledQueries',
      'sync.costs',
      'sync.documents',
    ].sort(),
  );
  for (const [name, s] of Object.entries(stats)) expectWithin(s, name);
  for (const name of ['public.documents', 'public.compiledQueries', 'public.costs', 'columnSelections', 'sync.documents', 'sync.compiledQueries']) {
    expect({ name, entries: stats[name].entries }).toEqual({ name, entries: QUERY_CACHE.maxEntries });
  }
  expect(stats['response.answers'].entries).toBeGreaterThan(0);
  expect(stats['response.normalisedQueries'].entries).toBe(RESPONSE_CACHE.maxEntries);
}, 600_000);

test('long documents leave the caches at their bound of bytes, below their bound of entries', async () => {
  // About 12 kB of query text each (a comment): a few fill the bytes a cache may keep (an entry over a quarter of them is not kept at all).
  const padding = ` # ${'x'.repeat(12_000)}`;
  await send('/graphql', (i) => publicDocument(100_000 + i, padding), 60);
  const stats = server.cacheStats();
  for (const [name, s] of Object.entries(stats)) expectWithin(s, name);
  for (const name of ['public.documents', 'public.compiledQueries']) {
    expect({ name, belowEntries: stats[name].entries < stats[name].maxEntries, nearBytes: stats[name].bytes > stats[name].maxBytes / 2 }).toEqual({ name, belowEntries: true, nearBytes: true });
  }
}, 600_000);
