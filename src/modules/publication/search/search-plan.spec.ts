import { type SynonymGroup, splitPrefixWords, withSynonyms } from './search-plan';
import { formatTsQuery, parseTsQuery, type TsQuery } from './tsquery';

const q = (text: string) => parseTsQuery(text)!;
/** A group as loadSynonyms makes it from PostgreSQL's stems. */
const group = (...terms: string[][]): SynonymGroup =>
  terms.map((lexemes) => ({ lexemes, phrase: q(lexemes.map((l) => `'${l}'`).join(' <-> ')) }));
const GROUPS = [group(['bsn'], ['burgerservicenumm']), group(['avg'], ['algemen', 'verorden', 'gegevensbescherm'])];
const rewrite = (text: string) => formatTsQuery(withSynonyms(q(text), GROUPS));

describe('prefix words', () => {
  it('splits words ending in * from the rest, outside quotes', () => {
    expect(splitPrefixWords('klach* over "zee* en wind" -verg* a*b')).toEqual({
      rest: 'over "zee* en wind" a*b',
      prefixes: [
        { word: 'klach', negated: false },
        { word: 'verg', negated: true },
      ],
    });
    expect(splitPrefixWords('patiënt**')).toEqual({ rest: '', prefixes: [{ word: 'patiënt', negated: false }] });
    expect(splitPrefixWords('* - x')).toEqual({ rest: '* - x', prefixes: [] });
  });
});

describe('synonyms', () => {
  it('widens a word to its group, wherever it is', () => {
    expect(rewrite("'bsn'")).toBe("'bsn' | 'burgerservicenumm'");
    expect(rewrite("'burgerservicenumm' & 'zorg'")).toBe("( 'burgerservicenumm' | 'bsn' ) & 'zorg'");
    expect(rewrite("'zorg' & !'bsn'")).toBe("'zorg' & !( 'bsn' | 'burgerservicenumm' )");
  });

  it('widens a name of several words when all its words are asked for, or it is the phrase asked for', () => {
    expect(rewrite("'algemen' & 'verorden' & 'gegevensbescherm' & 'zorg'")).toBe(
      "( ( ( 'algemen' & 'verorden' ) & 'gegevensbescherm' ) | 'avg' ) & 'zorg'",
    );
    expect(rewrite("'algemen' <-> 'verorden' <-> 'gegevensbescherm'")).toBe("( ( 'algemen' <-> 'verorden' ) <-> 'gegevensbescherm' ) | 'avg'");
    expect(rewrite("'avg'")).toBe("'avg' | ( ( 'algemen' <-> 'verorden' ) <-> 'gegevensbescherm' )");
  });

  it('leaves prefixes, other words and a name with a word missing alone', () => {
    for (const text of ["'bsn':*", "'zorg' & 'wet'", "'algemen' & 'verorden'"]) expect(rewrite(text)).toBe(formatTsQuery(q(text)));
  });

  it('does not widen the alternatives it added (no endless growth)', () => {
    const once: TsQuery = withSynonyms(q("'bsn'"), GROUPS);
    expect(formatTsQuery(once)).toBe("'bsn' | 'burgerservicenumm'");
  });
});
