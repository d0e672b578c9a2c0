import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes, DEFENSIE, issueToken, record, sync } from './support/sync-helpers';

/** Internal listings and the export page like the public listing: never truncated in silence, a page size out of range refused. */
describe('sync surface: paging, never silent truncation', () => {
  let server: TestServer;
  let defensie: ReturnType<TestServer['syncClient']>;

  beforeAll(async () => {
    server = await startTestServer();
    defensie = server.syncClient(await issueToken(server.db.orm, DEFENSIE));
    const res = await sync(defensie, { records: ['PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4', 'PAGE-5'].map((reference) => record(reference)) });
    expect(res.summary.created).toBe(5);
  });
  afterAll(() => server?.close());

  type ExportPage = { exportProcessingActivities: { nodes: { reference: string; baseVersion: number; title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };
  const EXPORT = `query($first: Int!, $after: String, $refs: [String!]) { exportProcessingActivities(first: $first, after: $after, references: $refs) { nodes { reference baseVersion title } pageInfo { hasNextPage endCursor } totalCount } }`;

  it('exports the whole register a page at a time, every record once, in reference order, with the total', async () => {
    const expected = (await server.db.orm.em.fork().find(ProcessingActivity, { organisation: { name: DEFENSIE }, latestVersionNumber: { $gt: 0 } }, { orderBy: { reference: 'asc' } })).map((a) => a.reference);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { exportProcessingActivities: page }: ExportPage = await defensie.query<ExportPage>(EXPORT, { first: 2, after });
      expect(page.totalCount).toBe(expected.length);
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes.map((n) => n.reference));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    const some = await defensie.query<ExportPage>(EXPORT, { first: 500, refs: ['PAGE-2', 'PAGE-4', 'NOPE'] });
    expect(some.exportProcessingActivities.nodes.map((n) => n.reference)).toEqual(['PAGE-2', 'PAGE-4']);
    expect(some.exportProcessingActivities.totalCount).toBe(2);
  });

  it('refuses a page size above the maximum (or below 0) and more than 500 references, with the limit in the error, instead of cutting the answer short', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [EXPORT, { first: 501 }, 'first'],
      [EXPORT, { first: -1 }, 'first'],
      [EXPORT, { first: 10, refs: Array.from({ length: 501 }, (_, i) => `R${i}`) }, 'references'],
      [`query($first: Int!) { processingActivities(first: $first) { totalCount nodes { reference } } }`, { first: 501 }, 'first'],
      [`query($first: Int!) { processingActivities(first: $first) { totalCount nodes { reference } } }`, { first: 100_000 }, 'first'],
      [`query($first: Int!) { auditLog(first: $first) { nodes { id } } }`, { first: 501 }, 'first'],
    ];
    for (const [query, variables, argument] of cases) {
      const res = await defensie.request(query, variables);
      expect({ variables: JSON.stringify(variables).slice(0, 40), codes: codes(res), argument: res.errors?.[0]?.extensions?.argument, max: res.errors?.[0]?.extensions?.max }).toEqual({
        variables: JSON.stringify(variables).slice(0, 40),
        codes: ['BAD_USER_INPUT'],
        argument,
        max: 500,
      });
    }
    const ok = await defensie.query<{ processingActivities: { nodes: unknown[] } }>(`{ processingActivities(first: 500) { nodes { reference } } }`);
    expect(ok.processingActivities.nodes.length).toBeGreaterThan(0);
  });
});
