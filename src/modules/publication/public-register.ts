import type { Knex } from '@mikro-orm/postgresql';
import { SUBTREE_IDS_SQL } from '../organisation/organisation-scope';
import { type PublicChangeWithRecord, readPublicChanges } from './public-changes';
import type { PublicDocument } from './public-document';
import { type PublicActivityFilter, PublicActivityOrder } from './public-filter';
import type { PublicReferenceData, Vocabulary } from './reference-data';

/** The read model's table: every public version of every visible record, the current one flagged (public-scope.ts). */
export const PUBLIC_VERSIONS = 'public_processing_activity_version';

/** The columns of a public version a reader gets (the read model's other columns are for filtering and search). */
export const PUBLIC_VERSION_COLUMNS = [
  'version_id',
  'activity_id',
  'organisation_id',
  'reference',
  'version_number',
  'published_at',
  'publish_from',
  'title',
  'description',
  'legal_role',
  'joint_controllership_arrangement',
  'automated_decision_making',
  'automated_decision_statement',
  'automated_decision_logic',
  'automated_decision_consequences',
  'third_country_transfers',
  'third_country_transfers_statement',
  'transfer_safeguard_statement',
  'recipients_none',
  'related_processings_statement',
  'data_subject_rights',
  'processing_location',
  'legal_basis_codes',
  'special_category_codes',
  'transfer_country_codes',
] as const;

/** A public version, as the read model holds it. */
export interface PublicVersionRow {
  version_id: string;
  activity_id: string;
  organisation_id: string;
  reference: string;
  version_number: number;
  /** timestamptz as text (raw rows). */
  published_at: Date | string;
  publish_from: Date | string | null;
  title: string;
  description: string | null;
  legal_role: string;
  joint_controllership_arrangement: string | null;
  automated_decision_making: boolean | null;
  automated_decision_statement: string | null;
  automated_decision_logic: string | null;
  automated_decision_consequences: string | null;
  third_country_transfers: boolean | null;
  third_country_transfers_statement: string | null;
  transfer_safeguard_statement: string | null;
  recipients_none: boolean | null;
  related_processings_statement: string | null;
  data_subject_rights: string | null;
  processing_location: string | null;
  legal_basis_codes: string[];
  special_category_codes: string[];
  transfer_country_codes: string[];
}

export interface PageRequest {
  filter?: PublicActivityFilter | null;
  search?: string | null;
  order: PublicActivityOrder;
  first: number;
  /** Keyset position after which to continue (decoded cursor). */
  after?: Keyset | null;
  /** The texts to return (default all); a page rarely shows most of them. */
  texts?: readonly PageText[];
  /** Also return each row's pre-rendered document (its nested content), for a page that shows nested content. */
  document?: boolean;
}

/** Columns of a page row that a request may leave out: long, optional texts. */
export const PAGE_TEXTS = [
  'description',
  'joint_controllership_arrangement',
  'automated_decision_statement',
  'automated_decision_logic',
  'automated_decision_consequences',
  'third_country_transfers_statement',
  'transfer_safeguard_statement',
  'related_processings_statement',
  'data_subject_rights',
  'processing_location',
] as const satisfies readonly (keyof PublicVersionRow)[];
export type PageText = (typeof PAGE_TEXTS)[number];

/** Columns every page row has. The scope's filter arrays (legal_basis_codes, …) are only filtered on. */
const PAGE_COLUMNS = [
  'version_id',
  'activity_id',
  'organisation_id',
  'reference',
  'version_number',
  'published_at',
  'publish_from',
  'title',
  'legal_role',
  'automated_decision_making',
  'third_country_transfers',
  'recipients_none',
] as const satisfies readonly (keyof PublicVersionRow)[];

/** The record of a change-log event: the columns of a page row with every text (the filter arrays are not shown). */
const CHANGE_RECORD_COLUMNS = [...PAGE_COLUMNS, ...PAGE_TEXTS] as const;
export type ChangeRecordRow = Pick<PublicVersionRow, (typeof CHANGE_RECORD_COLUMNS)[number]>;

