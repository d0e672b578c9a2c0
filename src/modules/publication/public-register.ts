import type { Knex } from '@mikro-orm/postgresql';
import { SUBTREE_IDS_SQL } from '../organisation/organisation-scope';
import { type PublicChangeWithRecord, readPublicChanges } from './public-changes';
import { type PublicDataItemRetentionRules, type PublicDocument, withDataItemRetentionRules } from './public-document';
import { type PublicActivityFilter, PublicActivityOrder } from './public-filter';
import type { PublicReferenceData, Vocabulary } from './reference-data';
import { type ResolvedSearch, SearchPlanner } from './search/search-plan';
import { DEFAULT_EXACT_COUNT_LIMIT, estimatedWordFacets, type FacetRow, precomputedFacets, wordIsBest, wordStream } from './search/word-search';

/** The read model's table: every public version of every visible record, the current one flagged (public-scope.ts). */
export const PUBLIC_VERSIONS = 'public_processing_activity_version';

/** The read model's public adoptions: which organisations list a visible record of another organisation too (public-scope.ts). */
export const PUBLIC_PARTICIPANTS = 'public_processing_activity_participant';

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
  /** With the document: also its data items' retention rules (kept apart in the read model; a page seldom shows them). */
  dataItemRetentionRules?: boolean;
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
    /** Present when the request asked for it (PageRequest.document); its data items' retentionRules only when asked for too. */
    document?: PublicDocument;
  };

/** The columns of a page row beyond PAGE_COLUMNS that this request asks for. */
function requestedColumns(req: PageRequest, texts: readonly PageText[]): string[] {
  if (!req.document) return [...texts];
  return req.dataItemRetentionRules ? [...texts, 'document', 'data_item_retention_rules'] : [...texts, 'document'];
}

/** Rows as read: the read model keeps the data items' retention rules beside the document. */
type PageRowRead = PageRow & { data_item_retention_rules?: PublicDataItemRetentionRules | null };

/** The rows with their data items' retention rules in place in the document, where read. */
function pageRows(rows: PageRowRead[]): PageRow[] {
  for (const row of rows) if (row.document && row.data_item_retention_rules) withDataItemRetentionRules(row.document, row.data_item_retention_rules);
  return rows;
}

/**
 * Visible records per organisation, from which its counts with and without sub-organisations are
 * exact: a shared record counts once for each organisation that lists it (owner or participant),
 * and once in a subtree that holds several of them.
 */
export interface OrganisationCounts {
  /** Records of the organisation that no other organisation adopted. */
  unshared: Map<string, number>;
  /** Shared records the organisation owns or adopted. */
  sharedDirect: Map<string, number>;
  /** Distinct shared records owned or adopted anywhere in the organisation's subtree. */
  sharedInSubtree: Map<string, number>;
}

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

/** A number of records, exact or estimated (above a threshold of matches, search/word-search.ts). */
export interface Counted {
  total: number;
  estimated: boolean;
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
  private readonly planner: SearchPlanner;
  private readonly exactCountLimit: number;

  constructor(
    private readonly knex: Knex,
    private readonly referenceData: PublicReferenceData,
    readonly now: Date = new Date(),
    options: { exactCountLimit?: number } = {},
  ) {
    this.planner = new SearchPlanner(knex);
    this.exactCountLimit = options.exactCountLimit ?? DEFAULT_EXACT_COUNT_LIMIT;
  }

  private readonly searches = new Map<string, Promise<ResolvedSearch>>();

  /** What a search text asks for (search/search-plan.ts), once per text per request; null without a search. */
  private async resolve(search: string | null | undefined): Promise<ResolvedSearch | null> {
    const text = search?.trim();
    if (!text) return null;
    let memo = this.searches.get(text);
    if (!memo) {
      memo = this.planner.resolve(text);
      this.searches.set(text, memo);
    }
    return memo;
  }

  /** One page in keyset order; fetches one row extra to know whether another page follows. */
  async page(req: PageRequest): Promise<{ rows: PageRow[]; hasNextPage: boolean }> {
    const order = ORDERS[req.order];
    const texts = req.texts ?? PAGE_TEXTS;
    if (texts.some((t) => !PAGE_TEXTS.includes(t))) throw new Error('not a page text column');
    const search = await this.resolve(req.search);
    if (search?.kind === 'nothing') return { rows: [], hasNextPage: false };
    if (search?.kind === 'words' && req.order === PublicActivityOrder.RELEVANCE) return this.wordsPage(search.words.map((w) => w.lexeme), req, texts);
    const q = this.filtered(req.filter, search)
      .select(selectList(this.knex, [...PAGE_COLUMNS, ...requestedColumns(req, texts)].map((c) => `f.${c}`)))
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
    const rows = pageRows(await q);
    return { rows: rows.slice(0, req.first), hasNextPage: rows.length > req.first };
  }

  async count(filter?: PublicActivityFilter | null, search?: string | null): Promise<number> {
    return (await this.countOf(filter, search)).total;
  }

