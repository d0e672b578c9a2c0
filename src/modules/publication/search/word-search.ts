import type { Knex } from '@mikro-orm/postgresql';
import { type Keyset, PUBLIC_PARTICIPANTS } from '../public-register';
import type { SearchWord } from './search-plan';

/**
 * The SQL that answers a search of one word, or of alternative words (synonyms, a prefix's
 * completions), from the postings and per-word counts (search-index-sql.ts), in place of the GIN
 * index and ranking every match (docs/performance.md, "Search").
 */

/**
 * Above this many postings (the words' record counts added up), the total and facets of a search
 * of alternative words, without a filter, are estimated from the words' own counts instead of
 * counted over the matching records; below it they are exact. A one-word search is always exact.
 * SEARCH_EXACT_COUNT_LIMIT sets it (src/config.ts).
 */
export const DEFAULT_EXACT_COUNT_LIMIT = 5_000;

/** A row of facet counts: the total (facet 'total', key '') or a count per key. */
export interface FacetRow {
  facet: 'total' | 'legalBases' | 'organisations' | 'specialCategories' | 'countries';
  key: string;
  count: number | string;
}

const FACET_NAMES = `case facet when 'T' then 'total' when 'O' then 'organisations' when 'L' then 'legalBases' when 'S' then 'specialCategories' else 'countries' end`;

/**
 * The postings of these words after a keyset position, in relevance order (score desc, activity
 * id asc), as the derived table `c` (lexeme, activity_id, score): one index range per word, each
 * ordered, which PostgreSQL merges (Merge Append) and stops reading at the page's limit.
 */
export function wordStream(knex: Knex, lexemes: readonly string[], after: Keyset | null): Knex.Raw {
  // score <= s first: the index range starts at the keyset instead of being filtered from the top.
  const keyset = after ? ' and score <= ? and (score < ? or activity_id > ?)' : '';
  const branch = `(select lexeme, activity_id, score from public_search_posting where lexeme = ?${keyset} order by score desc, activity_id)`;
  const bindings = lexemes.flatMap((l) => (after ? [l, after[0], after[0], after[1]] : [l]));
  return knex.raw(`(${lexemes.map(() => branch).join(' union all ')}) as c`, bindings);
}

/**
 * For a search of several words: that posting `c` is its record's best (highest score, then the
 * first word), so each record is listed once, ranked by its best word. Computed from the record's
 * vector `f.search_vector` with the postings' own score function. (Written as NOT EXISTS so that
 * PostgreSQL expects most postings to pass and keeps the merged, limited plan.)
 */
export function wordIsBest(knex: Knex, lexemes: readonly string[]): Knex.Raw {
  return knex.raw(
    `not exists (select 1 from unnest(f.search_vector) u
                  where u.lexeme = any(?::text[]) and u.lexeme <> c.lexeme
                    and (ts_rank_cd(f.search_vector, public_search_lexeme(u.lexeme)), c.lexeme) > (c.score, u.lexeme))`,
    [[...lexemes]],
  );
}

/** The total and facets of a one-word search over every visible record (word '': of every visible record), as kept per word. */
export async function precomputedFacets(knex: Knex, lexeme: string): Promise<FacetRow[]> {
  const { rows } = await knex.raw<{ rows: FacetRow[] }>(
    withAdoptions(`select ${FACET_NAMES} as facet, key, records as count from public_search_facet where lexeme = ? and records > 0`, lexeme === '' ? null : [lexeme]),
    lexeme === '' ? [lexeme] : [lexeme, [lexeme]],
  );
  return rows;
}

/**
 * The kept counts are per owner. A shared record is listed, and counted in the organisation facet,
 * for every organisation that adopted it too (public_processing_activity_participant holds only
 * public adoptions): those counts are added here, exactly, from the adoptions of the records
 * having one of `lexemes` (null: every record). Adoptions are few, the word's postings one range.
 */
function withAdoptions(counts: string, lexemes: readonly string[] | null): string {
  const adopted = lexemes ? `where pp.activity_id in (select activity_id from public_search_posting where lexeme = any(?::text[]))` : '';
  return `select facet, key, sum(count)::integer as count from (
            ${counts}
            union all
            select 'organisations', pp.organisation_id::text, count(*) from ${PUBLIC_PARTICIPANTS} pp ${adopted} group by pp.organisation_id
          ) counted group by facet, key`;
}

/**
 * The total and facets of a search of alternative words, estimated from each word's counts: per
 * facet key (and for the total), with N records of that key and c_i of them having word i, the
 * records having any of the words if the words occurred independently, N·(1 − Π(1 − c_i/N)),
 * kept between the largest c_i and min(N, Σ c_i) (the bounds that hold whatever the overlap).
 */
export async function estimatedWordFacets(knex: Knex, words: readonly SearchWord[]): Promise<FacetRow[]> {
  const lexemes = words.map((w) => w.lexeme);
  const { rows } = await knex.raw<{ rows: FacetRow[] }>(
    withAdoptions(
      `select ${FACET_NAMES} as facet, key, round(least(greatest(n * (1 - exp(sum(ln(greatest(1 - c::float8 / n, 1e-300))))), max(c)), n, sum(c)))::integer as count
         from (select w.facet, w.key, w.records as c, a.records as n
                 from public_search_facet w join public_search_facet a on a.lexeme = '' and a.facet = w.facet and a.key = w.key
                where w.lexeme = any(?::text[]) and w.records > 0 and a.records > 0) x
        group by facet, key, n`,
      lexemes,
    ),
    [lexemes, lexemes],
  );
  return rows.filter((r) => Number(r.count) > 0);
}
