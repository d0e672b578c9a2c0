import { DEFENSIE, Fixtures, markedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { ProcessingActivitiesPageDocument, type ProcessingActivityOrder } from '../generated/public/graphql';
import { codes, organisationIds, referencesMatching, SEED_REFERENCES, walkPages } from './support/public-helpers';

/** End-to-end over HTTP: keyset pagination, page-size limits, cursors and every filter of the public listing. */

describe('pagination', () => {
  let server: TestServer;
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.db.orm);
    // 30 extra records. Every third shares one title, and references repeat across two
    // organisations, so page boundaries fall inside runs of equal sort values (the id breaks ties).
    for (let i = 0; i < 30; i++) {
      const reference = `P-${String(i % 20).padStart(2, '0')}`;
      const title = i % 3 === 0 ? 'Gedeelde titel' : `Verwerking ${i}`;
      await fixtures.save(reference, markedContent(`Pagina${i}`, { title }), { organisation: i < 20 ? DEFENSIE : 'Rijksdienst voor Ondernemend Nederland' });
    }
  });
  afterAll(() => server?.close());

  const ORDERS: [string, ProcessingActivityOrder | undefined][] = [['default', undefined], ...(['TITLE_ASC', 'TITLE_DESC', 'UPDATED_AT_DESC', 'UPDATED_AT_ASC', 'REFERENCE_ASC'] as const).map((o) => [o, o] as [string, ProcessingActivityOrder])];

  test.each(ORDERS)('walking pages of 7 in %s order returns every record exactly once', async (_label, orderBy) => {
    const { nodes, totalCount, pageSizes } = await walkPages(server.publicClient, { first: 7, orderBy });
    const ids = nodes.map((n) => n.id);
    expect(totalCount).toBe(35);
    expect(ids).toHaveLength(35);
    expect(new Set(ids).size).toBe(35);
    expect(pageSizes).toEqual([7, 7, 7, 7, 7]);
    expect(nodes.map((n) => n.reference)).toEqual(expect.arrayContaining(SEED_REFERENCES));
  });

  test('UPDATED_AT orders are by updatedAt and mirror each other', async () => {
    const desc = (await walkPages(server.publicClient, { first: 7, orderBy: 'UPDATED_AT_DESC' })).nodes;
    const asc = (await walkPages(server.publicClient, { first: 7, orderBy: 'UPDATED_AT_ASC' })).nodes;
    const stamps = desc.map((n) => n.updatedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
    expect(asc.map((n) => n.id)).toEqual(desc.map((n) => n.id).reverse());
  });

  test('the default page size is 20', async () => {
    const { processingActivities: c } = await server.publicClient.query(ProcessingActivitiesPageDocument, {});
    expect(c.edges).toHaveLength(20);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(c.totalCount).toBe(35);
  });

  test('first over 100, or negative, is refused as BAD_USER_INPUT naming the limit', async () => {
    for (const first of [101, 1000, -1]) {
      const res = await server.publicClient.request(ProcessingActivitiesPageDocument, { first });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].message).toContain('100');
      expect(res.data).toBeNull();
    }
    const ok = await server.publicClient.query(ProcessingActivitiesPageDocument, { first: 100 });
    expect(ok.processingActivities.edges).toHaveLength(35);
  });

  test('an invalid cursor, or one from another ordering, is refused as BAD_USER_INPUT', async () => {
    const page = await server.publicClient.query(ProcessingActivitiesPageDocument, { first: 3, orderBy: 'TITLE_ASC' });
    const cursor = page.processingActivities.pageInfo.endCursor!;
    const forged = Buffer.from(JSON.stringify(['TITLE_ASC', 'x', "'; drop table organisation; --"])).toString('base64url');
    for (const [after, orderBy] of [['not-a-cursor', 'TITLE_ASC'], [cursor, 'REFERENCE_ASC'], [forged, 'TITLE_ASC']] as const) {
      const res = await server.publicClient.request(ProcessingActivitiesPageDocument, { first: 3, after, orderBy });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].message).toMatch(/cursor/i);
    }
  });

  test('cursors stay stable when records are added between page fetches (TITLE_ASC)', async () => {
    const before = (await walkPages(server.publicClient, { first: 7 })).nodes.map((n) => n.id);
    const { nodes } = await walkPages(server.publicClient, { first: 7 }, async (page) => {
      if (page !== 1) return;
      await fixtures.save('NIEUW-A', markedContent('Vooraan', { title: 'AAA eerst in de lijst' }));
      await fixtures.save('NIEUW-Z', markedContent('Achteraan', { title: 'ZZZ laatst in de lijst' }));
    });
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual(before); // nothing skipped, order kept
    const refs = nodes.map((n) => n.reference);
    expect(refs).not.toContain('NIEUW-A'); // sorts before the cursor already passed
    expect(refs.at(-1)).toBe('NIEUW-Z'); // sorts after it
  });

  test('cursors stay stable when a record is added between page fetches (UPDATED_AT_DESC)', async () => {
    const before = (await walkPages(server.publicClient, { first: 7, orderBy: 'UPDATED_AT_DESC' })).nodes.map((n) => n.id);
    const { nodes } = await walkPages(server.publicClient, { first: 7, orderBy: 'UPDATED_AT_DESC' }, async (page) => {
      if (page === 2) await fixtures.save('NIEUW-NU', markedContent('Nieuwste'));
    });
    const ids = nodes.map((n) => n.id);
    expect(ids).toEqual(before);
    expect(nodes.map((n) => n.reference)).not.toContain('NIEUW-NU');
  });
});

