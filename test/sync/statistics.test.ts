import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { toGlobalId } from '../../src/api/common/global-id';
import { RegisterStatisticsDocument, IncompleteRecordsDocument, type RegisterStatisticsQuery } from '../../clients/typescript/src/generated/sync/graphql';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes, DEFENSIE, EZ, issueToken, mutate, organisationId, record, RVO, sync } from './support/sync-helpers';

/**
 * Every statistic is checked against counts made here, in JavaScript, from the records as the ORM
 * loads them (not by the statistics' SQL), on a register with records in every state.
 */
type Expected = {
  state: string;
  legalRole: string;
  missing: string[];
  lastChangedAt: Date;
  special: boolean;
  transfers: boolean;
  adm: boolean;
  processors: boolean;
  legalBases: string[];
  specialCodes: string[];
};

const blank = (s: string | null | undefined) => !s || !s.trim();

async function expectedFacts(server: TestServer, organisationIds: string[]): Promise<Map<string, Expected & { organisationId: string; reference: string }>> {
  const em = server.db.orm.em.fork();
  const activities = await em.find(ProcessingActivity, { organisation: { $in: organisationIds } }, { populate: ['organisation'] });
  const out = new Map<string, Expected & { organisationId: string; reference: string }>();
  for (const a of activities) {
    const v = await em.findOneOrFail(
      ProcessingActivityVersion,
      { activity: a.id, versionNumber: a.latestVersionNumber },
      { populate: ['purposes', 'dataSubjectGroups', 'dataSubjectGroups.dataItems', 'dataSubjectGroups.specialCategories', 'recipients', 'parties', 'transfers'] },
    );
    const purposes = v.purposes.getItems();
    const groups = v.dataSubjectGroups.getItems();
    const items = groups.flatMap((g) => g.dataItems.getItems());
    const controllers = v.parties.getItems().filter((p) => p.role === 'CONTROLLER');
    const org = a.organisation;
    const missing: string[] = [];
    if (!purposes.length) missing.push('PURPOSE');
    if (!purposes.length || purposes.some((p) => !p.legalBasis)) missing.push('LEGAL_BASIS');
    if (!groups.length) missing.push('DATA_SUBJECT_GROUP');
    if (!groups.length || groups.some((g) => !g.dataItems.length)) missing.push('DATA_ITEMS');
    if (items.some((i) => blank(i.retentionText))) missing.push('RETENTION_PERIOD');
    if (items.some((i) => !blank(i.retentionText) && i.retentionRules.length === 0)) missing.push('UNPARSED_RETENTION');
    if (!v.recipients.length && v.recipientsNone !== true) missing.push('RECIPIENTS');
    if (v.thirdCountryTransfers === null || (v.thirdCountryTransfers && !v.transfers.length && blank(v.thirdCountryTransfersStatement))) missing.push('TRANSFER_STATEMENT');
    const contact = controllers.some((c) => !blank(c.email) || !blank(c.phone)) || (!controllers.length && (!blank(org.email) || !blank(org.phone)));
    if (!contact) missing.push('CONTROLLER_CONTACT');
    const state = a.withheld ? 'WITHHELD' : v.status === 'PUBLISHED' && v.publishFrom && v.publishFrom > new Date() ? 'SCHEDULED' : v.status;
    const moments = [a.updatedAt, v.createdAt, v.publishedAt, v.withdrawnAt].filter((d): d is Date => !!d);
    out.set(a.id, {
      organisationId: org.id,
      reference: a.reference,
      state,
      legalRole: v.legalRole,
      missing,
      lastChangedAt: new Date(Math.max(...moments.map((d) => d.getTime()))),
      special: groups.some((g) => g.specialCategories.length > 0),
      transfers: v.thirdCountryTransfers === true || v.transfers.length > 0,
      adm: v.automatedDecisionMaking === true,
      processors: v.parties.getItems().some((p) => p.role === 'PROCESSOR'),
      specialCodes: groups.flatMap((g) => g.specialCategories.getItems().map((c) => c.code)),
      legalBases: purposes.flatMap((p) => (p.legalBasis ? [p.legalBasis.code] : [])),
    });
  }
  return out;
}

