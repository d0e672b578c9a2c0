import { Fixtures, markedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { FullActivitiesPageDocument } from '../generated/public/graphql';

/**
 * The number of SQL statements a request issues must not grow with the page size: nested content
 * is loaded with one statement per nesting level (public-content.loaders.ts), never per record.
 */

let server: TestServer;
let statements: string[] | null = null;

beforeAll(async () => {
  server = await startTestServer();
  const fixtures = new Fixtures(server.db.orm);
  for (let i = 0; i < 110; i++) {
    // Full nested content, with a second group, purpose and processor so every level has several rows.
    const c = markedContent(`Telling${i}`);
    c.purposes.push({ ...c.purposes[0], description: `Telling${i} tweede doel`, legalBasis: 'CONSENT' });
    c.dataSubjectGroups.push({ ...c.dataSubjectGroups[0], description: `Telling${i} tweede groep` });
    c.processors!.push({ name: `Telling${i} tweede verwerker` });
    await fixtures.save(`SQL-${String(i).padStart(3, '0')}`, c);
  }
  // The public context reads through this knex instance (its pool), which reports every statement.
  server.db.orm.em.getKnex().on('query', (q: { sql: string }) => statements?.push(q.sql));
}, 120_000);
afterAll(() => server?.close());

async function statementsFor(first: number) {
  statements = [];
  const data = await server.publicClient.query(FullActivitiesPageDocument, { first });
  const issued = statements;
  statements = null;
  return { data, issued };
}

test('the hook sees the public surface\'s statements', async () => {
  const { issued } = await statementsFor(1);
  // The page's rows with their documents, and the related processings' loader (the document does not hold what they point to).
  expect(issued.some((sql) => /from "related_processing"|from related_processing/.test(sql))).toBe(true);
  expect(issued.some((sql) => /processing_activity_version/.test(sql))).toBe(true);
});

test('a full nested page of 100 issues as many statements as a page of 10', async () => {
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);

  const edges = hundred.data.processingActivities.edges;
  expect(edges).toHaveLength(100);
  expect(ten.data.processingActivities.edges).toHaveLength(10);
  // The page really is fully nested, at every level.
  for (const { node } of edges.filter((e) => e.node.reference.startsWith('SQL-'))) {
    expect(node.purposes).toHaveLength(2);
    expect(node.purposes[0].statutoryReferences).toHaveLength(1);
    expect(node.dataSubjectGroups).toHaveLength(2);
    expect(node.dataSubjectGroups[1].dataItems[0].retention.rules.length).toBeGreaterThan(0);
    expect(node.thirdCountryTransfers!.transfers[0].safeguard!.code).toBe('ADEQUACY_DECISION');
    expect(node.processors).toHaveLength(2);
    expect(node.relatedProcessings[0].activity!.reference).toBe('D2717');
  }

  expect(hundred.issued.length).toBe(ten.issued.length);
  expect(hundred.issued.length).toBeLessThanOrEqual(15);
});