  /** The number of records matching, and whether it is an estimate (a search of many words' alternatives, search/word-search.ts). */
  async countOf(filter?: PublicActivityFilter | null, search?: string | null): Promise<Counted> {
    // A request that asks for facets of the same filter and search gets the count from that statement.
    const facets = this.facetsMemo.get(memoKey(filter, search));
    if (facets) return facets;
    const resolved = await this.resolve(search);
    if (resolved?.kind === 'nothing') return { total: 0, estimated: false };
    if (this.answeredFromCounts(filter, resolved)) return this.facetsWithTotal(filter, search);
    const [{ count }] = await this.filtered(filter, resolved).count({ count: '*' });
    return { total: Number(count), estimated: false };
  }

  /** Counts per legal basis, organisation, special category and country over exactly the rows of count(). */
  async facets(filter?: PublicActivityFilter | null, search?: string | null): Promise<Facets & Counted> {
    const { facets, total, estimated } = await this.facetsWithTotal(filter, search);
    return { ...facets, total, estimated };
  }

  private readonly facetsMemo = new Map<string, Promise<{ facets: Facets } & Counted>>();

  /** Facets and the total in one statement (one scan of the matching rows, or the search's counts), once per filter and search per request. */
  private facetsWithTotal(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): Promise<{ facets: Facets } & Counted> {
    const key = memoKey(filter, search);
    let memo = this.facetsMemo.get(key);
    if (!memo) {
      memo = this.queryFacets(filter, search);
      this.facetsMemo.set(key, memo);
    }
    return memo;
  }

  /**
   * Without a filter, the counts of everything and of a one-word search are rows of
   * public_search_facet, and those of a search of many words' alternatives are estimated from
   * them above exactCountLimit postings (0: never).
   */
  private answeredFromCounts(filter: PublicActivityFilter | null | undefined, search: ResolvedSearch | null): boolean {
    if (hasConditions(filter)) return false;
    if (!search) return true;
    if (search.kind !== 'words') return false;
    return search.words.length === 1 || (this.exactCountLimit > 0 && search.words.reduce((n, w) => n + (w.records ?? 0), 0) > this.exactCountLimit);
  }

  private async queryFacets(filter: PublicActivityFilter | null | undefined, search: string | null | undefined): Promise<{ facets: Facets } & Counted> {
    const resolved = await this.resolve(search);
    let rows: FacetRow[];
    let estimated = false;
    if (resolved?.kind === 'nothing') rows = [];
    else if (this.answeredFromCounts(filter, resolved)) {
      const words = resolved?.kind === 'words' ? resolved.words : [];
      estimated = words.length > 1;
      rows = estimated ? await estimatedWordFacets(this.knex, words) : await precomputedFacets(this.knex, words[0]?.lexeme ?? '');
    } else {
      const filtered = this.filtered(filter, resolved).select('f.activity_id', 'f.organisation_id', 'f.legal_basis_codes', 'f.special_category_codes', 'f.transfer_country_codes');
      rows = (
        await this.knex.raw(
          `with filtered as materialized (?)
           select 'total' as facet, '' as key, count(*) as count from filtered
           union all select 'legalBases', code, count(*) from filtered, unnest(legal_basis_codes) code group by code
           union all select 'organisations', organisation_id::text, count(*) from (
             select organisation_id from filtered
             union all select pp.organisation_id from filtered join ${PUBLIC_PARTICIPANTS} pp using (activity_id)) listed group by organisation_id
           union all select 'specialCategories', code, count(*) from filtered, unnest(special_category_codes) code group by code
           union all select 'countries', code, count(*) from filtered, unnest(transfer_country_codes) code group by code`,
          [filtered],
        )
      ).rows;
    }
    const facets: Facets = { legalBases: [], organisations: [], specialCategories: [], countries: [] };
    let total = 0;
    for (const r of rows) {
      if (r.facet === 'total') total = Number(r.count);
      else facets[r.facet].push({ key: r.key, count: Number(r.count) });
    }
    for (const list of Object.values(facets)) list.sort((a: FacetCount, b: FacetCount) => b.count - a.count || a.key.localeCompare(b.key));
    return { facets, total, estimated };
  }