/** Where a row stands in an ordering: [sort value, activity id]. */
export type Keyset = [string | number, string];

/** A row of a page: the texts not asked for are absent. */
export type PageRow = Pick<PublicVersionRow, (typeof PAGE_COLUMNS)[number]> &
  Partial<Pick<PublicVersionRow, PageText>> & {
    sort_value: string | number;
    /** Present when the request asked for it (PageRequest.document). */
    document?: PublicDocument;
  };

export interface FacetCount {
  key: string;
  count: number;
}

export type { CountryName, Vocabulary, VocabularyTerm } from './reference-data';

export interface Facets {
  legalBases: FacetCount[];
  organisations: FacetCount[];
  specialCategories: FacetCount[];
  countries: FacetCount[];
}

const ORDERS: Record<PublicActivityOrder, { expr: string; dir: 'asc' | 'desc'; idDir: 'asc' | 'desc' }> = {
  TITLE_ASC: { expr: 'f.title', dir: 'asc', idDir: 'asc' },
  TITLE_DESC: { expr: 'f.title', dir: 'desc', idDir: 'desc' },
  REFERENCE_ASC: { expr: 'f.reference', dir: 'asc', idDir: 'asc' },
  UPDATED_AT_DESC: { expr: "to_char(greatest(f.published_at, f.publish_from) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", dir: 'desc', idDir: 'desc' },
  UPDATED_AT_ASC: { expr: "to_char(greatest(f.published_at, f.publish_from) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", dir: 'asc', idDir: 'asc' },
  RELEVANCE: { expr: 'ts_rank_cd(f.search_vector, query.q)', dir: 'desc', idDir: 'asc' },
};

/**
 * Read access to the public register for one request: reads of the read model
 * (public_processing_activity_version), which holds exactly what is public, so no method here
 * decides visibility. `now` is fixed per request (it orders the request after any scheduled
 * publication that came due, PublicationScheduler.current) so that list, count and facets agree.
 */
export class PublicRegister {
  constructor(
    private readonly knex: Knex,
    private readonly referenceData: PublicReferenceData,
    readonly now: Date = new Date(),
  ) {}

  /** One page in keyset order; fetches one row extra to know whether another page follows. */
  async page(req: PageRequest): Promise<{ rows: PageRow[]; hasNextPage: boolean }> {
    const order = ORDERS[req.order];
    const texts = req.texts ?? PAGE_TEXTS;
    if (texts.some((t) => !PAGE_TEXTS.includes(t))) throw new Error('not a page text column');
    const q = this.filtered(req.filter, req.search)
      .select(selectList(this.knex, [...PAGE_COLUMNS, ...texts, ...(req.document ? ['document'] : [])].map((c) => `f.${c}`)))
      .select(this.knex.raw(`${order.expr} as sort_value`));
    if (req.after) {
      const [value, id] = req.after;
      const cmp = order.dir === 'asc' ? '>' : '<';
      const idCmp = order.idDir === 'asc' ? '>' : '<';
      // Same direction for value and id: a row comparison, which an index on (value, id) can start from.
      if (cmp === idCmp) q.whereRaw(`(${order.expr}, f.activity_id) ${cmp} (?, ?)`, [value, id]);
      else q.whereRaw(`(${order.expr} ${cmp} ? or (${order.expr} = ? and f.activity_id ${idCmp} ?))`, [value, value, id]);
    }
    q.orderByRaw(`${order.expr} ${order.dir}, f.activity_id ${order.idDir}`).limit(req.first + 1);
    const rows: PageRow[] = await q;
    return { rows: rows.slice(0, req.first), hasNextPage: rows.length > req.first };
  }

  async count(filter?: PublicActivityFilter | null, search?: string | null): Promise<number> {
    // A request that asks for facets of the same filter and search gets the count from that statement.
    const facets = this.facetsMemo.get(memoKey(filter, search));
    if (facets) return (await facets).total;
    const [{ count }] = await this.filtered(filter, search).count({ count: '*' });
    return Number(count);
  }

