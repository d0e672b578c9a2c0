import { formatTsQuery, joined, operandsOf, parseTsQuery, word } from './tsquery';

describe('tsquery text', () => {
  it.each([
    ["'windmolen'", "'windmolen'"],
    ["'windmolen' & 'zee'", "'windmolen' & 'zee'"],
    ["'windmolen' | 'zee' & !'vogel'", "'windmolen' | ( 'zee' & !'vogel' )"],
    ["( 'a' | 'b' ) & 'c'", "( 'a' | 'b' ) & 'c'"],
    ["'op' <-> 'zee' <2> 'wind'", "( 'op' <-> 'zee' ) <2> 'wind'"],
    ["!( 'a' & 'b' )", "!( 'a' & 'b' )"],
    ["'klach':*", "'klach':*"],
    ["'a':*AB & 'b':C", "'a':*AB & 'b':C"],
    ["'it''s' & 'back\\\\slash'", "'it''s' & 'back\\\\slash'"],
  ])('reads %s with PostgreSQL\'s precedence and writes %s', (text, formatted) => {
    const q = parseTsQuery(text)!;
    expect(formatTsQuery(q)).toBe(formatted);
    expect(formatTsQuery(parseTsQuery(formatted)!)).toBe(formatted);
  });

  it('keeps quotes and backslashes of a lexeme', () => {
    expect(parseTsQuery("'it''s'")).toEqual(word("it's"));
    expect(parseTsQuery("'a\\\\b'")).toEqual(word('a\\b'));
  });

  it('reads the empty query (stop words only) as null and rejects what PostgreSQL never prints', () => {
    expect(parseTsQuery('')).toBeNull();
    expect(() => parseTsQuery("'a' &")).toThrow(/unexpected end/);
    expect(() => parseTsQuery("'a' 'b'")).toThrow(/trailing/);
    expect(() => parseTsQuery("'a")).toThrow(/unterminated/);
  });

  it('lists the operands of a chain and joins them again', () => {
    const q = parseTsQuery("'a' & 'b' & ( 'c' | 'd' )")!;
    const operands = operandsOf(q, 'and');
    expect(operands.map(formatTsQuery)).toEqual(["'a'", "'b'", "'c' | 'd'"]);
    expect(formatTsQuery(joined(operands, 'and')!)).toBe("( 'a' & 'b' ) & ( 'c' | 'd' )");
    expect(joined([], 'or')).toBeNull();
  });
});
