import type { EntityManager } from '@mikro-orm/postgresql';
import { Art30Field, FACTS_SQL, factsParams, FILL_VERSION_FACTS_SQL, INCOMPLETE_SQL, MISSING_SQL, RecordState, uuidArray } from './record-facts';

export type StateCounts = Record<RecordState, number>;
export type LegalRoleCounts = { CONTROLLER: number; PROCESSOR: number; WPG_CONTROLLER: number };
export type MissingCounts = Record<Art30Field, number>;

export interface QualityCounts {
  reviewDue: number;
  specialCategories: number;
  transfersOutsideEu: number;
  automatedDecisionMaking: number;
  processorsUsed: number;
}

/** The statistics of a set of records (one organisation's own, or with its sub-organisations). */
export interface StatisticsSummary {
  records: number;
  byState: StateCounts;
  byLegalRole: LegalRoleCounts;
  lastChangedAt: Date | null;
  completeRecords: number;
  missing: MissingCounts;
  quality: QualityCounts;
}

export interface OrganisationStatistics {
  organisationId: string;
  parentId: string | null;
  /** Records of the organisation itself. */
  own: StatisticsSummary;
  /** Its own records plus those of every sub-organisation (within the organisations asked about). */
  withSubOrganisations: StatisticsSummary;
}

export interface RegisterStatistics {
  /** Every organisation asked about, parents before their children. */
  organisations: OrganisationStatistics[];
  /** All records of the organisations asked about. */
  total: StatisticsSummary;
}

export enum ActivityInterval {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export interface ActivityPeriod {
  periodStart: Date;
  versionsWritten: number;
  published: number;
  withdrawn: number;
}

/** Filters of the internal record listing; every filter narrows (and). */
export interface RecordFilter {
  states?: RecordState[] | null;
  missing?: Art30Field | null;
  incomplete?: boolean | null;
  changedSince?: Date | null;
  /** Records with any special category (true) or none (false). */
  specialCategories?: boolean | null;
  specialCategory?: string | null;
  legalBasis?: string | null;
}

export interface RecordFacts {
  id: string;
  organisationId: string;
  reference: string;
  title: string;
  state: RecordState;
  lastChangedAt: Date;
  missing: Art30Field[];
}

const STATES = Object.values(RecordState);
const FIELDS = Object.values(Art30Field);

const count = (sql: string, alias: string) => `count(*) filter (where ${sql})::int "${alias}"`;

/** Per organisation, every count of the dashboard in one scan of the facts. */
const AGGREGATE_SQL = `select f.organisation_id,
  count(*)::int records, max(f.last_changed_at) last_changed_at, count(*) filter (where f.facts_pending)::int facts_pending,
  ${STATES.map((s) => count(`f.state = '${s}'`, `state_${s}`)).join(', ')},
  ${['CONTROLLER', 'PROCESSOR', 'WPG_CONTROLLER'].map((r) => count(`f.legal_role = '${r}'`, `role_${r}`)).join(', ')},
  ${FIELDS.map((field) => count(MISSING_SQL[field], `missing_${field}`)).join(', ')},
  ${count(`not ${INCOMPLETE_SQL}`, 'complete')},
  ${count(`f.last_changed_at < now() - make_interval(months => ?::int)`, 'review_due')},
  ${count('f.special_categories', 'special_categories')},
  ${count('f.transfers_outside_eu', 'transfers_outside_eu')},
  ${count('f.automated_decision_making', 'automated_decision_making')},
  ${count('f.processors_used', 'processors_used')}
from (${FACTS_SQL}) f group by f.organisation_id`;

type AggregateRow = Record<string, number | string | Date | null> & { organisation_id: string; records: number; last_changed_at: Date | null };

const emptySummary = (): StatisticsSummary => ({
  records: 0,
  byState: Object.fromEntries(STATES.map((s) => [s, 0])) as StateCounts,
  byLegalRole: { CONTROLLER: 0, PROCESSOR: 0, WPG_CONTROLLER: 0 },
  lastChangedAt: null,
  completeRecords: 0,
  missing: Object.fromEntries(FIELDS.map((f) => [f, 0])) as MissingCounts,
  quality: { reviewDue: 0, specialCategories: 0, transfersOutsideEu: 0, automatedDecisionMaking: 0, processorsUsed: 0 },
});

function summaryOf(row: AggregateRow): StatisticsSummary {
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    records: n('records'),
    byState: Object.fromEntries(STATES.map((s) => [s, n(`state_${s}`)])) as StateCounts,
    byLegalRole: { CONTROLLER: n('role_CONTROLLER'), PROCESSOR: n('role_PROCESSOR'), WPG_CONTROLLER: n('role_WPG_CONTROLLER') },
    lastChangedAt: row.last_changed_at ? new Date(row.last_changed_at) : null,
    completeRecords: n('complete'),
    missing: Object.fromEntries(FIELDS.map((f) => [f, n(`missing_${f}`)])) as MissingCounts,
    quality: {
      reviewDue: n('review_due'),
      specialCategories: n('special_categories'),
      transfersOutsideEu: n('transfers_outside_eu'),
      automatedDecisionMaking: n('automated_decision_making'),
      processorsUsed: n('processors_used'),
    },
  };
}

