import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import nl from 'i18n-iso-countries/langs/nl.json';

/** ISO 3166-1 countries (from the bundled i18n-iso-countries data), for third-country transfers. */
export interface CountryTerm {
  /** ISO 3166-1 alpha-2, uppercase. */
  code: string;
  nameNl: string;
  nameEn: string;
}

countries.registerLocale(nl);
countries.registerLocale(en);

// Dutch: the common short name ("Nederland", "Verenigde Staten") as Dutch registers write it;
// the library's official Dutch names are the long state names ("Koninkrijk der Nederlanden").
const namesNl = countries.getNames('nl', { select: 'alias' });
const namesEn = countries.getNames('en', { select: 'official' });

const TERMS: readonly CountryTerm[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({ code: code.toUpperCase(), nameNl: namesNl[code], nameEn: namesEn[code] }))
  .sort((a, b) => a.code.localeCompare(b.code));

const CODES = new Set(TERMS.map((t) => t.code));

export function countryTerms(): CountryTerm[] {
  // Copies, so callers cannot alter the shared list.
  return TERMS.map((t) => ({ ...t }));
}

/** Strict: only uppercase alpha-2 codes, unlike countries.isValid() which also takes alpha-3 and numeric codes. */
export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}
