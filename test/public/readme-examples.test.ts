import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Every ```graphql block of docs/public-api.md runs against the seeded database without errors
 * and with data. A block declaring $organisation gets the id found by the block before it.
 */
const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'public-api.md'), 'utf8');
const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

test('the document has its examples', () => {
  expect(blocks).toHaveLength(6);
});

test('every example runs and returns data', async () => {
  const results: Record<string, any>[] = [];
  for (const query of blocks) {
    const variables = query.includes('$organisation') ? { organisation: results.at(-1)!.organisation.id } : undefined;
    const res = await server.publicClient.request(query, variables);
    expect(res.errors).toBeUndefined();
    expect(res.data).toBeTruthy();
    results.push(res.data!);
  }
  const [search, organisation, activity, facets, typeAhead, shared] = results;
  expect(search.processingActivities.edges.map((e: any) => e.node.reference)).toEqual(['M10495']);
  expect(search.processingActivities.edges[0].node.organisation.parent.name).toBe('Ministerie van Economische Zaken');
  expect(organisation.organisation.name).toBe('Ministerie van Defensie');
  const d2717 = activity.processingActivityByReference;
  expect(d2717.title).toBe('Toepassing chatbot binnen Defensie');
  expect(d2717.dataSubjectGroups[0].dataItems[0].retention.rules).toEqual(expect.arrayContaining([expect.objectContaining({ duration: 'P2Y' })]));
  expect(d2717.history).toHaveLength(1);
  expect(facets.facets.total).toBe(2);
  // The chatbot seed is shared: the organisation facet counts it for HLTsamen and the three municipalities that adopted it.
  expect(facets.facets.organisations.map((o: any) => o.organisation.name).sort()).toEqual([
    'Gemeenschappelijke Regeling werkorganisatie HLTsamen',
    'Gemeente Hillegom',
    'Gemeente Lisse',
    'Gemeente Teylingen',
    'Ministerie van Defensie',
  ]);
  expect(shared.organisation.publishedActivityCount).toBe(1);
  expect(shared.organisation.processingActivities.edges).toEqual([
    {
      isAdopted: true,
      node: {
        reference: 'GEM-CHATBOT',
        title: 'Chatbot (Gem)',
        organisation: { name: 'Gemeenschappelijke Regeling werkorganisatie HLTsamen' },
        sharedWith: [{ name: 'Gemeente Hillegom' }, { name: 'Gemeente Lisse' }, { name: 'Gemeente Teylingen' }],
        controllers: [{ name: 'Gemeenschappelijke Regeling werkorganisatie HLTsamen', roleDescription: null }],
      },
    },
  ]);
  expect(typeAhead.typed.edges.map((e: any) => e.node.reference)).toEqual(['M10495']);
  expect(typeAhead.typed.totalCountIsEstimate).toBe(false);
  expect(typeAhead.abbreviation.edges.map((e: any) => e.node.reference)).toEqual(['M10495']);
});

describe('README.md examples', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Example queries'), readme.indexOf('## The model'));
  const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

  test('the README shows three public queries', () => {
    expect(examples).toHaveLength(3);
  });

  test('each runs against the seeded database and finds the records it promises', async () => {
    const answers: Record<string, any>[] = [];
    for (const query of examples) {
      const res = await server.publicClient.request(query);
      expect(res.errors).toBeUndefined();
      answers.push(res.data!);
    }
    expect(answers[0].organisation.name).toBe('Ministerie van Defensie');
    expect(answers[0].processingActivities.edges.map((e: any) => e.node.reference)).toEqual(['D2412']);
    expect(answers[1].processingActivities.edges.map((e: any) => e.node.reference)).toEqual(['M10495']);
    expect(answers[1].facets.total).toBe(1);
    expect(answers[2].processingActivities.edges[0].node.reference).toBe('D2717');
    expect(answers[2].processingActivities.edges[0].node.dataSubjectGroups[0].dataItems[0].retention.rules.map((r: any) => r.duration)).toContain('P2Y');
  });
});
