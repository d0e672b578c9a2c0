import { Fixtures, markedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { FacetsDocument, ProcessingActivitiesPageDocument, type ProcessingActivityFilterInput } from '../generated/public/graphql';
import { codes, organisationIds, referencesMatching } from './support/public-helpers';

/** End-to-end over HTTP: Dutch full-text search (stemming, relevance, fields searched) and facets. */

let server: TestServer;
let org: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  const fixtures = new Fixtures(server.db.orm);
  const base = markedContent('Zoekproef');
  await fixtures.save('ZK-PATIENT', {
    ...markedContent('Patientproef'),
    dataSubjectGroups: [{ ...base.dataSubjectGroups[0], dataItems: [{ ...base.dataSubjectGroups[0].dataItems[0], description: 'Namen en adressen van patiënten' }] }],
  });
  await fixtures.save('ZK-VELDEN', {
    ...markedContent('Veldenproef'),
    purposes: [{ ...base.purposes[0], description: 'Ondersteunen van de vogelbescherming' }],
    dataSubjectGroups: [{ ...base.dataSubjectGroups[0], dataItems: [{ ...base.dataSubjectGroups[0].dataItems[0], description: 'Kentekenregistratie van voertuigen' }] }],
    recipients: [{ description: 'Dierenambulance regio Noord' }],
  });
  await fixtures.save('ZK-BESCHRIJVING', markedContent('Bravo', { description: 'Deze verwerking gaat ook over windmolens op zee.' }), { organisation: 'Gemeente Lisse' });
  await fixtures.save('ZK-TITEL', markedContent('Alfa', { title: 'Vergunningen voor windmolens' }), { organisation: 'Gemeente Hillegom' });
  org = await organisationIds(server.publicClient);
});
afterAll(() => server?.close());

const searchRefs = async (search: string, filter?: ProcessingActivityFilterInput) => {
  const { processingActivities: c } = await server.publicClient.query(ProcessingActivitiesPageDocument, { search, filter, first: 100 });
  expect(c.totalCount).toBe(c.edges.length);
  return c.edges.map((e) => e.node.reference);
};