function add(into: StatisticsSummary, s: StatisticsSummary): void {
  into.records += s.records;
  into.completeRecords += s.completeRecords;
  for (const k of STATES) into.byState[k] += s.byState[k];
  for (const k of Object.keys(into.byLegalRole) as (keyof LegalRoleCounts)[]) into.byLegalRole[k] += s.byLegalRole[k];
  for (const k of FIELDS) into.missing[k] += s.missing[k];
  for (const k of Object.keys(into.quality) as (keyof QualityCounts)[]) into.quality[k] += s.quality[k];
  if (s.lastChangedAt && (!into.lastChangedAt || s.lastChangedAt > into.lastChangedAt)) into.lastChangedAt = s.lastChangedAt;
}

/** Register statistics over the facts of record-facts.ts. Callers decide which organisations may be asked about. */
export class StatisticsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Statistics of the organisations in `organisationIds` (null: the whole register), each on its
   * own and rolled up over its sub-organisations among them, in one aggregate query; the roll-up
   * is a walk over the (small) organisation tree.
   */
  async statistics(organisationIds: readonly string[] | null, options: { reviewAfterMonths: number }): Promise<RegisterStatistics> {
    const conn = this.em.getConnection();
    const aggregate = () => conn.execute<AggregateRow[]>(AGGREGATE_SQL, [options.reviewAfterMonths, ...factsParams(organisationIds)]);
    const [organisations, counted] = await Promise.all([
      conn.execute<{ id: string; parent_id: string | null }[]>(
        `select id, parent_id from organisation where (?::uuid[] is null or id = any(?::uuid[])) order by name, id`,
        factsParams(organisationIds),
      ),
      aggregate(),
    ]);
    // Versions written since the last statistics have no facts yet: fill them and count again (rarely more than a sync batch).
    let rows = counted;
    if (rows.some((r) => Number(r.facts_pending) > 0)) {
      await this.fillFacts(organisationIds);
      rows = await aggregate();
    }
    const own = new Map(rows.map((r) => [r.organisation_id, summaryOf(r)]));
    const known = new Set(organisations.map((o) => o.id));
    const children = new Map<string, string[]>();
    for (const o of organisations) if (o.parent_id && known.has(o.parent_id)) children.set(o.parent_id, [...(children.get(o.parent_id) ?? []), o.id]);

    const rolled = new Map<string, StatisticsSummary>();
    const rollUp = (id: string, seen: Set<string>): StatisticsSummary => {
      const done = rolled.get(id);
      if (done) return done;
      const sum = emptySummary();
      add(sum, own.get(id) ?? emptySummary());
      seen.add(id);
      for (const child of children.get(id) ?? []) if (!seen.has(child)) add(sum, rollUp(child, seen));
      rolled.set(id, sum);
      return sum;
    };
    const total = emptySummary();
    for (const s of own.values()) add(total, s);

    const byId = new Map(organisations.map((o) => [o.id, o]));
    const ordered: string[] = [];
    const visit = (id: string) => {
      ordered.push(id);
      for (const child of children.get(id) ?? []) visit(child);
    };
    for (const o of organisations) if (!o.parent_id || !known.has(o.parent_id)) visit(o.id);
    return {
      total,
      organisations: ordered.map((id) => ({
        organisationId: id,
        parentId: byId.get(id)?.parent_id ?? null,
        own: own.get(id) ?? emptySummary(),
        withSubOrganisations: rollUp(id, new Set()),
      })),
    };
  }

  /** Computes the version_facts the statistics of these organisations still lack (see FILL_VERSION_FACTS_SQL). */
  private async fillFacts(organisationIds: readonly string[] | null): Promise<void> {
    await this.em.getConnection().execute(FILL_VERSION_FACTS_SQL, factsParams(organisationIds));
  }

  /**
   * Versions written, published and withdrawn per week or month (UTC, weeks from Monday), from
   * the audit log of the organisations given (null: all), every period of the range listed.
   */
  async activity(organisationIds: readonly string[] | null, range: { from: Date; to: Date; interval: ActivityInterval }): Promise<ActivityPeriod[]> {
    const unit = range.interval === ActivityInterval.WEEK ? 'week' : 'month';
    const rows = await this.em.getConnection().execute<{ period_start: Date; versions_written: number; published: number; withdrawn: number }[]>(
      `with periods as (
         select generate_series(date_trunc('${unit}', ?::timestamptz at time zone 'UTC'), ?::timestamptz at time zone 'UTC', interval '1 ${unit}') period_start
       ), counted as (
         select date_trunc('${unit}', e.occurred_at at time zone 'UTC') period_start,
                ${ACTIVITY_COUNTS}
           from audit_log_entry e
          where e.occurred_at >= ? and e.occurred_at < ? and (?::uuid[] is null or e.target_organisation_id = any(?::uuid[]))
          group by 1
       )
       select p.period_start at time zone 'UTC' period_start, coalesce(c.versions_written, 0)::int versions_written,
              coalesce(c.published, 0)::int published, coalesce(c.withdrawn, 0)::int withdrawn
         from periods p left join counted c using (period_start) order by p.period_start`,
      [range.from, range.to, range.from, range.to, uuidArray(organisationIds), uuidArray(organisationIds)],
    );
    return rows.map((r) => ({ periodStart: new Date(r.period_start), versionsWritten: r.versions_written, published: r.published, withdrawn: r.withdrawn }));
  }

  /** One page (keyset on reference, id) of the records matching a filter, and how many match. */
  async listRecords(
    organisationIds: readonly string[] | null,
    filter: RecordFilter,
    page: { after: [string, string] | null; limit: number },
  ): Promise<{ totalCount: number; ids: string[] }> {
    await this.fillFacts(organisationIds);
    const { where, params } = filterSql(filter);
    const base = `select f.id, f.reference from (${FACTS_SQL}) f where ${where}`;
    const conn = this.em.getConnection();
    const [totals, rows] = await Promise.all([
      conn.execute<{ n: number }[]>(`select count(*)::int n from (${base}) x`, [...factsParams(organisationIds), ...params]),
      conn.execute<{ id: string }[]>(`select id from (${base}) x ${page.after ? 'where (x.reference, x.id) > (?, ?::uuid)' : ''} order by x.reference, x.id limit ?`, [
        ...factsParams(organisationIds),
        ...params,
        ...(page.after ?? []),
        page.limit,
      ]),
    ]);
    return { totalCount: totals[0]?.n ?? 0, ids: rows.map((r) => r.id) };
  }

  /** Facts (state, title, missing fields) of the given records, for the listing's fields. */
  async factsOf(activityIds: readonly string[]): Promise<Map<string, RecordFacts>> {
    if (!activityIds.length) return new Map();
    await this.em.getConnection().execute(byActivity(FILL_VERSION_FACTS_SQL), [uuidArray(activityIds)]);
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select f.id, f.organisation_id, f.reference, f.title, f.state, f.last_changed_at,
              array_remove(array[${FIELDS.map((field) => `case when ${MISSING_SQL[field]} then '${field}' end`).join(', ')}], null) missing
         from (${byActivity(FACTS_SQL)}) f`,
      [uuidArray(activityIds)],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          id: r.id as string,
          organisationId: r.organisation_id as string,
          reference: r.reference as string,
          title: r.title as string,
          state: r.state as RecordState,
          lastChangedAt: new Date(r.last_changed_at as string),
          missing: r.missing as Art30Field[],
        },
      ]),
    );
  }
}

/** Restricts FACTS_SQL or FILL_VERSION_FACTS_SQL to records by id (one uuid[] parameter) instead of by organisation. */
const byActivity = (sql: string) => sql.replace('where (?::uuid[] is null or a.organisation_id = any(?::uuid[]))', 'where a.id = any(?::uuid[])');

/** Audit-log operations and outcomes that count as activity: one home for what "written", "published" and "withdrawn" mean. */
const ACTIVITY_COUNTS = `count(*) filter (where e.operation = 'syncProcessingActivities' and e.outcome in ('CREATED', 'UPDATED')) versions_written,
                count(*) filter (where e.operation in ('publishProcessingActivity', 'scheduleProcessingActivityPublication') and e.outcome = 'CHANGED') published,
                count(*) filter (where (e.operation = 'withdrawProcessingActivity' and e.outcome = 'CHANGED') or (e.operation = 'syncProcessingActivities' and e.outcome = 'WITHDRAWN')) withdrawn`;

function filterSql(filter: RecordFilter): { where: string; params: unknown[] } {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (filter.states?.length) {
    where.push(`f.state = any(?::text[])`);
    params.push(`{${filter.states.join(',')}}`);
  }
  if (filter.missing) where.push(MISSING_SQL[filter.missing]);
  if (filter.incomplete != null) where.push(filter.incomplete ? INCOMPLETE_SQL : `not ${INCOMPLETE_SQL}`);
  if (filter.changedSince) {
    where.push('f.last_changed_at >= ?');
    params.push(filter.changedSince);
  }
  if (filter.specialCategories != null) where.push(filter.specialCategories ? 'f.special_categories' : 'not f.special_categories');
  if (filter.specialCategory) {
    where.push('? = any(f.special_category_codes)');
    params.push(filter.specialCategory);
  }
  if (filter.legalBasis) {
    where.push('? = any(f.legal_basis_codes)');
    params.push(filter.legalBasis);
  }
  return { where: where.join(' and '), params };
}
