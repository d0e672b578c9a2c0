import type { LegalBasisCode } from '../vocabulary.codes';
import type { VocabularyTerm } from './vocabulary-term';

/*
 * Includes IRIs copied from the Data Privacy Vocabulary (DPV) 2.3, legal/eu/gdpr extension
 * (legal_eu_gdpr_legal_basis.csv), https://w3id.org/dpv. Copyright © World Wide Web Consortium.
 * https://www.w3.org/copyright/software-license-2023/
 * Aliases partly from the "Referentielijsten" of the 2017 legal clinic register template.
 */

export interface LegalBasisTerm extends VocabularyTerm<LegalBasisCode> {
  /**
   * Other Dutch phrasings of the same basis found in existing registers, so an importer can map
   * free text to a code. The labelNl itself is not repeated here.
   */
  aliasesNl: string[];
}

export const LEGAL_BASES: LegalBasisTerm[] = [
  {
    code: 'CONSENT',
    labelNl: 'Toestemming betrokkene',
    labelEn: 'Consent of the data subject',
    gdprArticle: '6(1)(a)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-a',
    aliasesNl: ['Toestemming', 'Toestemming van de betrokkene', 'Uitdrukkelijke toestemming'],
  },
  {
    code: 'CONTRACT',
    labelNl: 'Uitvoering overeenkomst',
    labelEn: 'Performance of a contract',
    gdprArticle: '6(1)(b)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-b',
    aliasesNl: [
      'Uitvoering van een overeenkomst',
      'Noodzakelijk voor de uitvoering van een overeenkomst',
      'Overeenkomst',
    ],
  },
  {
    code: 'LEGAL_OBLIGATION',
    labelNl: 'Wettelijke verplichting',
    labelEn: 'Legal obligation',
    gdprArticle: '6(1)(c)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-c',
    // "Wettelijke taak" is deliberately absent: registers use it for both (c) and (e).
    aliasesNl: ['Wettelijke plicht', 'Wettelijke verplichting verantwoordelijke'],
  },
  {
    code: 'VITAL_INTERESTS',
    labelNl: 'Vitaal belang',
    labelEn: 'Vital interests',
    gdprArticle: '6(1)(d)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-d',
    aliasesNl: [
      'Vitale belangen',
      'Bescherming vitale belangen',
      'Bescherming vitale belangen betrokkene of andere natuurlijke personen',
    ],
  },
  {
    code: 'PUBLIC_TASK',
    labelNl: 'Taak van algemeen belang of openbaar gezag',
    labelEn: 'Public task or official authority',
    gdprArticle: '6(1)(e)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-e',
    aliasesNl: [
      'Taak van algemeen belang',
      'Taak van algemeen belang of uitoefening van het openbaar gezag',
      'Algemeen belang',
      'Openbaar gezag',
      'Uitoefening van het openbaar gezag',
      'Publiekrechtelijke taak',
      'Publieke taak',
    ],
  },
  {
    code: 'LEGITIMATE_INTERESTS',
    labelNl: 'Gerechtvaardigd belang',
    labelEn: 'Legitimate interests',
    gdprArticle: '6(1)(f)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-f',
    aliasesNl: [
      'Gerechtvaardigd belang verantwoordelijke',
      'Gerechtvaardigde belangen',
      'Gerechtvaardigde belangen van de verwerkingsverantwoordelijke of van een derde',
    ],
  },
];