describe('filters', () => {
  let server: TestServer;
  let org: Record<string, string>;
  let extraUpdatedAt: string;

  beforeAll(async () => {
    server = await startTestServer();
    // One record with what the seeds lack: a health category, automated decisions, a transfer to Japan.
    await new Fixtures(server.db.orm).save('FLT-1', markedContent('Filterproef'), { organisation: 'Gemeente Lisse' });
    org = await organisationIds(server.publicClient);
    const { processingActivities } = await server.publicClient.query(ProcessingActivitiesPageDocument, { first: 1, orderBy: 'UPDATED_AT_DESC' });
    expect(processingActivities.edges[0].node.reference).toBe('FLT-1');
    extraUpdatedAt = processingActivities.edges[0].node.updatedAt;
  });
  afterAll(() => server?.close());

  const refs = (filter: object, search?: string) => referencesMatching(server.publicClient, { filter, search });

  test('no filter lists the five seeds and the extra record', async () => {
    expect(await refs({})).toEqual([...SEED_REFERENCES, 'FLT-1'].sort());
  });

  test('organisation includes its sub-organisations', async () => {
    expect(await refs({ organisation: org['Ministerie van Economische Zaken'] })).toEqual(['M10495']); // via RVO
    expect(await refs({ organisation: org['Rijksdienst voor Ondernemend Nederland'] })).toEqual(['M10495']);
    expect(await refs({ organisation: org['Ministerie van Financiën'] })).toEqual(['M4140']); // via SG/ Directie Communicatie
    expect(await refs({ organisation: org[DEFENSIE] })).toEqual(['D2412', 'D2717']);
    // The chatbot seed is HLTsamen's record, shared with (adopted by) the three municipalities.
    expect(await refs({ organisation: org['Gemeente Lisse'] })).toEqual(['FLT-1', 'GEM-CHATBOT']);
    expect(await refs({ organisation: org['Gemeente Hillegom'] })).toEqual(['GEM-CHATBOT']);
  });

  test('an organisation filter that is not an Organisation id is BAD_USER_INPUT', async () => {
    const res = await server.publicClient.request(ProcessingActivitiesPageDocument, { filter: { organisation: 'bogus' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  test('legalBases: any of the given bases', async () => {
    expect(await refs({ legalBases: ['CONSENT'] })).toEqual(['D2412']);
    expect(await refs({ legalBases: ['CONTRACT'] })).toEqual(['M10495']);
    expect(await refs({ legalBases: ['CONSENT', 'LEGAL_OBLIGATION'] })).toEqual(['D2412', 'M10495']);
    expect(await refs({ legalBases: ['PUBLIC_TASK'] })).toEqual(['D2412', 'FLT-1', 'GEM-CHATBOT', 'M10495']);
    expect(await refs({ legalBases: ['VITAL_INTERESTS'] })).toEqual([]);
  });

  test('hasSpecialCategories and specialCategory', async () => {
    expect(await refs({ hasSpecialCategories: true })).toEqual(['FLT-1', 'M10495']);
    expect(await refs({ hasSpecialCategories: false })).toEqual(['D2412', 'D2717', 'GEM-CHATBOT', 'M4140']);
    expect(await refs({ specialCategory: 'NATIONAL_IDENTIFICATION_NUMBER' })).toEqual(['M10495']);
    expect(await refs({ specialCategory: 'HEALTH_DATA' })).toEqual(['FLT-1']);
    expect(await refs({ specialCategory: 'GENETIC_DATA' })).toEqual([]);
  });

  test('dataSubject and recipient: case-insensitive text, wildcards taken literally', async () => {
    expect(await refs({ dataSubject: 'DEFENSIEMEDEWERKERS' })).toEqual(['D2717']);
    expect(await refs({ dataSubject: 'klanten van rvo' })).toEqual(['M10495']);
    expect(await refs({ dataSubject: '%' })).toEqual([]);
    expect(await refs({ dataSubject: '_' })).toEqual([]);
    expect(await refs({ recipient: 'servicedesk defensie' })).toEqual(['D2717']);
    expect(await refs({ recipient: 'Support agents' })).toEqual(['M4140']);
    expect(await refs({ recipient: 'Filterproef ontvanger' })).toEqual(['FLT-1']);
    expect(await refs({ recipient: 'bestaat niet' })).toEqual([]);
  });

  test('hasThirdCountryTransfers and transferCountry', async () => {
    expect(await refs({ hasThirdCountryTransfers: true })).toEqual(['D2412', 'FLT-1']);
    expect(await refs({ hasThirdCountryTransfers: false })).toEqual(['D2717', 'GEM-CHATBOT', 'M10495', 'M4140']);
    expect(await refs({ transferCountry: 'US' })).toEqual(['D2412']);
    expect(await refs({ transferCountry: 'us' })).toEqual(['D2412']);
    expect(await refs({ transferCountry: 'JP' })).toEqual(['FLT-1']);
    expect(await refs({ transferCountry: 'CN' })).toEqual([]);
  });

  test('automatedDecisionMaking', async () => {
    expect(await refs({ automatedDecisionMaking: true })).toEqual(['FLT-1']);
    expect(await refs({ automatedDecisionMaking: false })).toEqual(SEED_REFERENCES);
  });

  test('legalRole: public records are controller records', async () => {
    expect(await refs({ legalRole: 'CONTROLLER' })).toEqual([...SEED_REFERENCES, 'FLT-1'].sort());
    expect(await refs({ legalRole: 'PROCESSOR' })).toEqual([]);
    expect(await refs({ legalRole: 'WPG_CONTROLLER' })).toEqual([]);
  });

  test('updatedSince: records whose current version became public at or after the moment', async () => {
    expect(await refs({ updatedSince: extraUpdatedAt })).toEqual(['FLT-1']);
    expect(await refs({ updatedSince: '2000-01-01T00:00:00Z' })).toEqual([...SEED_REFERENCES, 'FLT-1'].sort());
    expect(await refs({ updatedSince: new Date(Date.parse(extraUpdatedAt) + 1000).toISOString() })).toEqual([]);
  });

  test('filters combine with AND', async () => {
    expect(await refs({ organisation: org[DEFENSIE], hasThirdCountryTransfers: true })).toEqual(['D2412']);
    expect(await refs({ organisation: org[DEFENSIE], legalBases: ['CONTRACT'] })).toEqual([]);
    expect(await refs({ legalBases: ['PUBLIC_TASK'], hasSpecialCategories: true, transferCountry: 'JP' })).toEqual(['FLT-1']);
  });
});
