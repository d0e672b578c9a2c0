import type { Knex } from '@mikro-orm/postgresql';
import { boundedCache } from '../../common/bounded-cache';
import { SEARCH_SYNONYMS } from './synonyms';
import { formatTsQuery, joined, operandsOf, parseTsQuery, type TsQuery, word } from './tsquery';

/**
 * From what someone typed to what the read model answers it with (docs/public-api.md, "Search"):
 *
 * - The text is web-search syntax (PostgreSQL's `websearch_to_tsquery`, Dutch stemming: words,
 *   "phrases", `-word`, `or`). A word ending in `*` (`klach*`) is a prefix: it matches the
 *   MAX_EXPANSIONS most frequent words of the register that start with it (type-ahead).
 * - Synonyms and abbreviations (synonyms.ts) are applied to the stemmed query: `bsn` becomes
 *   `bsn | burgerservicenummer | sofinummer`.
 * - A search of one word, or of the alternatives of one word (synonyms, a prefix), is answered
 *   from the postings (`words`); anything else (several words, phrases, exclusions, an `or` typed
 *   by hand) through the GIN index and ts_rank_cd as before (`query`).
 */
export type ResolvedSearch =
  /** Matches no record: stop words only, or a prefix nothing in the register starts with. */
  | { kind: 'nothing' }
  /** Records with any of these words (each in `records` current records), ranked by their best word's score. */
  | { kind: 'words'; words: SearchWord[]; tsquery: string }
  /** A general query (tsquery text), ranked by ts_rank_cd. */
  | { kind: 'query'; tsquery: string };

export interface SearchWord {
  lexeme: string;
  /** Current records with the word; null when not looked up (a search of this word alone). */
  records: number | null;
}

/** A prefix matches at most this many words (the most frequent), like Elasticsearch's max_expansions. */
export const MAX_EXPANSIONS = 50;

/** What the text gives before anything of the register is looked at (kept per text: stemming does not change). */
interface ParsedText {
  /** The stemmed query, synonyms applied, prefixes as `word:*` leaves; null: nothing to search for. */
  query: TsQuery | null;
  /** websearch_to_tsquery's own text, used as is when neither synonyms nor prefixes changed the query. */
  original: string | null;
  changed: boolean;
}

const parsedTexts = boundedCache<string, ParsedText>({ maxEntries: 2_000, maxBytes: 4 * 1024 * 1024 }, (p, text) => 200 + 4 * text.length + 8 * (p.original?.length ?? 0));

/** A word typed with a trailing `*`, outside quotes; `-` in front excludes it. */
const PREFIX_WORD = /^(-?)([\p{L}\p{N}]+)\*+$/u;

/** Splits off the prefix words (`klach*`), which websearch_to_tsquery would treat as plain words. */
export function splitPrefixWords(text: string): { rest: string; prefixes: { word: string; negated: boolean }[] } {
  const rest: string[] = [];
  const prefixes: { word: string; negated: boolean }[] = [];
  // Quoted phrases are kept whole: a * inside quotes is not a prefix.
  for (const segment of text.match(/"[^"]*"?|[^"]+/g) ?? []) {
    if (segment.startsWith('"')) {
      rest.push(segment);
      continue;
    }
    for (const chunk of segment.split(/\s+/)) {
      const m = PREFIX_WORD.exec(chunk);
      if (m) prefixes.push({ word: m[2], negated: m[1] === '-' });
      else if (chunk) rest.push(chunk);
    }
  }
  return { rest: rest.join(' '), prefixes };
}

export class SearchPlanner {
  constructor(private readonly knex: Knex) {}

