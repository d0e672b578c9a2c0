import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganisationKind } from '../organisation/organisation.enums';
import { LegalRole } from '../processing-activity/processing-activity.enums';
import { Art30Field, INCOMPLETE_SQL, MISSING_SQL, QUALITY_SQL, RecordState, STATE_SQL, STATE_VALUE_SQL, TALLY_COLUMNS, uuidArray } from './record-facts';

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
  organisation: OrganisationRow;
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
const LEGAL_ROLES = Object.values(LegalRole);
const QUALITY = ['review_due', 'special_categories', 'transfers_outside_eu', 'automated_decision_making', 'processors_used'] as const;

/** organisation_tally's rows added up per organisation (of the organisations bound to two parameters). */
const TALLY_SUMS_SQL = `select t.organisation_id, ${TALLY_COLUMNS.map((c) => `sum(t.${c})::int ${c}`).join(', ')}
  from organisation_tally t where (?::uuid[] is null or t.organisation_id = any(?::uuid[])) group by t.organisation_id`;

/** The organisations bound to two parameters (uuid[]; null for the whole register), on record_facts. */
const IN_ORGANISATIONS = '(?::uuid[] is null or f.organisation_id = any(?::uuid[]))';
const organisationParams = (ids: readonly string[] | null) => [uuidArray(ids), uuidArray(ids)];

/**
 * Per organisation, every count of the dashboard: the counts of its records' facts added up from
 * organisation_tally (a few rows each), and what depends on the moment from record_facts'
 * indexes: its SCHEDULED records (counted among the published in the tally), its records not
 * changed since the review moment, and its last change.
 */
const AGGREGATE_SQL = `select o.id organisation_id, coalesce(t.records, 0) records, l.last_changed_at,
  coalesce(t.withheld, 0) "state_WITHHELD", coalesce(t.draft, 0) "state_DRAFT", coalesce(t.under_review, 0) "state_UNDER_REVIEW",
  coalesce(t.published, 0) - s.scheduled "state_PUBLISHED", s.scheduled "state_SCHEDULED", coalesce(t.withdrawn, 0) "state_WITHDRAWN",
  ${LEGAL_ROLES.map((r) => `coalesce(t.${r.toLowerCase()}, 0) "role_${r}"`).join(', ')},
  ${FIELDS.map((field) => `coalesce(t.missing_${field.toLowerCase()}, 0) "missing_${field}"`).join(', ')},
  coalesce(t.complete, 0) complete, d.review_due,
  ${QUALITY.filter((q) => q !== 'review_due').map((q) => `coalesce(t.${q}, 0) ${q}`).join(', ')}
from organisation o
left join (${TALLY_SUMS_SQL}) t on t.organisation_id = o.id
cross join lateral (select max(f.last_changed_at) last_changed_at from record_facts f where f.organisation_id = o.id) l
cross join lateral (select count(*)::int review_due from record_facts f where f.organisation_id = o.id and f.last_changed_at < now() - make_interval(months => ?::int)) d
cross join lateral (select count(*)::int scheduled from record_facts f where f.organisation_id = o.id and ${STATE_SQL[RecordState.SCHEDULED]}) s
where ${IN_ORGANISATIONS.replaceAll('f.organisation_id', 'o.id')}`;

/** The aggregate's counters in one order: a summary is added up as a vector of these. */
const COUNTERS = [
  'records',
  ...STATES.map((s) => `state_${s}`),
  ...LEGAL_ROLES.map((r) => `role_${r}`),
  ...FIELDS.map((f) => `missing_${f}`),
  'complete',
  ...QUALITY,
] as const;

type AggregateRow = Record<string, number | string | Date | null> & { organisation_id: string; last_changed_at: Date | null };

/** Counters and the latest change of a set of records, while they are added up. */
interface Tally {
  counts: number[];
  lastChangedAt: number;
}

const emptyTally = (): Tally => ({ counts: new Array<number>(COUNTERS.length).fill(0), lastChangedAt: -Infinity });

function tallyOf(row: AggregateRow): Tally {
  return { counts: COUNTERS.map((name) => Number(row[name] ?? 0)), lastChangedAt: row.last_changed_at ? new Date(row.last_changed_at).getTime() : -Infinity };
}

