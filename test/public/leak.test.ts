import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/api/common/global-id';
import { LegalRole, VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { LEGAL_BASIS_CODES, SPECIAL_CATEGORY_CODES } from '../../src/modules/vocabulary/vocabulary.codes';
import { Fixtures, markedContent, seedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { ALL_ACTIVITY_FIELDS, ALL_VERSION_FIELDS } from './activity-fields';

/**
 * Records in every hidden state carry a unique marker word in every text field, internal fields
 * included; a visible record carries one in its internal fields only. No public response — list,
 * filters, search, facets, introspection, lookups by guessed ids — may ever contain a marker.
 */
describe('no hidden text in any public response', () => {
  let server: TestServer;
  const DAY = 24 * 3600 * 1000;
  const MARKERS = {
    draft: 'LEKKAGEDRAFT',
    underReview: 'LEKKAGEREVIEW',
    scheduled: 'LEKKAGEGEPLAND',
    withheld: 'LEKKAGEACHTERGEHOUDEN',
    withdrawn: 'LEKKAGEINGETROKKEN',
    processor: 'LEKKAGEVERWERKER',
    wpg: 'LEKKAGEWPG',
    newerDraft: 'LEKKAGENIEUWEREVERSIE',
    internal: 'LEKKAGEINTERN',
    sharedDraft: 'LEKKAGEGEDEELDCONCEPT',
    sharedWithheld: 'LEKKAGEGEDEELDGEHEIM',
    sharedWithdrawn: 'LEKKAGEGEDEELDVERVALLEN',
    sharedScheduled: 'LEKKAGEGEDEELDLATER',
  };
  /** Records of Defensie in hidden states that Gemeente Lisse adopted: shared records must not surface through the participant either. */
  const PARTICIPANT = 'Gemeente Lisse';
  const hiddenIds: string[] = [];
  const responses: string[] = [];
  /** Bodies of the open-data downloads (CSV, NDJSON, JSON-LD). */
  const downloads: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const fx = new Fixtures(server.db.orm);
    const keep = (r: { activity: { id: string }; version: { id: string } }) =>
      hiddenIds.push(toGlobalId('ProcessingActivity', r.activity.id), toGlobalId('ProcessingActivityVersion', r.version.id));
    keep(await fx.save('L-DRAFT', markedContent(MARKERS.draft), { status: VersionStatus.DRAFT }));
    keep(await fx.save('L-REVIEW', markedContent(MARKERS.underReview), { status: VersionStatus.UNDER_REVIEW }));
    keep(await fx.save('L-SCHEDULED', markedContent(MARKERS.scheduled), { publishFrom: new Date(Date.now() + DAY) }));
    keep(await fx.save('L-WITHHELD', markedContent(MARKERS.withheld)));
    await fx.withhold('L-WITHHELD');
    keep(await fx.save('L-WITHDRAWN', markedContent(MARKERS.withdrawn)));
    await fx.withdraw('L-WITHDRAWN');
    keep(await fx.save('L-PROCESSOR', markedContent(MARKERS.processor, { legalRole: LegalRole.PROCESSOR })));
    keep(await fx.save('L-WPG', markedContent(MARKERS.wpg, { legalRole: LegalRole.WPG_CONTROLLER })));
    // Visible record: public text is ordinary, its internal parts carry the marker; a newer draft carries another.
    // It links to hidden records: a related processing shows a record only while that one is public.
    const hiddenLinks = ['L-DRAFT', 'L-SCHEDULED', 'L-WITHHELD', 'L-WITHDRAWN', 'L-PROCESSOR', 'L-WPG'].map((reference) => ({ reference, description: null }));
    await fx.save('L-VISIBLE', { ...seedContent('M4140'), title: 'Zichtbare verwerking', relatedProcessings: hiddenLinks, internal: markedContent(MARKERS.internal).internal });
    keep(await fx.save('L-VISIBLE', markedContent(MARKERS.newerDraft), { status: VersionStatus.DRAFT }));
    // Shared with (adopted by) another organisation, then hidden: a draft, a withheld, a withdrawn and a scheduled record.
    keep(await fx.save('LS-DRAFT', markedContent(MARKERS.sharedDraft), { status: VersionStatus.DRAFT }));
    await fx.adopt('LS-DRAFT', PARTICIPANT);
    keep(await fx.save('LS-WITHHELD', markedContent(MARKERS.sharedWithheld)));
    await fx.adopt('LS-WITHHELD', PARTICIPANT);
    await fx.withhold('LS-WITHHELD');
    keep(await fx.save('LS-WITHDRAWN', markedContent(MARKERS.sharedWithdrawn)));
    await fx.adopt('LS-WITHDRAWN', PARTICIPANT);
    await fx.withdraw('LS-WITHDRAWN');
    keep(await fx.save('LS-SCHEDULED', markedContent(MARKERS.sharedScheduled), { publishFrom: new Date(Date.now() + DAY) }));
    await fx.adopt('LS-SCHEDULED', PARTICIPANT);

    await collectResponses();
  });
  afterAll(() => server.close());

  async function ask(query: string, variables?: Record<string, unknown>) {
    const res = await server.publicClient.request(query, variables);
    responses.push(res.raw);
    return res;
  }

  async function collectResponses() {
    const page = `edges { cursor isAdopted node { ${ALL_ACTIVITY_FIELDS} history { ${ALL_VERSION_FIELDS} } } } totalCount pageInfo { endCursor hasNextPage }`;
    const facets = `total legalBases { legalBasis { code label } count } organisations { organisation { id name } count } specialCategories { specialCategory { code } count } countries { country { code name } count }`;
    const filters = [
      '{}',
      ...LEGAL_BASIS_CODES.map((c) => `{ legalBases: [${c}] }`),
      ...SPECIAL_CATEGORY_CODES.map((c) => `{ specialCategory: ${c} }`),
      '{ hasSpecialCategories: true }',
      '{ hasSpecialCategories: false }',
      '{ hasThirdCountryTransfers: true }',
      '{ hasThirdCountryTransfers: false }',
      '{ transferCountry: "JP" }',
      '{ transferCountry: "US" }',
      '{ automatedDecisionMaking: true }',
      '{ automatedDecisionMaking: false }',
      '{ legalRole: CONTROLLER }',
      '{ legalRole: PROCESSOR }',
      '{ legalRole: WPG_CONTROLLER }',
      '{ updatedSince: "2000-01-01T00:00:00Z" }',
      ...Object.values(MARKERS).flatMap((m) => [`{ dataSubject: "${m}" }`, `{ recipient: "${m}" }`]),
    ];
    for (const filter of filters) {
      await ask(`{ processingActivities(first: 8, filter: ${filter}) { ${page} } facets(filter: ${filter}) { ${facets} } }`);
    }
    for (const marker of Object.values(MARKERS)) {
      // 7: a search and its facets with every field and history of each record fit the cost limit (no public text holds a marker word).
      await ask(`query($q: String) { processingActivities(first: 7, search: $q) { ${page} } facets(search: $q) { ${facets} } }`, { q: marker });
      await ask(`query($q: String) { processingActivities(first: 100, search: $q, orderBy: TITLE_ASC) { totalCount } }`, { q: `${marker.toLowerCase()} titel` });
      // Type-ahead: a prefix of the marker expands to the words the postings hold (never a hidden record's); with the estimate flags.
      await ask(`query($q: String) { processingActivities(first: 7, search: $q) { ${page} totalCountIsEstimate } facets(search: $q) { ${facets} countsAreEstimates } }`, { q: `${marker.slice(0, 9).toLowerCase()}*` });
    }
    const orgs = await ask(`{ organisations(all: true) { id name publishedActivityCount children { id publishedActivityCount(includeSubOrganisations: false) } } }`);
    for (const org of (orgs.data as { organisations: { id: string }[] }).organisations) {
      await ask(`query($o: ID!) { processingActivities(first: 8, filter: { organisation: $o }) { ${page} } facets(filter: { organisation: $o }) { ${facets} } }`, { o: org.id });
      // The organisation's own register, adopted records included.
      await ask(`query($o: ID!) { organisation(id: $o) { publishedActivityCount own: publishedActivityCount(includeSubOrganisations: false) processingActivities(first: 8) { ${page} } } }`, { o: org.id });
      for (const ref of ['L-DRAFT', 'L-REVIEW', 'L-SCHEDULED', 'L-WITHHELD', 'L-WITHDRAWN', 'L-PROCESSOR', 'L-WPG', 'L-VISIBLE', 'LS-DRAFT', 'LS-WITHHELD', 'LS-WITHDRAWN', 'LS-SCHEDULED']) {
        await ask(`query($o: ID!, $r: String!) { processingActivityByReference(organisation: $o, reference: $r) { ${ALL_ACTIVITY_FIELDS} history { id title } } }`, { o: org.id, r: ref });
      }
    }
    const guessed = [...hiddenIds, ...Array.from({ length: 5 }, () => toGlobalId('ProcessingActivity', randomUUID())), 'bm90LWFuLWlk', ''];
    for (const id of guessed) {
      await ask(`query($id: ID!) { node(id: $id) { id ... on ProcessingActivity { ${ALL_ACTIVITY_FIELDS} } ... on ProcessingActivityVersion { title } } processingActivity(id: $id) { title } }`, { id });
    }
    // The change log, from the start, in small and large pages, with every field of each event and record.
    for (const first of [1, 3, 8]) {
      let after: string | null = null;
      for (;;) {
        const res = await ask(
          `query($after: String, $first: Int) { changes(after: $after, first: $first) { lastPosition pageInfo { hasNextPage endCursor } edges { cursor node { position kind occurredAt activityId reference organisation { id name } record { ${ALL_ACTIVITY_FIELDS} history { ${ALL_VERSION_FIELDS} } } } } } }`,
          { after, first },
        );
        if (!res.data) throw new Error(res.raw);
        const page = (res.data as { changes: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).changes.pageInfo;
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
    }
    await ask(`{ changes(after: "${MARKERS.draft}") { lastPosition } }`);
    await ask(`{ __schema { types { name description fields { name description } inputFields { name description } enumValues { name description } } } }`);
    // Error paths must not echo hidden text either.
    await ask(`{ processingActivities(after: "${Buffer.from(MARKERS.draft).toString('base64url')}") { totalCount } }`);
    // The downloads and the catalogue, whole and per organisation (with and without sub-organisations).
    const files = ['processing-activities.csv', 'processing-activities-data-items.csv', 'processing-activities.ndjson', 'processing-activities.jsonld', 'catalog.jsonld'];
    const scopes = ['', ...(orgs.data as { organisations: { id: string }[] }).organisations.flatMap((o) => [`?organisation=${encodeURIComponent(o.id)}`, `?organisation=${encodeURIComponent(o.id)}&subOrganisations=false`])];
    for (const file of files) {
      for (const scope of file === 'catalog.jsonld' ? [''] : scopes) {
        const res = await fetch(`${server.url}/open-data/${file}${scope}`);
        expect(res.status).toBe(200);
        downloads.push(await res.text());
      }
    }
  }

  it('ran a broad set of queries, all answered', () => {
    expect(responses.length).toBeGreaterThan(100);
    expect(responses.every((r) => r.startsWith('{'))).toBe(true);
    // Every query ran: one refused by a limit would look clean while having read nothing.
    expect(responses.filter((r) => /"code":"(QUERY_COST_LIMIT|QUERY_TOO_MANY_ROOT_FIELDS|QUERY_DEPTH_LIMIT)"/.test(r))).toEqual([]);
    expect(downloads.length).toBeGreaterThan(20);
    expect(downloads.filter((d) => d.includes('Zichtbare verwerking')).length).toBeGreaterThan(4);
  });

  it.each(Object.entries(MARKERS))('never returns the %s marker', (_state, marker) => {
    const leaking = [...responses, ...downloads].filter((r) => r.toUpperCase().includes(marker));
    expect(leaking).toEqual([]);
  });

  it('the change log has events only for records that were public; a tombstone says which record left, never why', async () => {
    const data = await server.publicClient.query<{ changes: { edges: { node: { kind: string; reference: string; record: unknown } }[] } }>(
      `{ changes(first: 500) { edges { node { kind reference record { id } } } } }`,
    );
    // The seeds' events come first (the test database is seeded through the register), then this file's.
    const events = data.changes.edges.map((e) => e.node).filter((e) => e.reference.startsWith('L-'));
    // Published, then withheld or withdrawn: a PUBLISHED event (its record since gone) and a tombstone. Never public: nothing.
    expect(events.map((e) => `${e.kind} ${e.reference}`)).toEqual(['PUBLISHED L-WITHHELD', 'REMOVED L-WITHHELD', 'PUBLISHED L-WITHDRAWN', 'REMOVED L-WITHDRAWN', 'PUBLISHED L-VISIBLE']);
    expect(events.filter((e) => e.reference !== 'L-VISIBLE').every((e) => e.record === null)).toBe(true);
    // Shared records: the adoption of a public record was an UPDATED event while it was public; a never-public record has none.
    const shared = data.changes.edges.map((e) => e.node).filter((e) => e.reference.startsWith('LS-'));
    expect(shared.map((e) => `${e.kind} ${e.reference}`)).toEqual([
      'PUBLISHED LS-WITHHELD',
      'UPDATED LS-WITHHELD',
      'REMOVED LS-WITHHELD',
      'PUBLISHED LS-WITHDRAWN',
      'UPDATED LS-WITHDRAWN',
      'REMOVED LS-WITHDRAWN',
    ]);
    expect(shared.every((e) => e.record === null)).toBe(true);
    // A withheld record's tombstone is indistinguishable from a withdrawn one's: the same fields, none about the reason.
    const tombstone = (reference: string) =>
      server.publicClient.request(`{ changes(first: 500) { edges { node { kind reference record { id } } } } }`).then((r) =>
        JSON.stringify((r.data as typeof data).changes.edges.map((e) => e.node).find((n) => n.kind === 'REMOVED' && n.reference === reference), (k, v) => (k === 'reference' ? '' : v)),
      );
    expect(await tombstone('L-WITHHELD')).toBe(await tombstone('L-WITHDRAWN'));
  });

  it('counts only visible records', async () => {
    const data = await server.publicClient.query<{ processingActivities: { totalCount: number }; facets: { total: number } }>(`{ processingActivities { totalCount } facets { total } }`);
    // The five seeds and L-VISIBLE.
    expect(data.processingActivities.totalCount).toBe(6);
    expect(data.facets.total).toBe(6);
  });

  it('a participant lists none of the hidden records it adopted: its listing, counts and facets hold only the public adoption of the seeds', async () => {
    const { organisations } = await server.publicClient.query<{ organisations: { id: string; name: string }[] }>(`{ organisations(all: true) { id name } }`);
    const lisse = organisations.find((o) => o.name === PARTICIPANT)!.id;
    const data = await server.publicClient.query<{
      organisation: { publishedActivityCount: number; own: number; processingActivities: { totalCount: number; edges: { isAdopted: boolean; node: { reference: string } }[] } };
      processingActivities: { totalCount: number };
      facets: { total: number; organisations: { organisation: { name: string }; count: number }[] };
    }>(
      `query($o: ID!) {
        organisation(id: $o) { publishedActivityCount own: publishedActivityCount(includeSubOrganisations: false) processingActivities(first: 100) { totalCount edges { isAdopted node { reference } } } }
        processingActivities(filter: { organisation: $o }) { totalCount }
        facets(filter: { organisation: $o }) { total organisations { organisation { name } count } }
      }`,
      { o: lisse },
    );
    // Only the chatbot seed, which HLTsamen shares with Lisse and which is public.
    expect(data.organisation.processingActivities.edges).toEqual([{ isAdopted: true, node: { reference: 'GEM-CHATBOT' } }]);
    expect([data.organisation.publishedActivityCount, data.organisation.own, data.organisation.processingActivities.totalCount, data.processingActivities.totalCount, data.facets.total]).toEqual([1, 1, 1, 1, 1]);
    expect(data.facets.organisations.find((o) => o.organisation.name === PARTICIPANT)?.count).toBe(1);
  });

  it('the visible record shows its published version, not the newer draft', async () => {
    const data = await server.publicClient.query<{ processingActivities: { edges: { node: { title: string; versionNumber: number } }[] } }>(
      `{ processingActivities(filter: { recipient: "" }, search: "Zichtbare") { edges { node { title versionNumber } } } }`,
    );
    expect(data.processingActivities.edges.map((e) => e.node)).toEqual([{ title: 'Zichtbare verwerking', versionNumber: 1 }]);
  });
});
