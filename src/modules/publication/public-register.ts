import type { Knex } from '@mikro-orm/postgresql';
import { SUBTREE_IDS_SQL } from '../organisation/organisation-scope';
import { type PublicActivityFilter, PublicActivityOrder } from './public-filter';
import { publishedVersionsQuery, PUBLIC_VERSION_COLUMNS, type PublicVersionRow, selectList, visibleVersionsQuery } from './public-scope';

export interface PageRequest {
  filter?: PublicActivityFilter | null;
  search?: string | null;
  order: PublicActivityOrder;
  first: number;
  /** Keyset position after which to continue (decoded cursor). */
  after?: Keyset | null;
  /** The texts to return (default all); a page rarely shows most of them. */
  texts?: readonly PageText[];
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

/** Where a row stands in an ordering: [sort value, activity id]. */
export type Keyset = [string | number, string];

/** A row of a page: the texts not asked for are absent. */
export type PageRow = Pick<PublicVersionRow, (typeof PAGE_COLUMNS)[number]> &
  Partial<Pick<PublicVersionRow, PageText>> & {
    sort_value: string | number;
  };

export interface FacetCount {
  key: string;
  count: number;
}

export interface VocabularyTerm {
  code: string;
  label: string;
  labelEn: string;
  gdprArticle: string | null;
  dpvIri: string | null;
}

export interface CountryName {
  code: string;
  name: string;
  nameEn: string;
}

export interface Vocabulary {
  legalBases: Map<string, VocabularyTerm>;
  specialCategories: Map<string, VocabularyTerm>;
  countries: Map<string, CountryName>;
}

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
 * Read access to the public register for one request. Every method starts from the public scope
 * (public-scope.ts), so what it returns is published, in force and not withheld. `now` is fixed
 * per request so that list, count and facets agree with each other.
 */
export class PublicRegister {
  constructor(
    private readonly knex: Knex,
    readonly now: Date = new Date(),
  ) {}

  /** One page in keyset order; fetches one row extra to know whether another page follows. */
  async page(req: PageRequest): Promise<{ rows: PageRow[]; hasNextPage: boolean }> {
    const order = ORDERS[req.order];
    const texts = req.texts ?? PAGE_TEXTS;
    if (texts.some((t) => !PAGE_TEXTS.includes(t))) throw new Error('not a page text column');
    const q = this.filtered(req.filter, req.search)
      .select(selectList(this.knex, [...PAGE_COLUMNS, ...texts].map((c) => `f.${c}`)))
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

  /** The visible version of each of these records; hidden and unknown ids are simply absent. */
  async byActivityIds(activityIds: readonly string[]): Promise<PublicVersionRow[]> {
    if (!activityIds.length) return [];
    return this.knex.with('visible', visibleVersionsQuery(this.knex, this.now)).select('*').from('visible').whereIn('activity_id', activityIds);
  }

  async byReference(organisationId: string, reference: string): Promise<PublicVersionRow | null> {
    const rows = await this.knex
      .with('visible', visibleVersionsQuery(this.knex, this.now))
      .select('*')
      .from('visible')
      .where({ organisation_id: organisationId, reference });
    return rows[0] ?? null;
  }

  /** Every published version (newest first) of records that are visible now; keyed by activity id. */
  async historyOf(activityIds: readonly string[]): Promise<PublicVersionRow[]> {
    const visible = await this.byActivityIds(activityIds);
    if (!visible.length) return [];
    return publishedVersionsQuery(this.knex, this.now)
      .select(PUBLIC_VERSION_COLUMNS)
      .where('v.legal_role', 'CONTROLLER')
      .whereIn(
        'v.activity_id',
        visible.map((r) => r.activity_id),
      )
      .orderBy([{ column: 'v.activity_id' }, { column: 'v.version_number', order: 'desc' }]);
  }

  /** One published version by id, only when its record is visible now. */
  async publishedVersion(versionId: string): Promise<PublicVersionRow | null> {
    const [row] = await publishedVersionsQuery(this.knex, this.now).select(PUBLIC_VERSION_COLUMNS).where('v.id', versionId).where('v.legal_role', 'CONTROLLER');
    if (!row) return null;
    return (await this.byActivityIds([row.activity_id])).length ? row : null;
  }

  /** Visible records per organisation (direct, not including sub-organisations). */
  async countsByOrganisation(): Promise<Map<string, number>> {
    const rows: { organisation_id: string; count: string }[] = await this.knex
      .with('visible', visibleVersionsQuery(this.knex, this.now))
      .select('organisation_id')
      .count({ count: '*' })
      .from('visible')
      .groupBy('organisation_id');
    return new Map(rows.map((r) => [r.organisation_id, Number(r.count)]));
  }

  /** Labels of the vocabularies, for facets (small reference tables). */
  async vocabulary(): Promise<Vocabulary> {
    const terms = (table: string) =>
      this.knex.select('code', 'label_nl as label', 'label_en as labelEn', 'gdpr_article as gdprArticle', 'dpv_iri as dpvIri').from(table) as Promise<VocabularyTerm[]>;
    const [legalBases, specialCategories, countries] = await Promise.all([
      terms('legal_basis'),
      terms('special_category'),
      this.knex.select('code', 'name_nl as name', 'name_en as nameEn').from('country') as Promise<CountryName[]>,
    ]);
    const byCode = <T extends { code: string }>(list: T[]) => new Map(list.map((t) => [t.code.trim(), { ...t, code: t.code.trim() }]));
    return { legalBases: byCode(legalBases), specialCategories: byCode(specialCategories), countries: byCode(countries) };
  }

  /** The visible rows matching filter and search, as `f` (joined with the tsquery as `query.q` when searching). */
  private filtered(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): Knex.QueryBuilder {
    const k = this.knex;
    const searching = !!search?.trim();
    const visible = visibleVersionsQuery(k, this.now, searching ? ['v.search_vector'] : []);
    const q = k.with('visible', visible).from({ f: 'visible' });
    if (searching) {
      q.with('query', k.raw(`select websearch_to_tsquery('dutch', ?) as q`, [search!.trim()]))
        .crossJoin(k.raw('query'))
        .whereRaw('f.search_vector @@ query.q');
    }
    applyFilter(k, q, filter ?? {});
    return q;
  }
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