function addTo(into: Tally, t: Tally): void {
  for (let i = 0; i < into.counts.length; i++) into.counts[i] += t.counts[i];
  if (t.lastChangedAt > into.lastChangedAt) into.lastChangedAt = t.lastChangedAt;
}

const indexOf = (name: (typeof COUNTERS)[number]) => COUNTERS.indexOf(name);
const STATE_AT = STATES.map((s) => [s, indexOf(`state_${s}`)] as const);
const ROLE_AT = LEGAL_ROLES.map((r) => [r, indexOf(`role_${r}`)] as const);
const MISSING_AT = FIELDS.map((f) => [f, indexOf(`missing_${f}`)] as const);
const [RECORDS_AT, COMPLETE_AT, REVIEW_DUE_AT, SPECIAL_AT, TRANSFERS_AT, ADM_AT, PROCESSORS_AT] = (
  ['records', 'complete', 'review_due', 'special_categories', 'transfers_outside_eu', 'automated_decision_making', 'processors_used'] as const
).map(indexOf);

function summaryOf(t: Tally): StatisticsSummary {
  const c = t.counts;
  const byState = {} as StateCounts;
  for (const [state, i] of STATE_AT) byState[state] = c[i];
  const byLegalRole = {} as LegalRoleCounts;
  for (const [role, i] of ROLE_AT) byLegalRole[role] = c[i];
  const missing = {} as MissingCounts;
  for (const [field, i] of MISSING_AT) missing[field] = c[i];
  return {
    records: c[RECORDS_AT],
    byState,
    byLegalRole,
    lastChangedAt: t.lastChangedAt > -Infinity ? new Date(t.lastChangedAt) : null,
    completeRecords: c[COMPLETE_AT],
    missing,
    quality: {
      reviewDue: c[REVIEW_DUE_AT],
      specialCategories: c[SPECIAL_AT],
      transfersOutsideEu: c[TRANSFERS_AT],
      automatedDecisionMaking: c[ADM_AT],
      processorsUsed: c[PROCESSORS_AT],
    },
  };
}

/** An organisation's own fields, as the statistics list it. */
export interface OrganisationRow {
  id: string;
  parentId: string | null;
  name: string;
  abbreviation: string | null;
  kind: OrganisationKind;
  tooiUri: string | null;
  oin: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
}

const ORGANISATIONS_SQL = `select id, parent_id "parentId", name, abbreviation, kind, tooi_uri "tooiUri", oin, website, email, phone
  from organisation where (?::uuid[] is null or id = any(?::uuid[])) order by name, id`;