type Summary = RegisterStatisticsQuery['statistics']['total'];

function expectedSummary(facts: Expected[], reviewBefore: Date) {
  const byState = (s: string) => facts.filter((f) => f.state === s).length;
  const published = byState('PUBLISHED');
  return {
    records: facts.length,
    byState: { draft: byState('DRAFT'), underReview: byState('UNDER_REVIEW'), scheduled: byState('SCHEDULED'), published, withdrawn: byState('WITHDRAWN'), withheld: byState('WITHHELD') },
    byLegalRole: {
      controller: facts.filter((f) => f.legalRole === 'CONTROLLER').length,
      processor: facts.filter((f) => f.legalRole === 'PROCESSOR').length,
      wpgController: facts.filter((f) => f.legalRole === 'WPG_CONTROLLER').length,
    },
    publishedPercentage: facts.length ? (100 * published) / facts.length : null,
    lastChangedAt: facts.length ? new Date(Math.max(...facts.map((f) => f.lastChangedAt.getTime()))).toISOString() : null,
    completeRecords: facts.filter((f) => !f.missing.length).length,
    incompleteRecords: facts.filter((f) => f.missing.length).length,
    missing: ['PURPOSE', 'LEGAL_BASIS', 'DATA_SUBJECT_GROUP', 'DATA_ITEMS', 'RETENTION_PERIOD', 'UNPARSED_RETENTION', 'RECIPIENTS', 'TRANSFER_STATEMENT', 'CONTROLLER_CONTACT'].map((field) => ({
      field,
      records: facts.filter((f) => f.missing.includes(field)).length,
    })),
    quality: {
      reviewDue: facts.filter((f) => f.lastChangedAt < reviewBefore).length,
      specialCategories: facts.filter((f) => f.special).length,
      transfersOutsideEu: facts.filter((f) => f.transfers).length,
      automatedDecisionMaking: facts.filter((f) => f.adm).length,
      processorsUsed: facts.filter((f) => f.processors).length,
    },
  };
}

const normalise = (s: Summary) => ({ ...s, lastChangedAt: s.lastChangedAt ? new Date(s.lastChangedAt).toISOString() : null });