  /** The query a search text asks for, with prefixes expanded to the register's words; see ResolvedSearch. */
  async resolve(text: string): Promise<ResolvedSearch> {
    const parsed = await this.parse(text);
    if (!parsed.query) return { kind: 'nothing' };
    const prefixes = leaves(parsed.query).filter((w) => w.prefix);
    const completions = new Map<string, SearchWord[]>();
    if (prefixes.length) {
      const rows: { prefix: string; lexeme: string; records: number }[] = (
        await this.knex.raw(
          `select p.prefix, w.lexeme, w.records
             from unnest(?::text[]) p(prefix)
             cross join lateral (select lexeme, records from public_search_facet
                                  where facet = 'T' and key = '' and lexeme >= p.prefix and lexeme < p.prefix || chr(1114111) and starts_with(lexeme, p.prefix) and records > 0
                                  order by records desc, lexeme limit ${MAX_EXPANSIONS}) w`,
          [[...new Set(prefixes.map((p) => p.lexeme))]],
        )
      ).rows;
      for (const r of rows) completions.set(r.prefix, [...(completions.get(r.prefix) ?? []), { lexeme: r.lexeme, records: Number(r.records) }]);
    }
    // A prefix becomes the alternatives of its completions; without completions, the word itself (which is then in no record).
    const expanded = mapLeaves(parsed.query, (w) => (w.prefix ? (joined((completions.get(w.lexeme) ?? [{ lexeme: w.lexeme, records: 0 }]).map((c) => word(c.lexeme)), 'or') ?? w) : w));
    const tsquery = parsed.changed || prefixes.length ? formatTsQuery(expanded) : parsed.original!;

    // One word, or alternatives that synonyms or a prefix made: the postings answer it.
    const alternatives = operandsOf(expanded, 'or');
    const simple = alternatives.every((a) => a.kind === 'word' && !a.weights);
    if (simple && (alternatives.length === 1 || parsed.changed || prefixes.length)) {
      const lexemes = [...new Set(alternatives.map((a) => (a as { lexeme: string }).lexeme))];
      // One word: its postings and counts are all there is to read (no record of it: no rows), so its record count is not needed.
      if (lexemes.length === 1 && !prefixes.length) return { kind: 'words', words: [{ lexeme: lexemes[0], records: null }], tsquery };
      const known = new Map([...completions.values()].flat().map((c) => [c.lexeme, c.records]));
      const missing = lexemes.filter((l) => !known.has(l));
      if (missing.length) {
        const rows: { lexeme: string; records: number }[] = await this.knex('public_search_facet').select('lexeme', 'records').where({ facet: 'T', key: '' }).whereIn('lexeme', missing);
        for (const r of rows) known.set(r.lexeme, Number(r.records));
      }
      const words = lexemes.map((lexeme) => ({ lexeme, records: known.get(lexeme) ?? 0 })).filter((w) => w.records > 0);
      return words.length ? { kind: 'words', words, tsquery } : { kind: 'nothing' };
    }
    return { kind: 'query', tsquery };
  }

  private async parse(text: string): Promise<ParsedText> {
    const cached = parsedTexts.get(text);
    if (cached) return cached;
    const { rest, prefixes } = splitPrefixWords(text);
    const { rows } = await this.knex.raw<{ rows: { rest: string; prefixes: string[] }[] }>(
      `select websearch_to_tsquery('dutch', ?)::text as rest, array(select to_tsquery('dutch', w || ':*')::text from unnest(?::text[]) with ordinality u(w, n) order by n) as prefixes`,
      [rest, prefixes.map((p) => p.word)],
    );
    const original = rows[0].rest;
    const parts: TsQuery[] = [];
    const base = parseTsQuery(original);
    if (base) parts.push(base);
    prefixes.forEach((p, i) => {
      const q = parseTsQuery(rows[0].prefixes[i]);
      if (q) parts.push(p.negated ? { kind: 'not', arg: q } : q);
    });
    const synonyms = await this.synonyms();
    const combined = joined(parts, 'and');
    const query = combined && withSynonyms(combined, synonyms);
    const parsed: ParsedText = { query, original: base ? original : null, changed: prefixes.length > 0 || (query !== null && formatTsQuery(query) !== formatTsQuery(combined!)) };
    parsedTexts.set(text, parsed);
    return parsed;
  }

  private synonyms(): Promise<SynonymGroup[]> {
    synonymsMemo ??= loadSynonyms(this.knex).catch((e: unknown) => {
      synonymsMemo = null;
      throw e;
    });
    return synonymsMemo;
  }
}

/** A group of synonyms, each term as its stemmed words in order and as the phrase that finds it. */
export type SynonymGroup = { lexemes: string[]; phrase: TsQuery }[];

let synonymsMemo: Promise<SynonymGroup[]> | null = null;