describe('Dutch full-text search', () => {
  test('stemming: "patiënt" finds a data item about "patiënten"', async () => {
    expect(await searchRefs('patiënt')).toEqual(['ZK-PATIENT']);
    expect(await searchRefs('patiënten')).toEqual(['ZK-PATIENT']);
  });

  test('stemming: "telefoongesprek" finds M10495 ("telefoongesprekken")', async () => {
    expect(await searchRefs('telefoongesprek')).toContain('M10495');
  });

  test('searches purposes, data items and recipients', async () => {
    expect(await searchRefs('vogelbescherming')).toEqual(['ZK-VELDEN']);
    expect(await searchRefs('kentekenregistratie')).toEqual(['ZK-VELDEN']);
    expect(await searchRefs('dierenambulance')).toEqual(['ZK-VELDEN']);
  });

  test('relevance: a title match ranks above a description-only match, and is the default order', async () => {
    expect(await searchRefs('windmolens')).toEqual(['ZK-TITEL', 'ZK-BESCHRIJVING']);
    expect(await searchRefs('WINDMOLENS')).toEqual(['ZK-TITEL', 'ZK-BESCHRIJVING']);
  });

  test('relevance pages follow on without duplicates', async () => {
    const first = await server.publicClient.query(ProcessingActivitiesPageDocument, { search: 'windmolens', first: 1 });
    const second = await server.publicClient.query(ProcessingActivitiesPageDocument, { search: 'windmolens', first: 1, after: first.processingActivities.pageInfo.endCursor });
    expect(first.processingActivities.edges.map((e) => e.node.reference)).toEqual(['ZK-TITEL']);
    expect(second.processingActivities.edges.map((e) => e.node.reference)).toEqual(['ZK-BESCHRIJVING']);
    expect(second.processingActivities.pageInfo.hasNextPage).toBe(false);
  });

  test('search combines with filters and other orders', async () => {
    expect(await searchRefs('windmolens', { organisation: org['Gemeente Lisse'] })).toEqual(['ZK-BESCHRIJVING']);
    const { processingActivities: c } = await server.publicClient.query(ProcessingActivitiesPageDocument, { search: 'chatbot', orderBy: 'REFERENCE_ASC' });
    expect(c.edges.map((e) => e.node.reference)).toEqual(['D2717', 'GEM-CHATBOT']);
  });

  test('web-search syntax is accepted and no match is an empty page', async () => {
    expect(await searchRefs('"windmolens op zee"')).toEqual(['ZK-BESCHRIJVING']);
    expect(await searchRefs('windmolens -vergunningen')).toEqual(['ZK-BESCHRIJVING']);
    expect(await searchRefs('xyzzyonvindbaar')).toEqual([]);
    expect(await searchRefs("'); drop table organisation; --")).toEqual([]);
  });

  test('RELEVANCE without a search, or a search over 200 characters, is BAD_USER_INPUT', async () => {
    expect(codes(await server.publicClient.request(ProcessingActivitiesPageDocument, { orderBy: 'RELEVANCE' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await server.publicClient.request(ProcessingActivitiesPageDocument, { search: 'a'.repeat(201) }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('facets', () => {
  const COMBOS: [string, { filter?: ProcessingActivityFilterInput; search?: string }][] = [
    ['everything', {}],
    ['search "chatbot"', { search: 'chatbot' }],
    ['search "medewerkers"', { search: 'medewerkers' }],
    ['organisation Defensie', { filter: { organisation: 'Ministerie van Defensie' } }],
    ['hasSpecialCategories', { filter: { hasSpecialCategories: true } }],
    ['search + hasThirdCountryTransfers false', { search: 'medewerkers', filter: { hasThirdCountryTransfers: false } }],
    ['recipient text', { filter: { recipient: 'medewerker' } }],
  ];

  test.each(COMBOS)('%s: total equals totalCount, and each count equals the list with that facet as a filter', async (_label, combo) => {
    const filter = { ...combo.filter, ...(combo.filter?.organisation ? { organisation: org[combo.filter.organisation] } : {}) };
    const { search } = combo;
    const { facets } = await server.publicClient.query(FacetsDocument, { filter, search });
    const list = await server.publicClient.query(ProcessingActivitiesPageDocument, { filter, search, first: 100 });
    expect(facets.total).toBe(list.processingActivities.totalCount);
    expect(facets.total).toBeGreaterThan(0);

    for (const f of facets.legalBases) expect([f.legalBasis.code, f.count]).toEqual([f.legalBasis.code, (await referencesMatching(server.publicClient, { search, filter: { ...filter, legalBases: [f.legalBasis.code] } })).length]);
    for (const f of facets.specialCategories) expect([f.specialCategory.code, f.count]).toEqual([f.specialCategory.code, (await referencesMatching(server.publicClient, { search, filter: { ...filter, specialCategory: f.specialCategory.code } })).length]);
    for (const f of facets.countries) expect([f.country.code, f.count]).toEqual([f.country.code, (await referencesMatching(server.publicClient, { search, filter: { ...filter, transferCountry: f.country.code } })).length]);
    // The organisation facet counts the records the organisation itself lists, its own and those it adopted; its filter adds sub-organisations.
    const listsIt = (node: { organisation: { id: string }; sharedWith: { id: string }[] }, id: string) => node.organisation.id === id || node.sharedWith.some((o) => o.id === id);
    for (const f of facets.organisations) {
      const { processingActivities: c } = await server.publicClient.query(ProcessingActivitiesPageDocument, { search, filter: { ...filter, organisation: f.organisation.id }, first: 100 });
      expect([f.organisation.name, f.count]).toEqual([f.organisation.name, c.edges.filter((e) => listsIt(e.node, f.organisation.id)).length]);
    }
    const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    // Every record counts for its owner and for each organisation that adopted it (the chatbot seed: HLTsamen and three municipalities).
    expect(list.processingActivities.pageInfo.hasNextPage).toBe(false);
    expect(sum(facets.organisations)).toBe(list.processingActivities.edges.reduce((n, e) => n + 1 + e.node.sharedWith.length, 0));
  });

  test('facets over everything: known counts, labels and DPV IRIs', async () => {
    const { facets } = await server.publicClient.query(FacetsDocument, {});
    expect(facets.total).toBe(9);
    const publicTask = facets.legalBases.find((f) => f.legalBasis.code === 'PUBLIC_TASK')!;
    expect(publicTask.count).toBe(7); // D2412, M10495, GEM-CHATBOT and the four marked records
    expect(publicTask.legalBasis.dpvIri).toBe('https://w3id.org/dpv/legal/eu/gdpr#A6-1-e');
    expect(facets.legalBases.find((f) => f.legalBasis.code === 'CONSENT')!.count).toBe(1);
    expect(facets.countries.map((f) => [f.country.code, f.count]).sort()).toEqual([['JP', 4], ['US', 1]]);
    expect(facets.countries.find((f) => f.country.code === 'US')!.country.name).toBe('Verenigde Staten');
    const health = facets.specialCategories.find((f) => f.specialCategory.code === 'HEALTH_DATA')!;
    expect([health.count, health.specialCategory.label, health.specialCategory.dpvIri]).toEqual([4, 'Gezondheid', 'https://w3id.org/dpv/pd#MedicalHealth']);
    const counts = facets.legalBases.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a)); // most frequent first
  });
});
