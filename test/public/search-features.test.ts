import { runCommand } from '../../src/cli/register-commands';
import { loadSynonyms } from '../../src/modules/publication/search/search-plan';
import { SEARCH_SYNONYMS } from '../../src/modules/publication/search/synonyms';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivityService } from '../../src/modules/processing-activity/processing-activity.service';
import { DEFENSIE, Fixtures, markedContent } from '../support/fixtures';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * End-to-end over HTTP: what search on the read model added (issue 11, part 3) — the fields
 * searched besides (controllers, processors, sources of data), prefix search, synonyms, estimated
 * counts — and that its postings and per-word counts never show a hidden record. The search
 * tables must agree with the read model after every test (public:rebuild --verify).
 */

let server: TestServer;
let fx: Fixtures;
const knex = () => server.db.orm.em.getKnex();

/** Estimates start above 3 postings here (10,000 by default), so a few records reach them. */
const EXACT_COUNT_LIMIT = 3;

beforeAll(async () => {
  server = await startTestServer({ app: { searchExactCountLimit: EXACT_COUNT_LIMIT } });
  fx = new Fixtures(server.db.orm);
  const base = markedContent('Zoekfunctie');
  const group = base.dataSubjectGroups[0];
  const item = group.dataItems[0];
  await fx.save('SF-PARTIJEN', {
    ...markedContent('Partijenproef'),
    controllers: [{ name: 'Stichting Kleinkasteel', email: 'privacy@kleinkasteel.example' }],
    processors: [{ name: 'Wolkendienst Zeewolde B.V.' }],
    dataSubjectGroups: [{ ...group, dataItems: [{ ...item, description: 'Adresgegevens', sourceDescription: 'Basisregistratie Grootboekarchief' }] }],
  });
  // Only the data item of SF-BURGER says burgerservicenummer; only SF-BSN's says BSN (as seed M10495's does).
  await fx.save('SF-BURGER', { ...markedContent('Burgerproef'), dataSubjectGroups: [{ ...group, dataItems: [{ ...item, description: 'Burgerservicenummer van de melder' }] }] });
  await fx.save('SF-BSN', { ...markedContent('Afkortingproef'), dataSubjectGroups: [{ ...group, dataItems: [{ ...item, description: 'BSN van de aanvrager' }] }] });
  await fx.save('SF-AVG-VOLUIT', markedContent('Grondslagproef', { description: 'Verwerking op grond van de Algemene verordening gegevensbescherming.' }));
  await fx.save('SF-AVG-KORT', markedContent('Kortproef', { description: 'Verwerking op grond van de AVG.' }));
  // Type-ahead: four words starting with "kwartel", one record each.
  for (const [ref, title] of [
    ['SF-K1', 'Kwartelteller'],
    ['SF-K2', 'Kwartelwachter'],
    ['SF-K3', 'Kwartelzanger'],
    ['SF-K4', 'Kwartelvanger'],
  ]) {
    await fx.save(ref, markedContent(title, { title: `${title} registratie` }), { organisation: ref === 'SF-K4' ? 'Gemeente Lisse' : DEFENSIE });
  }
});
afterAll(() => server?.close());
verifyReadModelAfterEach(() => server.db.orm);

interface Page {
  processingActivities: { totalCount: number; totalCountIsEstimate: boolean; edges: { node: { reference: string } }[] };
  facets: { total: number; countsAreEstimates: boolean; legalBases: { count: number }[]; organisations: { count: number; organisation: { name: string } }[]; specialCategories: { count: number }[]; countries: { count: number }[] };
}

const SEARCH = `query($q: String, $filter: ProcessingActivityFilterInput) {
  processingActivities(search: $q, filter: $filter, first: 100) { totalCount totalCountIsEstimate edges { node { reference } } }
  facets(search: $q, filter: $filter) { total countsAreEstimates legalBases { count } organisations { count organisation { name } } specialCategories { count } countries { count } }
}`;

const search = (q: string, filter?: Record<string, unknown>) => server.publicClient.query<Page>(SEARCH, { q, filter });
const refs = async (q: string) => {
  const page = await search(q);
  if (!page.processingActivities.totalCountIsEstimate) expect(page.processingActivities.totalCount).toBe(page.processingActivities.edges.length);
  return page.processingActivities.edges.map((e) => e.node.reference).sort();
};