/** The synonym terms through PostgreSQL's Dutch dictionary (once per process). Terms of stop words only are dropped. */
export async function loadSynonyms(knex: Knex): Promise<SynonymGroup[]> {
  const terms = SEARCH_SYNONYMS.flat();
  const { rows } = await knex.raw<{ rows: { term: string; phrase: string }[] }>(`select t as term, phraseto_tsquery('dutch', t)::text as phrase from unnest(?::text[]) t`, [terms]);
  const phrases = new Map(rows.map((r) => [r.term, parseTsQuery(r.phrase)]));
  return SEARCH_SYNONYMS.map((group) => group.flatMap((term) => {
    const phrase = phrases.get(term);
    return phrase ? [{ lexemes: leaves(phrase).map((w) => w.lexeme), phrase }] : [];
  })).filter((group) => group.length > 1);
}

/**
 * The query with each synonym term it contains widened to the term's group: a word (anywhere,
 * also inside a phrase or an exclusion) by the alternatives; a term of several words when an
 * `and` holds all its words, or a phrase is exactly the term. Only the text as typed is widened,
 * not the alternatives added.
 */
export function withSynonyms(query: TsQuery, groups: readonly SynonymGroup[]): TsQuery {
  const single = new Map<string, SynonymGroup>();
  const multi: { lexemes: string[]; group: SynonymGroup }[] = [];
  for (const group of groups) {
    for (const term of group) {
      if (term.lexemes.length === 1) single.set(term.lexemes[0], group);
      else multi.push({ lexemes: term.lexemes, group });
    }
  }
  const alternativesTo = (original: TsQuery, group: SynonymGroup, except: string[]) =>
    joined([original, ...group.filter((t) => t.lexemes.join(' ') !== except.join(' ')).map((t) => t.phrase)], 'or')!;

  const visit = (q: TsQuery): TsQuery => {
    switch (q.kind) {
      case 'word': {
        const group = !q.prefix && !q.weights ? single.get(q.lexeme) : undefined;
        return group ? alternativesTo(q, group, [q.lexeme]) : q;
      }
      case 'not':
        return { kind: 'not', arg: visit(q.arg) };
      case 'or':
        return { kind: 'or', left: visit(q.left), right: visit(q.right) };
      case 'phrase': {
        const words = leavesOfPhrase(q);
        const term = words && multi.find((m) => m.lexemes.join(' ') === words.join(' '));
        return term ? alternativesTo(q, term.group, term.lexemes) : { kind: 'phrase', distance: q.distance, left: visit(q.left), right: visit(q.right) };
      }
      case 'and': {
        let operands = operandsOf(q, 'and');
        const replaced: TsQuery[] = [];
        for (const term of multi) {
          const plain = (o: TsQuery) => o.kind === 'word' && !o.prefix && !o.weights;
          const present = term.lexemes.every((l) => operands.some((o) => plain(o) && (o as { lexeme: string }).lexeme === l));
          if (!present) continue;
          const taken = operands.filter((o) => plain(o) && term.lexemes.includes((o as { lexeme: string }).lexeme));
          operands = operands.filter((o) => !taken.includes(o));
          replaced.push(alternativesTo(joined(taken, 'and')!, term.group, term.lexemes));
        }
        return joined([...replaced, ...operands.map(visit)], 'and')!;
      }
    }
  };
  return visit(query);
}

/** The words of a phrase made of words only (`'a' <-> 'b'`), else null. */
function leavesOfPhrase(q: TsQuery): string[] | null {
  if (q.kind === 'word') return q.prefix || q.weights ? null : [q.lexeme];
  if (q.kind !== 'phrase') return null;
  const left = leavesOfPhrase(q.left);
  const right = leavesOfPhrase(q.right);
  return left && right ? [...left, ...right] : null;
}

function leaves(q: TsQuery): Extract<TsQuery, { kind: 'word' }>[] {
  if (q.kind === 'word') return [q];
  if (q.kind === 'not') return leaves(q.arg);
  return [...leaves(q.left), ...leaves(q.right)];
}

function mapLeaves(q: TsQuery, f: (w: Extract<TsQuery, { kind: 'word' }>) => TsQuery): TsQuery {
  if (q.kind === 'word') return f(q);
  if (q.kind === 'not') return { kind: 'not', arg: mapLeaves(q.arg, f) };
  return { ...q, left: mapLeaves(q.left, f), right: mapLeaves(q.right, f) };
}