/** Register statistics over record_facts (record-facts.ts). Callers decide which organisations may be asked about. */
export class StatisticsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Statistics of the organisations in `organisationIds` (null: the whole register), each on its
   * own and rolled up over its sub-organisations among them, in one aggregate query over
   * record_facts; the roll-up is one walk over the (small) organisation tree, children first.
   */
  async statistics(organisationIds: readonly string[] | null, options: { reviewAfterMonths: number }): Promise<RegisterStatistics> {
    const conn = this.em.getConnection();
    const [organisations, rows] = await Promise.all([
      conn.execute<OrganisationRow[]>(ORGANISATIONS_SQL, organisationParams(organisationIds)),
      conn.execute<AggregateRow[]>(AGGREGATE_SQL, [...organisationParams(organisationIds), options.reviewAfterMonths, ...organisationParams(organisationIds)]),
    ]);
    const own = new Map(rows.map((r) => [r.organisation_id, tallyOf(r)]));
    const total = emptyTally();
    for (const t of own.values()) addTo(total, t);

    const known = new Set(organisations.map((o) => o.id));
    const children = new Map<string, string[]>();
    for (const o of organisations) if (o.parentId && known.has(o.parentId)) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
    // Parents before their children (the answer's order); a tree, so every organisation once.
    const ordered: OrganisationRow[] = [];
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const visit = (o: OrganisationRow) => {
      ordered.push(o);
      for (const child of children.get(o.id) ?? []) visit(byId.get(child)!);
    };
    for (const o of organisations) if (!o.parentId || !known.has(o.parentId)) visit(o);
    // Rolled up in reverse of that order: every child is complete before its parent adds it.
    const rolled = new Map<string, Tally>();
    for (const o of [...ordered].reverse()) {
      const sum = emptyTally();
      const mine = own.get(o.id);
      if (mine) addTo(sum, mine);
      for (const child of children.get(o.id) ?? []) addTo(sum, rolled.get(child)!);
      rolled.set(o.id, sum);
    }
    return {
      total: summaryOf(total),
      organisations: ordered.map((o) => ({
        organisation: o,
        own: summaryOf(own.get(o.id) ?? emptyTally()),
        withSubOrganisations: summaryOf(rolled.get(o.id)!),
      })),
    };
  }

  /**
   * Versions written, published and withdrawn per week or month (UTC, weeks from Monday), from
   * the audit log's activity counts (audit_activity: one row per audited statement, written with
   * it) of the organisations given (null: all), every period of the range listed.
   */
  async activity(organisationIds: readonly string[] | null, range: { from: Date; to: Date; interval: ActivityInterval }): Promise<ActivityPeriod[]> {
    const unit = range.interval === ActivityInterval.WEEK ? 'week' : 'month';
    const rows = await this.em.getConnection().execute<{ period_start: Date; versions_written: number; published: number; withdrawn: number }[]>(
      `with periods as (
         select generate_series(date_trunc('${unit}', ?::timestamptz at time zone 'UTC'), ?::timestamptz at time zone 'UTC', interval '1 ${unit}') period_start
       ), counted as (
         select date_trunc('${unit}', e.occurred_at at time zone 'UTC') period_start,
                sum(e.versions_written) versions_written, sum(e.published) published, sum(e.withdrawn) withdrawn
           from audit_activity e
          where e.occurred_at >= ? and e.occurred_at < ? and (?::uuid[] is null or e.organisation_id = any(?::uuid[]))
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
    const { where, params } = filterSql(filter);
    const base = `from record_facts f where ${IN_ORGANISATIONS} and ${where}`;
    const conn = this.em.getConnection();
    const [totals, rows] = await Promise.all([
      conn.execute<{ n: number }[]>(`select count(*)::int n ${base}`, [...organisationParams(organisationIds), ...params]),
      conn.execute<{ id: string }[]>(
        `select f.activity_id id ${base} ${page.after ? 'and (f.reference, f.activity_id) > (?, ?::uuid)' : ''} order by f.reference, f.activity_id limit ?`,
        [...organisationParams(organisationIds), ...params, ...(page.after ?? []), page.limit],
      ),
    ]);
    return { totalCount: totals[0]?.n ?? 0, ids: rows.map((r) => r.id) };
  }

  /** Facts (state, title, missing fields) of the given records, for the listing's fields. */
  async factsOf(activityIds: readonly string[]): Promise<Map<string, RecordFacts>> {
    if (!activityIds.length) return new Map();
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select f.activity_id id, f.organisation_id, f.reference, v.title, ${STATE_VALUE_SQL} state, f.last_changed_at,
              array_remove(array[${FIELDS.map((field) => `case when ${MISSING_SQL[field]} then '${field}' end`).join(', ')}], null) missing
         from record_facts f join processing_activity_version v on v.id = f.version_id
        where f.activity_id = any(?::uuid[])`,
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

/** The listing's filters over record_facts; the codes a version lists are read from the version itself. */
function filterSql(filter: RecordFilter): { where: string; params: unknown[] } {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (filter.states?.length) where.push(`(${filter.states.map((state) => STATE_SQL[state]).join(' or ')})`);
  if (filter.missing) where.push(MISSING_SQL[filter.missing]);
  if (filter.incomplete != null) where.push(filter.incomplete ? INCOMPLETE_SQL : `not ${INCOMPLETE_SQL}`);
  if (filter.changedSince) {
    where.push('f.last_changed_at >= ?');
    params.push(filter.changedSince);
  }
  if (filter.specialCategories != null) where.push(filter.specialCategories ? QUALITY_SQL.specialCategories : `not ${QUALITY_SQL.specialCategories}`);
  for (const [code, column] of [
    [filter.specialCategory, 'special_category_codes'],
    [filter.legalBasis, 'legal_basis_codes'],
  ] as const) {
    if (!code) continue;
    where.push(`exists (select 1 from processing_activity_version v where v.id = f.version_id and ? = any(v.${column}))`);
    params.push(code);
  }
  return { where: where.join(' and '), params };
}