  /** Counts per legal basis, organisation, special category and country over exactly the rows of count(). */
  async facets(filter?: PublicActivityFilter | null, search?: string | null): Promise<Facets> {
    return (await this.facetsWithTotal(filter, search)).facets;
  }

  private readonly facetsMemo = new Map<string, Promise<{ facets: Facets; total: number }>>();

  /** Facets and the total in one statement (one scan of the matching rows), once per filter and search per request. */
  private facetsWithTotal(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): Promise<{ facets: Facets; total: number }> {
    const key = memoKey(filter, search);
    let memo = this.facetsMemo.get(key);
    if (!memo) {
      memo = this.queryFacets(filter, search);
      this.facetsMemo.set(key, memo);
    }
    return memo;
  }

  private async queryFacets(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): Promise<{ facets: Facets; total: number }> {
    const filtered = this.filtered(filter, search).select('f.organisation_id', 'f.legal_basis_codes', 'f.special_category_codes', 'f.transfer_country_codes');
    const { rows }: { rows: { facet: keyof Facets | 'total'; key: string; count: string }[] } = await this.knex.raw(
      `with filtered as materialized (?)
       select 'total' as facet, '' as key, count(*) as count from filtered
       union all select 'legalBases', code, count(*) from filtered, unnest(legal_basis_codes) code group by code
       union all select 'organisations', organisation_id::text, count(*) from filtered group by organisation_id
       union all select 'specialCategories', code, count(*) from filtered, unnest(special_category_codes) code group by code
       union all select 'countries', code, count(*) from filtered, unnest(transfer_country_codes) code group by code`,
      [filtered],
    );
    const facets: Facets = { legalBases: [], organisations: [], specialCategories: [], countries: [] };
    let total = 0;
    for (const r of rows) {
      if (r.facet === 'total') total = Number(r.count);
      else facets[r.facet].push({ key: r.key, count: Number(r.count) });
    }
    for (const list of Object.values(facets)) list.sort((a: FacetCount, b: FacetCount) => b.count - a.count || a.key.localeCompare(b.key));
    return { facets, total };
  }

  /** The current public version of each of these records; hidden and unknown ids are simply absent. */
  async byActivityIds(activityIds: readonly string[]): Promise<PublicVersionRow[]> {
    if (!activityIds.length) return [];
    return this.current().whereIn('activity_id', activityIds);
  }

  async byReference(organisationId: string, reference: string): Promise<PublicVersionRow | null> {
    const [row] = await this.current().where({ organisation_id: organisationId, reference });
    return row ?? null;
  }

  /** Every public version (newest first) of these records. */
  async historyOf(activityIds: readonly string[]): Promise<PublicVersionRow[]> {
    if (!activityIds.length) return [];
    return this.knex
      .select(PUBLIC_VERSION_COLUMNS)
      .from(PUBLIC_VERSIONS)
      .whereIn('activity_id', activityIds)
      .orderBy([{ column: 'activity_id' }, { column: 'version_number', order: 'desc' }]);
  }

  /** One public version by id (of the history of a visible record). */
  async publishedVersion(versionId: string): Promise<PublicVersionRow | null> {
    const [row] = await this.knex.select(PUBLIC_VERSION_COLUMNS).from(PUBLIC_VERSIONS).where('version_id', versionId);
    return row ?? null;
  }

  /** Visible records per organisation (direct, not including sub-organisations). */
  async countsByOrganisation(): Promise<Map<string, number>> {
    const rows: { organisation_id: string; count: string }[] = await this.knex.select('organisation_id').count({ count: '*' }).from(PUBLIC_VERSIONS).where('is_current', true).groupBy('organisation_id');
    return new Map(rows.map((r) => [r.organisation_id, Number(r.count)]));
  }

  /** Events of the change log after a position, each with its record's current public version as a page row (public-changes.ts). */
  changes(after: string, first: number): Promise<{ rows: PublicChangeWithRecord<ChangeRecordRow>[]; hasNextPage: boolean; lastPosition: string }> {
    return readPublicChanges<ChangeRecordRow>(this.knex, after, first, CHANGE_RECORD_COLUMNS);
  }