describe('fields citizens look for', () => {
  test('finds a record by its processor, its controller and the source of its data', async () => {
    expect(await refs('wolkendienst')).toEqual(['SF-PARTIJEN']);
    expect(await refs('Zeewolde')).toEqual(['SF-PARTIJEN']);
    expect(await refs('kleinkasteel')).toEqual(['SF-PARTIJEN']);
    expect(await refs('grootboekarchief')).toEqual(['SF-PARTIJEN']);
  });

  test('those fields weigh least: a title match ranks above a processor-name match', async () => {
    await fx.save('SF-TITEL-WOLK', markedContent('Titelproef', { title: 'Wolkendienst voor archieven' }));
    const page = await server.publicClient.query<Page>(`{ processingActivities(search: "wolkendienst", first: 10) { totalCount totalCountIsEstimate edges { node { reference } } } }`);
    expect(page.processingActivities.edges.map((e) => e.node.reference)).toEqual(['SF-TITEL-WOLK', 'SF-PARTIJEN']);
  });
});

describe('prefix search (type-ahead)', () => {
  test('a word ending in * finds every word starting with it; a whole word with * finds the word', async () => {
    expect(await refs('kwartel*')).toEqual(['SF-K1', 'SF-K2', 'SF-K3', 'SF-K4']);
    expect(await refs('kwartelw*')).toEqual(['SF-K2']);
    expect(await refs('kwartelteller*')).toEqual(['SF-K1']);
    expect(await refs('KWARTELZ*')).toEqual(['SF-K3']);
  });

  test('combines with other words, exclusions and filters; nothing starting with it is an empty page', async () => {
    expect(await refs('kwartel* registratie')).toEqual(['SF-K1', 'SF-K2', 'SF-K3', 'SF-K4']);
    expect(await refs('registratie -kwartelw* kwartel*')).toEqual(['SF-K1', 'SF-K3', 'SF-K4']);
    expect(await refs('xyzzyprefix*')).toEqual([]);
    expect(await refs('"kwartel* registratie"')).toEqual([]); // inside quotes * is not a prefix
    const lisse = await server.publicClient.query<{ organisations: { id: string; name: string }[] }>(`{ organisations(all: true) { id name } }`);
    const id = lisse.organisations.find((o) => o.name === 'Gemeente Lisse')!.id;
    const page = await search('kwartel*', { organisation: id });
    expect(page.processingActivities.edges.map((e) => e.node.reference)).toEqual(['SF-K4']);
    expect([page.processingActivities.totalCount, page.processingActivities.totalCountIsEstimate, page.facets.total, page.facets.countsAreEstimates]).toEqual([1, false, 1, false]);
  });

  test('pages of a prefix search follow on without duplicates, each record at its best word', async () => {
    await fx.save('SF-K5', markedContent('Dubbelproef', { title: 'Kwartelteller en kwartelwachter', description: 'Kwartelteller.' }));
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: { processingActivities: { edges: { node: { reference: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = await server.publicClient.query(
        `query($after: String) { processingActivities(search: "kwartel*", first: 2, after: $after) { edges { node { reference } } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      seen.push(...res.processingActivities.edges.map((e) => e.node.reference));
      if (!res.processingActivities.pageInfo.hasNextPage) break;
      after = res.processingActivities.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual(['SF-K1', 'SF-K2', 'SF-K3', 'SF-K4', 'SF-K5']);
    // In the order of each record's best word's score (SF-K5 has two of the words), ties by id.
    const { rows } = await knex().raw(
      `select f.reference from public_search_posting p join public_processing_activity_version f on f.activity_id = p.activity_id and f.is_current
        where p.lexeme like 'kwartel%' group by f.reference, f.activity_id order by max(p.score) desc, f.activity_id`,
    );
    expect(seen).toEqual(rows.map((r: { reference: string }) => r.reference));
  });
});

describe('synonyms and abbreviations', () => {
  test('BSN and burgerservicenummer find each other (and seed M10495, whose data items say BSN)', async () => {
    expect(await refs('BSN')).toEqual(['M10495', 'SF-BSN', 'SF-BURGER']);
    expect(await refs('burgerservicenummer')).toEqual(['M10495', 'SF-BSN', 'SF-BURGER']);
    expect(await refs('bsn aanvrager')).toEqual(['SF-BSN']);
  });

  test('AVG finds the full name, and the full name (as words or as a phrase) finds AVG', async () => {
    expect(await refs('AVG')).toEqual(['SF-AVG-KORT', 'SF-AVG-VOLUIT']);
    expect(await refs('algemene verordening gegevensbescherming')).toEqual(['SF-AVG-KORT', 'SF-AVG-VOLUIT']);
    expect(await refs('"Algemene verordening gegevensbescherming"')).toEqual(['SF-AVG-KORT', 'SF-AVG-VOLUIT']);
    expect(await refs('algemene verordening')).toEqual(['SF-AVG-VOLUIT']);
  });

  test('every term of the list is a word of the Dutch dictionary (none is only stop words)', async () => {
    const groups = await loadSynonyms(knex());
    expect(groups.map((g) => g.length)).toEqual(SEARCH_SYNONYMS.map((g) => g.length));
  });
});

describe('estimated counts', () => {
  test(`a prefix whose words are in more than ${EXACT_COUNT_LIMIT} records together gets estimated counts; the page stays exact`, async () => {
    // kwartelteller and kwartelwachter are in 2 records each (SF-K5 has both), kwartelzanger and kwartelvanger in 1.
    const page = await search('kwartel*');
    expect(page.processingActivities.edges.length).toBe(5);
    expect(page.processingActivities.totalCountIsEstimate).toBe(true);
    expect(page.facets.countsAreEstimates).toBe(true);
    // Between the most frequent word's records and the sum of all the words' records.
    expect(page.processingActivities.totalCount).toBeGreaterThanOrEqual(2);
    expect(page.processingActivities.totalCount).toBeLessThanOrEqual(6);
    expect(page.facets.total).toBe(page.processingActivities.totalCount);
    for (const f of page.facets.organisations) expect(f.count).toBeLessThanOrEqual(page.facets.total);
  });

  test('one word, several words, a few alternatives and any filter are counted exactly', async () => {
    for (const q of ['kwartelteller', 'kwartel* registratie', 'bsn', 'kwartelteller or kwartelwachter']) {
      const page = await search(q);
      expect([q, page.processingActivities.totalCountIsEstimate, page.facets.countsAreEstimates]).toEqual([q, false, false]);
      expect(page.processingActivities.totalCount).toBe(page.processingActivities.edges.length);
      expect(page.facets.total).toBe(page.processingActivities.totalCount);
    }
    const withFilter = await search('kwartel*', { hasSpecialCategories: true });
    expect([withFilter.processingActivities.totalCount, withFilter.processingActivities.totalCountIsEstimate, withFilter.facets.countsAreEstimates]).toEqual([5, false, false]);
    const everything = await server.publicClient.query<Page>(`{ processingActivities { totalCount totalCountIsEstimate } facets { total countsAreEstimates } }`);
    expect([everything.processingActivities.totalCountIsEstimate, everything.facets.countsAreEstimates]).toEqual([false, false]);
    expect(everything.facets.total).toBe(everything.processingActivities.totalCount);
  });
});

describe('postings and counts never show a hidden record', () => {
  const HIDDEN = { draft: 'Verstoptconcept', withheld: 'Verstoptachtergehouden', withdrawn: 'Verstoptingetrokken', replaced: 'Verstoptvervangen' };

  test('a draft, withheld, withdrawn or replaced version\'s words give no hit, no count and no facet, also by prefix and synonym', async () => {
    await fx.save('SF-CONCEPT', markedContent(HIDDEN.draft, { processors: [{ name: 'Verstoptverwerker BSN' }] }), { status: VersionStatus.DRAFT });
    await fx.save('SF-ACHTER', markedContent(HIDDEN.withheld));
    await fx.withhold('SF-ACHTER');
    await fx.save('SF-WEG', markedContent(HIDDEN.withdrawn));
    await fx.withdraw('SF-WEG');
    await fx.save('SF-VERVANGEN', markedContent(HIDDEN.replaced));
    await fx.save('SF-VERVANGEN', markedContent('Zichtbarevervanger'));

    for (const q of [...Object.values(HIDDEN), 'verstopt*', 'verstoptverwerker', 'verstoptconcept titel', 'verstoptv*']) {
      const page = await search(q);
      const f = page.facets;
      expect([q, page.processingActivities.edges, page.processingActivities.totalCount, f.total, f.legalBases, f.organisations, f.specialCategories, f.countries]).toEqual([q, [], 0, 0, [], [], [], []]);
    }
    expect(await refs('zichtbarevervanger')).toEqual(['SF-VERVANGEN']);
    // A synonym of a hidden record's word finds only visible records.
    expect(await refs('burgerservicenummer')).toEqual(['M10495', 'SF-BSN', 'SF-BURGER']);
    // Nor do the tables themselves hold them: the read model has current public versions only.
    const { rows } = await knex().raw(
      `select (select count(*) from public_search_posting where lexeme like 'verstopt%')::int as postings,
              (select count(*) from public_search_facet where lexeme like 'verstopt%' and records <> 0)::int as counts`,
    );
    expect(rows[0]).toEqual({ postings: 0, counts: 0 });
  });

  test('withdrawing and withholding take a record\'s words out of the counts at once; publishing brings them back', async () => {
    await fx.save('SF-TIJDELIJK', markedContent('Tijdelijkzichtbaar'));
    const counts = async () => (await search('tijdelijkzichtbaar')).facets.total;
    expect(await counts()).toBe(1);
    await fx.withhold('SF-TIJDELIJK');
    expect(await counts()).toBe(0);
    await fx.save('SF-TIJDELIJK2', markedContent('Tijdelijkzichtbaar'));
    await fx.withdraw('SF-TIJDELIJK2');
    expect(await counts()).toBe(0);
    await fx.save('SF-TIJDELIJK2', markedContent('Tijdelijkzichtbaar'));
    expect(await counts()).toBe(1);
  });
});

describe('the search tables are part of the read model', () => {
  test('records published together in one transaction are counted once each, at its commit', async () => {
    await server.db.orm.em.fork().transactional(async (em) => {
      const organisation = await em.findOneOrFail(Organisation, { name: DEFENSIE });
      for (const reference of ['SF-SAMEN-1', 'SF-SAMEN-2', 'SF-SAMEN-3']) {
        await new ProcessingActivityService(em).saveRecord({ organisation, reference, content: markedContent('Samenpublicatie'), status: VersionStatus.PUBLISHED });
      }
    });
    const page = await search('samenpublicatie');
    expect([page.processingActivities.totalCount, page.facets.total, page.facets.organisations.map((o) => [o.organisation.name, o.count])]).toEqual([3, 3, [[DEFENSIE, 3]]]);
    const { rows } = await knex().raw(`select (select count(*) from public_search_pending)::int as pending, (select count(*) from public_search_flush)::int as flush`);
    expect(rows[0]).toEqual({ pending: 0, flush: 0 });
  });

  test('public:rebuild --verify finds a tampered posting or count, and public:rebuild puts them right', async () => {
    const em = server.db.orm.em.fork();
    await knex()('public_search_posting').where({ lexeme: 'wolkendienst' }).update({ score: 99 });
    await knex()('public_search_facet').where({ lexeme: 'kwartelteller', facet: 'T' }).update({ records: 7 });
    const message = await runCommand(em, ['public:rebuild', '--verify']).catch((e: Error) => e.message);
    expect(message).toMatch(/unexpected public_search_posting activity .* \(1 word\(s\)\)/);
    expect(message).toMatch(/missing public_search_posting activity/);
    expect(message).toMatch(/unexpected public_search_facet word 'kwartelteller' facet T \(total\): 7 record\(s\)/);
    await runCommand(em, ['public:rebuild']);
    expect(await runCommand(em, ['public:rebuild', '--verify'])).toEqual(['the public read model agrees with the versions']);
    expect(await refs('wolkendienst')).toEqual(['SF-PARTIJEN', 'SF-TITEL-WOLK']);
  });
});
