import { SEARCH_SYNONYMS } from './synonyms';

describe('the synonym list', () => {
  it('has groups of at least two distinct terms, each term in one group only', () => {
    const seen = new Map<string, number>();
    SEARCH_SYNONYMS.forEach((group, i) => {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const term of group) {
        const key = term.toLowerCase();
        expect([term, seen.get(key)]).toEqual([term, undefined]);
        seen.set(key, i);
      }
    });
  });

  it('holds the register\'s well-known abbreviations', () => {
    const groupOf = (term: string) => SEARCH_SYNONYMS.find((g) => g.includes(term));
    expect(groupOf('bsn')).toContain('burgerservicenummer');
    expect(groupOf('avg')).toContain('algemene verordening gegevensbescherming');
    expect(groupOf('wmo')).toContain('wet maatschappelijke ondersteuning');
    expect(groupOf('uwv')).toContain('uitvoeringsinstituut werknemersverzekeringen');
  });
});
