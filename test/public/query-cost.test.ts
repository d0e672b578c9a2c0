import { type GraphQLSchema, parse } from 'graphql';
import { operationCost } from '../../src/api/common/query-limits';
import { buildPublicSchema } from '../../src/api/public/public.schema';
import { COST } from '../../src/api/public/cost';
import { LIMITS } from '../../src/server/app';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes } from './support/public-helpers';

/**
 * One anonymous request cannot hold the public API: fields cost what their database work is
 * worth (search, facets, counts, lookups, pages × `first`, history), an operation has at most
 * LIMITS.public.maxRootFields root fields, and both are refused before anything executes.
 */

const { maxComplexity, maxRootFields } = LIMITS.public;
const aliases = (n: number, field: (i: number) => string) => Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ');
/** The document of the report: a thousand aliases of a facets search, under 50 kB. */
const THOUSAND_FACETS = `{ ${aliases(1_000, (i) => `facets(search: "x${i}") { total }`)} }`;
/** A search page of 100 with its count, and the facets beside it. */
const ORDINARY = `{ processingActivities(first: 100, search: "gegevens") { totalCount edges { node { id reference title description organisation { name } purposes { description legalBasis { code label } } } } pageInfo { hasNextPage endCursor } } facets(search: "gegevens") { total legalBases { count legalBasis { code label } } organisations { count organisation { name } } } }`;

describe('cost model', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPublicSchema();
  });
  const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), undefined, variables);
  const PAGE_FIELDS = 'edges { node { id title } }';

  test('a search costs more than a plain page of the same size, by the cost of a search', () => {
    const plain = cost(`{ processingActivities(first: 20) { ${PAGE_FIELDS} } }`);
    const search = cost(`{ processingActivities(first: 20, search: "chatbot") { ${PAGE_FIELDS} } }`);
    expect(search).toBe(plain + COST.search);
    // Through variables as well, and a blank search is no search.
    expect(cost(`query($q: String) { processingActivities(first: 20, search: $q) { ${PAGE_FIELDS} } }`, { q: 'chatbot' })).toBe(search);
    expect(cost(`{ processingActivities(first: 20, search: "  ") { ${PAGE_FIELDS} } }`)).toBe(plain);
  });

  test('a page costs its statement plus first × its records; substring filters add a scan each', () => {
    const record = cost(`{ processingActivities(first: 1) { ${PAGE_FIELDS} } }`) - COST.statement;
    expect(cost(`{ processingActivities(first: 100) { ${PAGE_FIELDS} } }`)).toBe(COST.statement + 100 * record);
    expect(cost(`{ processingActivities(first: 0) { ${PAGE_FIELDS} } }`)).toBe(COST.statement);
    expect(cost(`{ processingActivities(first: 1, filter: { recipient: "x", dataSubject: "y" }) { ${PAGE_FIELDS} } }`)).toBe(COST.statement + 2 * COST.textFilter + record);
  });

  test('facets, counts, lookups and history cost their work', () => {
    expect(cost('{ facets { total } }')).toBe(COST.facets + 1);
    expect(cost('{ facets(search: "x") { total } }')).toBe(COST.facets + COST.search + 1);
    // A count is once per page, not once per record, and counts the search as well.
    expect(cost('{ processingActivities(first: 0) { totalCount } }')).toBe(COST.statement + COST.count);
    expect(cost('{ processingActivities(first: 100) { totalCount } }')).toBe(COST.statement + COST.count);
    expect(cost('{ processingActivities(first: 100, search: "x") { ...C } } fragment C on ProcessingActivityConnection { totalCount n: totalCount }')).toBe(3 * COST.search + COST.statement + 2 * COST.count);
    expect(cost('{ processingActivity(id: "x") { title } }')).toBe(COST.statement + 1);
    expect(cost('{ node(id: "x") { id } }')).toBe(COST.statement + 1);
    expect(cost('{ processingActivity(id: "x") { history { title } } }')).toBe(COST.statement + 1 + COST.historyLength * 1);
  });

  test('an ordinary search page with its count and facets costs less than half the limit', () => {
    expect(cost(ORDINARY)).toBeLessThan(maxComplexity / 2);
  });

  test(`the thousand-facets document costs far more than the limit of ${maxComplexity}`, () => {
    expect(cost(THOUSAND_FACETS)).toBeGreaterThan(10 * maxComplexity);
  });
});

describe('limits on the public endpoint', () => {
  let server: TestServer;
  let statements: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    server.db.orm.em.getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
  });
  afterAll(() => server?.close());

  test('the thousand-facets document (under 50 kB) is refused before anything executes', async () => {
    expect(JSON.stringify({ query: THOUSAND_FACETS }).length).toBeLessThan(50 * 1024);
    statements = [];
    const res = await server.publicClient.request(THOUSAND_FACETS);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
    expect(res.errors![0].extensions).toMatchObject({ limit: maxRootFields, count: 1_000 });
    expect(res.data).toBeUndefined();
    // The publication scheduler reads its next moment in the background after any change of the register; nothing else may have run.
    expect(statements.filter((sql) => !sql.includes('"public_schedule"'))).toEqual([]);
  });

  test(`${maxRootFields} root fields are served; one more is refused, counting aliases and fragments`, async () => {
    const fields = (n: number) => aliases(n, () => 'organisations { name }');
    expect((await server.publicClient.request(`{ ${fields(maxRootFields)} }`)).errors).toBeUndefined();
    const over = await server.publicClient.request(`{ ${fields(maxRootFields)} b: __typename }`);
    expect(codes(over)).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
    expect(over.errors![0].message).toContain(String(maxRootFields));
    const throughFragments = await server.publicClient.request(`{ ...A ... on Query { x: __typename } } fragment A on Query { ${fields(maxRootFields)} }`);
    expect(codes(throughFragments)).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
    // The same response key twice runs once and counts once.
    expect((await server.publicClient.request(`{ ...A ${fields(maxRootFields)} } fragment A on Query { ${fields(maxRootFields)} }`)).errors).toBeUndefined();
  });

  test(`within the root-field cap, ${maxRootFields} facet searches are refused by their cost`, async () => {
    statements = [];
    const res = await server.publicClient.request(`{ ${aliases(maxRootFields, (i) => `facets(search: "x${i}") { total }`)} }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_COST_LIMIT']);
    expect(statements).toEqual([]);
    // A few are fine.
    const few = await server.publicClient.request(`{ ${aliases(3, (i) => `facets(search: "x${i}") { total }`)} }`);
    expect(few.errors).toBeUndefined();
  });

  test('an ordinary search page with its count and facets is served', async () => {
    const res = await server.publicClient.request(ORDINARY);
    expect(res.errors).toBeUndefined();
  });
});