  /** Labels of the vocabularies, for facets (kept in the process, reference-data.ts). */
  vocabulary(): Promise<Vocabulary> {
    return this.referenceData.vocabulary();
  }

  private current(): Knex.QueryBuilder {
    return this.knex.select(PUBLIC_VERSION_COLUMNS).from(PUBLIC_VERSIONS).where('is_current', true);
  }

  /** The current public versions matching filter and search, as `f` (joined with the tsquery as `query.q` when searching). */
  private filtered(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): Knex.QueryBuilder {
    const k = this.knex;
    const q = k.from({ f: PUBLIC_VERSIONS }).where('f.is_current', true);
    if (search?.trim()) {
      q.with('query', k.raw(`select websearch_to_tsquery('dutch', ?) as q`, [search.trim()]))
        .crossJoin(k.raw('query'))
        .whereRaw('f.search_vector @@ query.q');
    }
    applyFilter(k, q, filter ?? {});
    return q;
  }
}

const renderedLists = new Map<string, string>();

/**
 * Columns ("f.title") as one select list of quoted identifiers, rendered once per list: knex
 * would parse and quote each of them again on every query.
 */
function selectList(knex: Knex, columns: readonly string[]): Knex.Raw {
  const key = columns.join();
  let sql = renderedLists.get(key);
  if (sql === undefined) {
    const quote = (name: string) => {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
      return `"${name}"`;
    };
    sql = columns.map((column) => column.split('.').map(quote).join('.')).join(', ');
    renderedLists.set(key, sql);
  }
  return knex.raw(sql);
}

function memoKey(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): string {
  return JSON.stringify([filter ?? {}, search?.trim() ?? '']);
}

function applyFilter(k: Knex, q: Knex.QueryBuilder, f: PublicActivityFilter): void {
  if (f.organisationId) {
    q.whereRaw(
      `f.organisation_id in (${SUBTREE_IDS_SQL})`,
      [f.organisationId],
    );
  }
  if (f.legalBases?.length) q.whereRaw('f.legal_basis_codes && ?::text[]', [f.legalBases]);
  if (f.hasSpecialCategories != null) q.whereRaw(`cardinality(f.special_category_codes) ${f.hasSpecialCategories ? '>' : '='} 0`);
  if (f.specialCategory) q.whereRaw('f.special_category_codes @> array[?]::text[]', [f.specialCategory]);
  if (f.dataSubject) q.whereExists(k.select(k.raw(1)).from('data_subject_group as g').whereRaw('g.version_id = f.version_id').where('g.description', 'ilike', contains(f.dataSubject)));
  if (f.recipient) q.whereExists(k.select(k.raw(1)).from('recipient as r').whereRaw('r.version_id = f.version_id').where('r.description', 'ilike', contains(f.recipient)));
  if (f.hasThirdCountryTransfers != null) q.whereRaw(`f.third_country_transfers is ${f.hasThirdCountryTransfers ? 'true' : 'not true'}`);
  if (f.transferCountry) q.whereRaw('f.transfer_country_codes @> array[?]::text[]', [f.transferCountry.toUpperCase()]);
  if (f.automatedDecisionMaking != null) q.where('f.automated_decision_making', f.automatedDecisionMaking);
  if (f.legalRole) q.where('f.legal_role', f.legalRole);
  if (f.updatedSince) q.whereRaw('greatest(f.published_at, f.publish_from) >= ?', [f.updatedSince]);
}

/** An ILIKE pattern matching the text anywhere, with the user's % and _ taken literally. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The version the public sees now of each of these records (by activity id), from the read model:
 * for the sync surface's "what the public sees", which must not decide it a second time.
 */
export async function currentPublicVersionIds(knex: Knex, activityIds: readonly string[]): Promise<Map<string, string>> {
  if (!activityIds.length) return new Map();
  const rows: { activity_id: string; version_id: string }[] = await knex.select('activity_id', 'version_id').from(PUBLIC_VERSIONS).where('is_current', true).whereIn('activity_id', activityIds);
  return new Map(rows.map((r) => [r.activity_id, r.version_id]));
}