  /**
   * A page of a search of one word or of alternative words, by relevance: the postings of each
   * word in score order, merged, each record at its best word (search/word-search.ts). The rank
   * of one word is its ts_rank_cd, as the general query ranks it.
   */
  private async wordsPage(lexemes: string[], req: PageRequest, texts: readonly PageText[]): Promise<{ rows: PageRow[]; hasNextPage: boolean }> {
    const k = this.knex;
    const q = k
      .select(selectList(k, [...PAGE_COLUMNS, ...requestedColumns(req, texts)].map((c) => `f.${c}`)))
      .select(k.raw('c.score as sort_value'))
      .from(wordStream(k, lexemes, req.after ?? null))
      .join({ f: PUBLIC_VERSIONS }, (j) => j.on('f.activity_id', '=', 'c.activity_id').andOn(k.raw('f.is_current')));
    if (lexemes.length > 1) q.whereRaw(wordIsBest(k, lexemes));
    applyFilter(k, q, req.filter ?? {});
    q.orderByRaw('c.score desc, c.activity_id asc').limit(req.first + 1);
    const rows = pageRows(await q);
    return { rows: rows.slice(0, req.first), hasNextPage: rows.length > req.first };
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

  /**
   * Visible records per organisation, adopted ones included (OrganisationCounts), in one statement.
   * The records per owner come from the (organisation_id, reference) index alone, as before there
   * were shared records; only the shared records, few, are looked at one by one and followed up the
   * tree, each organisation of the tree once per record (`union`), so a record adopted by two
   * sub-organisations counts once for the parent (docs/performance.md, "Shared records").
   */
  countsByOrganisation(): Promise<OrganisationCounts> {
    return readOrganisationCounts(this.knex);
  }

  /** The organisations that adopted each of these visible records (empty for a record nobody adopted), by organisation name. */
  async participantsOf(activityIds: readonly string[]): Promise<Map<string, string[]>> {
    const byActivity = new Map<string, string[]>(activityIds.map((id) => [id, []]));
    if (!activityIds.length) return byActivity;
    const rows: { activity_id: string; organisation_id: string }[] = await this.knex
      .select('pp.activity_id', 'pp.organisation_id')
      .from({ pp: PUBLIC_PARTICIPANTS })
      .join({ o: 'organisation' }, 'o.id', 'pp.organisation_id')
      .whereIn('pp.activity_id', activityIds)
      .orderBy([{ column: 'o.name' }, { column: 'o.id' }]);
    for (const r of rows) byActivity.get(r.activity_id)?.push(r.organisation_id);
    return byActivity;
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
  private filtered(filter: PublicActivityFilter | null | undefined, search: Exclude<ResolvedSearch, { kind: 'nothing' }> | null): Knex.QueryBuilder {
    const k = this.knex;
    const q = k.from({ f: PUBLIC_VERSIONS }).where('f.is_current', true);
    if (search) {
      q.with('query', k.raw(`select ?::tsquery as q`, [search.tsquery]))
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

/** Whether a filter has any condition applyFilter applies (the same tests). */
function hasConditions(f: PublicActivityFilter | null | undefined): boolean {
  if (!f) return false;
  return Boolean(
    f.organisationId || f.legalBases?.length || f.hasSpecialCategories != null || f.specialCategory || f.dataSubject || f.recipient ||
      f.hasThirdCountryTransfers != null || f.transferCountry || f.automatedDecisionMaking != null || f.legalRole || f.updatedSince,
  );
}

function applyFilter(k: Knex, q: Knex.QueryBuilder, f: PublicActivityFilter): void {
  if (f.organisationId) {
    // Its own records, its sub-organisations' records, and the records any of them adopted (each
    // once: a condition on the row, not a join). The adopted ids are a hashed subplan, one lookup
    // per row (docs/performance.md, "Shared records").
    q.whereRaw(
      `(f.organisation_id in (${SUBTREE_IDS_SQL}) or f.activity_id in (select pp.activity_id from ${PUBLIC_PARTICIPANTS} pp where pp.organisation_id in (${SUBTREE_IDS_SQL})))`,
      [f.organisationId, f.organisationId],
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

/** PublicRegister.countsByOrganisation, on any connection or transaction (the downloads read it in their snapshot). */
export async function readOrganisationCounts(knex: Knex): Promise<OrganisationCounts> {
  const { rows }: { rows: { organisation_id: string; kind: 'owned' | 'sharedOwned' | 'sharedDirect' | 'sharedInSubtree'; count: string }[] } = await knex.raw(
    `with recursive owner(activity_id, organisation_id) as materialized (
       select v.activity_id, v.organisation_id from ${PUBLIC_VERSIONS} v where v.is_current and v.activity_id in (select pp.activity_id from ${PUBLIC_PARTICIPANTS} pp)
     ), member(activity_id, organisation_id) as (
       select pp.activity_id, pp.organisation_id from ${PUBLIC_PARTICIPANTS} pp union select activity_id, organisation_id from owner
     ), up(activity_id, organisation_id) as (
       select activity_id, organisation_id from member
       union select u.activity_id, o.parent_id from up u join organisation o on o.id = u.organisation_id where o.parent_id is not null
     )
     select organisation_id, 'owned' as kind, count(*) from ${PUBLIC_VERSIONS} where is_current group by organisation_id
     union all select organisation_id, 'sharedOwned', count(*) from owner group by organisation_id
     union all select organisation_id, 'sharedDirect', count(*) from member group by organisation_id
     union all select organisation_id, 'sharedInSubtree', count(*) from up group by organisation_id`,
  );
  const counts: OrganisationCounts = { unshared: new Map(), sharedDirect: new Map(), sharedInSubtree: new Map() };
  const sharedOwned = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === 'owned') counts.unshared.set(r.organisation_id, Number(r.count));
    else if (r.kind === 'sharedOwned') sharedOwned.set(r.organisation_id, Number(r.count));
    else counts[r.kind].set(r.organisation_id, Number(r.count));
  }
  // Owned records less the shared ones among them (those count through sharedDirect and sharedInSubtree).
  for (const [id, n] of sharedOwned) counts.unshared.set(id, (counts.unshared.get(id) ?? 0) - n);
  return counts;
}
