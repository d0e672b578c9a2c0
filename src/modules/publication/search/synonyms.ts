/**
 * Words and names of this register's domain that mean the same, applied to searches at query
 * time (search-plan.ts): a search for any term of a group also finds records that use another
 * term of it. Terms are what people type, in any case; PostgreSQL's Dutch dictionary stems them,
 * so plurals and inflections match too. A term of several words matches when a search has all of
 * its words, in any order. A term that only consists of stop words (e.g. "OM") would match nothing
 * and is not allowed (test/public/search-features.test.ts checks each term against the dictionary).
 *
 * Kept small and deliberate: abbreviations that the government uses for itself (see
 * https://www.rijksoverheid.nl and the laws on wetten.overheid.nl) and their full names.
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  // Identification
  ['bsn', 'burgerservicenummer', 'sofinummer'],
  ['iban', 'rekeningnummer', 'bankrekeningnummer'],
  ['brp', 'basisregistratie personen', 'gba'],
  // Laws
  ['avg', 'algemene verordening gegevensbescherming', 'gdpr'],
  ['wmo', 'wet maatschappelijke ondersteuning'],
  ['ww', 'werkloosheidswet'],
  ['wia', 'wet werk en inkomen naar arbeidsvermogen'],
  ['woo', 'wet open overheid'],
  ['wob', 'wet openbaarheid van bestuur'],
  ['woz', 'waardering onroerende zaken'],
  ['wpg', 'wet politiegegevens'],
  ['wjsg', 'wet justitiële en strafvorderlijke gegevens'],
  ['awb', 'algemene wet bestuursrecht'],
  // Organisations
  ['uwv', 'uitvoeringsinstituut werknemersverzekeringen'],
  ['svb', 'sociale verzekeringsbank'],
  ['ggd', 'gemeentelijke gezondheidsdienst'],
  ['cbs', 'centraal bureau voor de statistiek'],
  ['rdw', 'rijksdienst voor het wegverkeer'],
  ['duo', 'dienst uitvoering onderwijs'],
  ['ind', 'immigratie- en naturalisatiedienst'],
  ['kvk', 'kamer van koophandel'],
  ['ap', 'autoriteit persoonsgegevens'],
  // Privacy terms
  ['dpia', 'gegevensbeschermingseffectbeoordeling', 'data protection impact assessment'],
  ['fg', 'functionaris gegevensbescherming', 'functionaris voor gegevensbescherming'],
  ['pgb', 'persoonsgebonden budget'],
];