describe('register statistics', () => {
  let server: TestServer;
  let ez: ReturnType<TestServer['syncClient']>;
  let ezId: string;
  let rvoId: string;
  const REVIEW_MONTHS = 6;

  beforeAll(async () => {
    server = await startTestServer();
    ez = server.syncClient(await issueToken(server.db.orm, EZ));
    ezId = await organisationId(server.db.orm, EZ);
    rvoId = await organisationId(server.db.orm, RVO);
    const rvo = { id: toGlobalId('Organisation', rvoId) };
    const group = (overrides: Record<string, unknown> = {}) => ({ description: 'Burgers', dataItems: [{ description: 'Naam', retentionText: 'V 6 maanden' }], ...overrides });
    // Records in every state, and with every kind of gap, in EZ and its sub-organisation RVO.
    const ezBatch = await sync(ez, {
      records: [
        record('EZ-DRAFT'),
        record('EZ-REVIEW', { purposes: [{ description: 'Zonder grondslag' }] }),
        record('EZ-PUB', { publish: true }),
        record('EZ-SCHED', { publish: true, publishFrom: '2099-01-01T00:00:00Z' }),
        record('EZ-WD', { publish: true }),
        record('EZ-WH'),
        record('EZ-EMPTY', { purposes: [], dataSubjectGroups: [], recipients: [], thirdCountryTransfers: null }),
        record('EZ-NOITEMS', { dataSubjectGroups: [group({ dataItems: [] })], recipients: [], recipientsNone: true }),
        record('EZ-RET', { dataSubjectGroups: [group({ dataItems: [{ description: 'Naam', retentionText: null }, { description: 'Adres', retentionText: 'zolang nodig, naar eigen inzicht' }] })] }),
        record('EZ-PROC', {
          legalRole: 'PROCESSOR',
          processors: [{ name: 'Verwerker BV', email: 'info@verwerker.example' }],
          controllers: [{ name: 'Opdrachtgever', email: null, phone: null }],
          automatedDecisionMaking: { applies: true, statement: 'Ja', logic: 'Regels', consequences: 'Besluit' },
        }),
        record('EZ-TRANSFER', {
          dataSubjectGroups: [group({ specialCategories: ['HEALTH_DATA'] })],
          thirdCountryTransfers: { applies: true, statement: null, transfers: [] },
          controllers: [{ name: 'EZ', email: 'privacy@ez.example' }],
        }),
      ],
    });
    expect(ezBatch.results.map((r) => r.outcome)).toEqual(Array(11).fill('CREATED'));
    const rvoBatch = await sync(ez, { organisation: rvo, records: [record('RVO-PUB', { publish: true }), record('RVO-DRAFT', { recipients: [] })] });
    expect(rvoBatch.results.map((r) => r.outcome)).toEqual(['CREATED', 'CREATED']);
    expect((await mutate(ez, 'withdrawProcessingActivity', { activity: { reference: 'EZ-WD' } }, 'WithdrawProcessingActivityInput')).errors).toEqual([]);
    expect((await mutate(ez, 'withholdProcessingActivity', { activity: { reference: 'EZ-WH' }, reason: 'OTHER' }, 'WithholdProcessingActivityInput')).errors).toEqual([]);
    const em = server.db.orm.em.fork();
    // No mutation moves a version to UNDER_REVIEW (imports do); and one record has not changed for a long time.
    const review = await em.findOneOrFail(ProcessingActivity, { reference: 'EZ-REVIEW' });
    await em.nativeUpdate(ProcessingActivityVersion, { activity: review.id }, { status: 'UNDER_REVIEW' as never });
    const old = await em.findOneOrFail(ProcessingActivity, { reference: 'EZ-DRAFT' });
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    await em.nativeUpdate(ProcessingActivity, { id: old.id }, { updatedAt: longAgo });
    await em.nativeUpdate(ProcessingActivityVersion, { activity: old.id }, { createdAt: longAgo });
  });
  afterAll(() => server?.close());

  it('counts, per organisation and rolled up, exactly what the records say: states, legal roles, completeness, quality', async () => {
    const data = await ez.query(RegisterStatisticsDocument, { reviewAfterMonths: REVIEW_MONTHS });
    const facts = await expectedFacts(server, [ezId, rvoId]);
    const reviewBefore = new Date();
    reviewBefore.setUTCMonth(reviewBefore.getUTCMonth() - REVIEW_MONTHS);
    const of = (ids: string[]) => [...facts.values()].filter((f) => ids.includes(f.organisationId));
    // Every state occurs, so each count is checked against something.
    expect(new Set([...facts.values()].map((f) => f.state))).toEqual(new Set(['DRAFT', 'UNDER_REVIEW', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN', 'WITHHELD']));
    for (const field of ['PURPOSE', 'LEGAL_BASIS', 'DATA_SUBJECT_GROUP', 'DATA_ITEMS', 'RETENTION_PERIOD', 'UNPARSED_RETENTION', 'RECIPIENTS', 'TRANSFER_STATEMENT', 'CONTROLLER_CONTACT'])
      expect({ field, some: [...facts.values()].some((f) => f.missing.includes(field)) }).toEqual({ field, some: true });

    expect(normalise(data.statistics.total)).toEqual(expectedSummary(of([ezId, rvoId]), reviewBefore));
    const byOrg = new Map(data.statistics.organisations.map((o) => [o.organisation.id, o]));
    expect([...byOrg.keys()].sort()).toEqual([toGlobalId('Organisation', ezId), toGlobalId('Organisation', rvoId)].sort());
    const ezStats = byOrg.get(toGlobalId('Organisation', ezId))!;
    const rvoStats = byOrg.get(toGlobalId('Organisation', rvoId))!;
    expect(normalise(ezStats.own)).toEqual(expectedSummary(of([ezId]), reviewBefore));
    expect(normalise(ezStats.withSubOrganisations)).toEqual(expectedSummary(of([ezId, rvoId]), reviewBefore));
    expect(normalise(rvoStats.own)).toEqual(expectedSummary(of([rvoId]), reviewBefore));
    expect(normalise(rvoStats.withSubOrganisations)).toEqual(expectedSummary(of([rvoId]), reviewBefore));
    expect(rvoStats.parentId).toBe(toGlobalId('Organisation', ezId));
    expect(data.statistics.total.quality.reviewDue).toBeGreaterThan(0);
  });

  it('lists the records behind every number, paged, with the same facts', async () => {
    const facts = [...(await expectedFacts(server, [ezId, rvoId])).values()];
    const fields = ['PURPOSE', 'LEGAL_BASIS', 'DATA_SUBJECT_GROUP', 'DATA_ITEMS', 'RETENTION_PERIOD', 'UNPARSED_RETENTION', 'RECIPIENTS', 'TRANSFER_STATEMENT', 'CONTROLLER_CONTACT'] as const;
    for (const field of fields) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let page = 0; page < 20; page++) {
        const res: Awaited<ReturnType<typeof listPage>> = await listPage(field, after);
        total = res.totalCount;
        for (const n of res.nodes) {
          expect(n.facts?.missing).toContain(field);
          seen.push(n.reference);
        }
        if (!res.pageInfo.hasNextPage) break;
        after = res.pageInfo.endCursor;
      }
      const expected = facts.filter((f) => f.missing.includes(field)).map((f) => f.reference).sort();
      expect({ field, seen: seen.sort(), total }).toEqual({ field, seen: expected, total: expected.length });
    }
    // The other filters of the listing.
    const list = async (filter: Record<string, unknown>) =>
      (await ez.query<{ processingActivities: { nodes: { reference: string }[] } }>(
        `query($f: InternalRecordFilter) { processingActivities(includeSubOrganisations: true, first: 500, filter: $f) { nodes { reference } } }`,
        { f: filter },
      )).processingActivities.nodes.map((n) => n.reference).sort();
    const refs = (pred: (f: (typeof facts)[number]) => boolean) => facts.filter(pred).map((f) => f.reference).sort();
    expect(await list({ states: ['SCHEDULED', 'WITHHELD'] })).toEqual(refs((f) => f.state === 'SCHEDULED' || f.state === 'WITHHELD'));
    expect(await list({ specialCategories: true })).toEqual(refs((f) => f.special));
    expect(await list({ specialCategory: 'HEALTH_DATA' })).toEqual(refs((f) => f.specialCodes.includes('HEALTH_DATA')));
    expect(await list({ incomplete: false })).toEqual(refs((f) => !f.missing.length));
    const since = new Date(Date.now() - 30 * 86_400_000);
    expect(await list({ changedSince: since.toISOString() })).toEqual(refs((f) => f.lastChangedAt >= since));
    expect(await list({ legalBasis: 'LEGITIMATE_INTERESTS', states: ['DRAFT'] })).toEqual(refs((f) => f.state === 'DRAFT' && f.legalBases.includes('LEGITIMATE_INTERESTS')));
    expect(refs((f) => f.state === 'DRAFT' && f.legalBases.includes('LEGITIMATE_INTERESTS')).length).toBeGreaterThan(0);
  });

  async function listPage(field: string, after: string | null) {
    const data = await ez.query(IncompleteRecordsDocument, { organisation: { id: toGlobalId('Organisation', ezId) }, includeSubOrganisations: true, field: field as never, first: 2, after });
    return data.processingActivities;
  }

  it('counts activity per period from the audit log, written, published and withdrawn', async () => {
    const data = await ez.query(RegisterStatisticsDocument, { reviewAfterMonths: REVIEW_MONTHS, activityInterval: 'WEEK' });
    const entries = await server.db.orm.em.fork().find(AuditLogEntry, { targetOrganisationId: { $in: [ezId, rvoId] } });
    const written = entries.filter((e) => e.operation === 'syncProcessingActivities' && ['CREATED', 'UPDATED'].includes(e.outcome)).length;
    const published = entries.filter((e) => ['publishProcessingActivity', 'scheduleProcessingActivityPublication'].includes(e.operation) && e.outcome === 'CHANGED').length;
    const withdrawn = entries.filter((e) => (e.operation === 'withdrawProcessingActivity' && e.outcome === 'CHANGED') || (e.operation === 'syncProcessingActivities' && e.outcome === 'WITHDRAWN')).length;
    const periods = data.statistics.activity;
    expect(periods.length).toBeGreaterThanOrEqual(52);
    const sum = (k: 'versionsWritten' | 'published' | 'withdrawn') => periods.reduce((a, p) => a + p[k], 0);
    expect({ written: sum('versionsWritten'), published: sum('published'), withdrawn: sum('withdrawn') }).toEqual({ written, published, withdrawn });
    expect(written).toBeGreaterThanOrEqual(13);
    expect(withdrawn).toBe(1);
    // This week's period holds this test's writes; periods start on Monday.
    const last = periods[periods.length - 1];
    expect(new Date(last.periodStart).getUTCDay()).toBe(1);
    expect(last.versionsWritten).toBe(13);
  });

  it('filters the audit log by date range and operation', async () => {
    const now = new Date();
    const res = await ez.query<{ auditLog: { nodes: { operation: string; occurredAt: string }[] } }>(
      `query($from: DateTime, $ops: [String!]) { auditLog(first: 500, from: $from, operations: $ops) { nodes { operation occurredAt } } }`,
      { from: new Date(now.getTime() - 3_600_000).toISOString(), ops: ['withdrawProcessingActivity'] },
    );
    expect(res.auditLog.nodes.map((n) => n.operation)).toEqual(['withdrawProcessingActivity']);
    const future = await ez.query<{ auditLog: { nodes: unknown[] } }>(`{ auditLog(from: "2099-01-01T00:00:00Z") { nodes { id } } }`);
    expect(future.auditLog.nodes).toEqual([]);
  });

  it('refuses a question about another organisation explicitly, not with zeros', async () => {
    const res = await ez.request(RegisterStatisticsDocument, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034' }, reviewAfterMonths: 12 });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.data).toBeNull();
    const list = await ez.request(IncompleteRecordsDocument, { organisation: { tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034' }, field: 'PURPOSE', first: 10, after: null });
    expect(codes(list)).toEqual(['NOT_FOUND']);
  });

  it('a REGISTER_READ token reads every organisation, is audited, and cannot write', async () => {
    const token = await issueToken(server.db.orm, DEFENSIE, [TokenScope.REGISTER_READ]);
    const supervisor = server.syncClient(token);
    const all = await supervisor.query(RegisterStatisticsDocument, { reviewAfterMonths: 12 });
    const organisations = await server.db.orm.em.fork().count(Organisation, {});
    const activities = await server.db.orm.em.fork().count(ProcessingActivity, { latestVersionNumber: { $gt: 0 } });
    expect(all.statistics.organisations.length).toBe(organisations);
    expect(all.statistics.total.records).toBe(activities);
    const ezOnly = await supervisor.query(RegisterStatisticsDocument, { organisation: { id: toGlobalId('Organisation', ezId) }, reviewAfterMonths: 12 });
    expect(ezOnly.statistics.total.records).toBe([...(await expectedFacts(server, [ezId, rvoId])).values()].length);
    const write = await supervisor.request(`mutation { syncProcessingActivities(input: { records: [] }) { committed } }`);
    expect(codes(write)).toEqual(['FORBIDDEN']);
    const logged = await server.db.orm.em.fork().find(AuditLogEntry, { actor: token.slice(0, 11), outcome: 'READ' });
    expect(logged.map((e) => e.operation)).toEqual(['statistics', 'statistics']);
  });
});
