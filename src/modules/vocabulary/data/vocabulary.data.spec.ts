import { LEGAL_BASIS_CODES, SPECIAL_CATEGORY_CODES, TRANSFER_SAFEGUARD_CODES } from '../vocabulary.codes';
import { countryTerms, isCountryCode } from './countries.data';
import { LEGAL_BASES } from './legal-bases.data';
import { SPECIAL_CATEGORIES } from './special-categories.data';
import { TRANSFER_SAFEGUARDS } from './transfer-safeguards.data';
import type { VocabularyTerm } from './vocabulary-term';

const LISTS: [string, readonly string[], VocabularyTerm<string>[]][] = [
  ['LEGAL_BASES', LEGAL_BASIS_CODES, LEGAL_BASES],
  ['SPECIAL_CATEGORIES', SPECIAL_CATEGORY_CODES, SPECIAL_CATEGORIES],
  ['TRANSFER_SAFEGUARDS', TRANSFER_SAFEGUARD_CODES, TRANSFER_SAFEGUARDS],
];

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe.each(LISTS)('%s', (_name, codes, terms) => {
  it('has exactly one term per code and no extras', () => {
    const termCodes = terms.map((t) => t.code);
    expect(duplicates(termCodes)).toEqual([]);
    expect([...termCodes].sort()).toEqual([...codes].sort());
  });

  it('links every term to a distinct DPV IRI', () => {
    for (const t of terms) expect(t.dpvIri).toMatch(/^https:\/\/w3id\.org\/dpv[/#]\S+$/);
    expect(duplicates(terms.map((t) => t.dpvIri as string))).toEqual([]);
  });

  it('has non-empty, unique labels and an article reference', () => {
    for (const t of terms) {
      expect(t.labelNl.trim()).not.toBe('');
      expect(t.labelEn.trim()).not.toBe('');
      expect(t.gdprArticle.trim()).not.toBe('');
    }
    expect(duplicates(terms.map((t) => t.labelNl.toLowerCase()))).toEqual([]);
    expect(duplicates(terms.map((t) => t.labelEn.toLowerCase()))).toEqual([]);
  });
});

describe('LEGAL_BASES aliases', () => {
  it('never map one phrase to two codes (the importer relies on it)', () => {
    const phrases = LEGAL_BASES.flatMap((t) => [t.labelNl, ...t.aliasesNl]).map((p) => p.toLowerCase());
    expect(duplicates(phrases)).toEqual([]);
  });
});

describe('SPECIAL_CATEGORIES export flags', () => {
  it('are unique where present and absent only for the BSN', () => {
    const flags = SPECIAL_CATEGORIES.map((t) => t.exportFlag).filter((f): f is string => f !== null);
    expect(duplicates(flags)).toEqual([]);
    expect(SPECIAL_CATEGORIES.filter((t) => t.exportFlag === null).map((t) => t.code)).toEqual([
      'NATIONAL_IDENTIFICATION_NUMBER',
    ]);
  });
});

describe('countries', () => {
  const terms = countryTerms();

  it('uses the common Dutch names', () => {
    expect(terms.find((t) => t.code === 'NL')).toMatchObject({ nameNl: 'Nederland' });
    expect(terms.find((t) => t.code === 'US')).toMatchObject({ nameNl: 'Verenigde Staten' });
  });

  it('has unique uppercase alpha-2 codes in order, each with both names', () => {
    const codes = terms.map((t) => t.code);
    expect(codes.length).toBeGreaterThan(240);
    expect(codes).toEqual([...new Set(codes)].sort());
    for (const t of terms) {
      expect(t.code).toMatch(/^[A-Z]{2}$/);
      expect(t.nameNl).toBeTruthy();
      expect(t.nameEn).toBeTruthy();
    }
  });

  it('recognises country codes strictly', () => {
    expect(isCountryCode('NL')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('nl')).toBe(false);
    expect(isCountryCode('NLD')).toBe(false);
  });
});
