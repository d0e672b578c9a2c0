import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/api/common/global-id';
import { LegalRole, VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { Fixtures, markedContent, seedContent } from '../support/fixtures';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { ALL_ACTIVITY_FIELDS, ALL_VERSION_FIELDS } from './activity-fields';

/**
 * Each publication rule, through every public entry point: list, search, facets, counts, node,
 * by id, by reference, history, related links and organisation counts.
 */
describe('publication rules', () => {
  let server: TestServer;
  let fx: Fixtures;
  const ids: Record<string, { activity: string; version: string }> = {};
  const DAY = 24 * 3600 * 1000;

  // Hidden states, each with its own word in every field.
  const HIDDEN = {
    draft: 'RULEDRAFT',
    underReview: 'RULEREVIEW',
    scheduled: 'RULESCHEDULED',
    withheld: 'RULEWITHHELD',
    withdrawn: 'RULEWITHDRAWN',
    processor: 'RULEPROCESSOR',
    wpg: 'RULEWPG',
  };

  const remember = (name: string, r: { activity: { id: string }; version: { id: string } }) => {
    ids[name] = { activity: toGlobalId('ProcessingActivity', r.activity.id), version: toGlobalId('ProcessingActivityVersion', r.version.id) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    fx = new Fixtures(server.db.orm);
    remember('draft', await fx.save('R-DRAFT', markedContent(HIDDEN.draft), { status: VersionStatus.DRAFT }));
    remember('underReview', await fx.save('R-REVIEW', markedContent(HIDDEN.underReview), { status: VersionStatus.UNDER_REVIEW }));
    remember('scheduled', await fx.save('R-SCHEDULED', markedContent(HIDDEN.scheduled), { publishFrom: new Date(Date.now() + DAY) }));
    remember('withheld', await fx.save('R-WITHHELD', markedContent(HIDDEN.withheld)));
    await fx.withhold('R-WITHHELD');
    remember('withdrawn', await fx.save('R-WITHDRAWN', markedContent(HIDDEN.withdrawn)));
    await fx.withdraw('R-WITHDRAWN');
    remember('processor', await fx.save('R-PROCESSOR', markedContent(HIDDEN.processor, { legalRole: LegalRole.PROCESSOR })));
    remember('wpg', await fx.save('R-WPG', markedContent(HIDDEN.wpg, { legalRole: LegalRole.WPG_CONTROLLER })));

    // A record with a published v1 and a draft v2 / a scheduled v3: v1 stays what the public sees.
    remember('v1', await fx.save('R-VERSIONS', markedContent('RULEVERSIONONE')));
    remember('v2draft', await fx.save('R-VERSIONS', markedContent('RULEVERSIONTWO'), { status: VersionStatus.DRAFT }));
    remember('v3scheduled', await fx.save('R-VERSIONS', markedContent('RULEVERSIONTHREE'), { publishFrom: new Date(Date.now() + DAY) }));

    // A visible record linking to a hidden one and to a visible one.
    remember('linker', await fx.save('R-LINKER', { ...seedContent('D2717'), title: 'Verwijzende verwerking', relatedProcessings: [{ reference: 'R-WITHHELD' }, { reference: 'D2412' }] }));
  });
  afterAll(() => server.close());
  verifyReadModelAfterEach(() => server.db.orm);

  const listReferences = async (args = '') => {
    const data = await server.publicClient.query<{ processingActivities: { totalCount: number; edges: { node: { reference: string } }[] } }>(
      `{ processingActivities(first: 100 ${args}) { totalCount edges { node { reference } } } }`,
    );
    return { total: data.processingActivities.totalCount, refs: data.processingActivities.edges.map((e) => e.node.reference) };
  };

  it('lists only the newest published version of visible records', async () => {
    const { total, refs } = await listReferences();
    expect(refs.sort()).toEqual(['D2412', 'D2717', 'GEM-CHATBOT', 'M10495', 'M4140', 'R-LINKER', 'R-VERSIONS'].sort());
    expect(total).toBe(refs.length);
  });

  it('shows version 1 while version 2 is a draft and version 3 is scheduled', async () => {
    const data = await server.publicClient.query<{ processingActivity: { title: string; versionNumber: number; history: { versionNumber: number }[] } }>(
      `query($id: ID!) { processingActivity(id: $id) { title versionNumber history { versionNumber } } }`,
      { id: ids.v1.activity },
    );
    expect(data.processingActivity).toEqual({ title: 'RULEVERSIONONE titel', versionNumber: 1, history: [{ versionNumber: 1 }] });
  });

  it.each(Object.entries(HIDDEN))('%s: not matched by search, filters or facets', async (_state, marker) => {
    expect((await listReferences(`, search: "${marker}"`)).total).toBe(0);
    expect((await listReferences(`, filter: { dataSubject: "${marker}" }`)).total).toBe(0);
    expect((await listReferences(`, filter: { recipient: "${marker}" }`)).total).toBe(0);
    const facets = await server.publicClient.query<{ facets: { total: number } }>(`{ facets(search: "${marker}") { total } }`);
    expect(facets.facets.total).toBe(0);
  });

  it('hidden records add to no facet: the special category and country only they have do not appear', async () => {
    const data = await server.publicClient.query<{ facets: { total: number; specialCategories: { specialCategory: { code: string } }[]; countries: { country: { code: string } }[] } }>(
      `{ facets { total specialCategories { specialCategory { code } } countries { country { code } } } }`,
    );
    // Only the visible R-VERSIONS v1 has HEALTH_DATA and JP; every hidden record has them too.
    expect(data.facets.specialCategories.map((c) => c.specialCategory.code).sort()).toEqual(['HEALTH_DATA', 'NATIONAL_IDENTIFICATION_NUMBER']);
    const health = await listReferences(`, filter: { specialCategory: HEALTH_DATA }`);
    expect(health.refs).toEqual(['R-VERSIONS']);
    const japan = await listReferences(`, filter: { transferCountry: "JP" }`);
    expect(japan.refs).toEqual(['R-VERSIONS']);
    expect(data.facets.total).toBe((await listReferences()).total);
  });

  it.each(['draft', 'underReview', 'scheduled', 'withheld', 'withdrawn', 'processor', 'wpg', 'v2draft', 'v3scheduled'])(
    '%s: by id, node and version node answer exactly as for an id that never existed',
    async (state) => {
      const unknownActivity = toGlobalId('ProcessingActivity', randomUUID());
      const unknownVersion = toGlobalId('ProcessingActivityVersion', randomUUID());
      const ask = (id: string) => server.publicClient.request(`query($id: ID!) { processingActivity(id: $id) { id title } node(id: $id) { id } }`, { id });
      const [hidden, unknown] = await Promise.all([ask(ids[state].activity), ask(unknownActivity)]);
      const [hiddenVersion, unknownVersionRes] = await Promise.all([ask(ids[state].version), ask(unknownVersion)]);
      if (!['v2draft', 'v3scheduled'].includes(state)) expect(hidden.raw).toBe(unknown.raw);
      expect(hiddenVersion.raw).toBe(unknownVersionRes.raw);
      expect(unknown.raw).toBe('{"data":{"processingActivity":null,"node":null}}\n');
    },
  );

  it('by reference finds only visible records', async () => {
    const org = await server.publicClient.query<{ organisation: { id: string } }>(`{ organisation(tooi: "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034") { id } }`);
    const ask = (reference: string) =>
      server.publicClient.query<{ processingActivityByReference: { reference: string } | null }>(`query($o: ID!, $r: String!) { processingActivityByReference(organisation: $o, reference: $r) { reference } }`, {
        o: org.organisation.id,
        r: reference,
      });
    expect((await ask('D2717')).processingActivityByReference?.reference).toBe('D2717');
    for (const ref of ['R-DRAFT', 'R-REVIEW', 'R-SCHEDULED', 'R-WITHHELD', 'R-WITHDRAWN', 'R-PROCESSOR', 'R-WPG', 'NEVER-EXISTED']) {
      expect((await ask(ref)).processingActivityByReference).toBeNull();
    }
  });

  it('a related-processing link to a hidden record resolves to nothing; to a visible one, to it', async () => {
    const data = await server.publicClient.query<{ processingActivity: { relatedProcessings: { reference: string; activity: { title: string } | null }[] } }>(
      `query($id: ID!) { processingActivity(id: $id) { relatedProcessings { reference activity { title } } } }`,
      { id: ids.linker.activity },
    );
    expect(data.processingActivity.relatedProcessings).toEqual([
      { reference: 'R-WITHHELD', activity: null },
      { reference: 'D2412', activity: { title: 'Uitvoeren communicatiebeleid, (sociale) mediamonitoring' } },
    ]);
  });

  it('organisation counts include visible records only', async () => {
    const data = await server.publicClient.query<{ organisation: { publishedActivityCount: number } }>(
      `{ organisation(tooi: "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034") { publishedActivityCount } }`,
    );
    // Defensie: D2717, D2412 and the visible R-VERSIONS and R-LINKER.
    expect(data.organisation.publishedActivityCount).toBe(4);
  });

  it('a scheduled record appears once its publish-from moment has passed', async () => {
    await fx.save('R-DUE', markedContent('RULEDUE'), { publishFrom: new Date(Date.now() + 1500) });
    expect((await listReferences(`, search: "RULEDUE"`)).total).toBe(0);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await listReferences(`, search: "RULEDUE"`)).refs).toEqual(['R-DUE']);
  });

  it('withdrawing removes a record from every listing; a new published version brings it back', async () => {
    await fx.save('R-BACK', markedContent('RULEBACK'));
    await fx.withdraw('R-BACK');
    expect((await listReferences(`, search: "RULEBACK"`)).total).toBe(0);
    await fx.save('R-BACK', markedContent('RULEBACKAGAIN'));
    const data = await server.publicClient.query<{ processingActivities: { edges: { node: { versionNumber: number; history: { versionNumber: number }[] } }[] } }>(
      `{ processingActivities(search: "RULEBACKAGAIN") { edges { node { versionNumber history { versionNumber } } } } }`,
    );
    // The withdrawn version 1 is not part of the public history.
    expect(data.processingActivities.edges.map((e) => e.node)).toEqual([{ versionNumber: 2, history: [{ versionNumber: 2 }] }]);
  });

  it('returns every public field of a visible record without error', async () => {
    const res = await server.publicClient.request(`query($id: ID!) { processingActivity(id: $id) { ${ALL_ACTIVITY_FIELDS} history { ${ALL_VERSION_FIELDS} } } }`, { id: ids.v1.activity });
    expect(res.errors).toBeUndefined();
    expect(res.raw).toContain('RULEVERSIONONE doel');
  });
});
