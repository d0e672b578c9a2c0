import type { TransferSafeguardCode } from '../vocabulary.codes';
import type { VocabularyTerm } from './vocabulary-term';

/*
 * Includes IRIs copied from the Data Privacy Vocabulary (DPV) 2.3, legal/eu/gdpr extension
 * (legal_eu_gdpr_legal_basis_data_transfer.csv), https://w3id.org/dpv.
 * Copyright © World Wide Web Consortium. https://www.w3.org/copyright/software-license-2023/
 */

export type TransferSafeguardTerm = VocabularyTerm<TransferSafeguardCode>;

export const TRANSFER_SAFEGUARDS: TransferSafeguardTerm[] = [
  // Art. 45: no further safeguard needed.
  {
    code: 'ADEQUACY_DECISION',
    labelNl: 'Adequaatheidsbesluit',
    labelEn: 'Adequacy decision',
    gdprArticle: '45(3)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A45-3',
  },
  // Art. 46: appropriate safeguards.
  {
    code: 'LEGALLY_BINDING_INSTRUMENT',
    labelNl: 'Juridisch bindend instrument tussen overheidsinstanties',
    labelEn: 'Legally binding instrument between public authorities',
    gdprArticle: '46(2)(a)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-2-a',
  },
  {
    code: 'BINDING_CORPORATE_RULES',
    labelNl: 'Bindende bedrijfsvoorschriften',
    labelEn: 'Binding corporate rules',
    gdprArticle: '46(2)(b)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-2-b',
  },
  {
    code: 'SCC_COMMISSION',
    labelNl: 'Standaardcontractbepalingen (Europese Commissie)',
    labelEn: 'Standard contractual clauses (European Commission)',
    gdprArticle: '46(2)(c)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-2-c',
  },
  {
    code: 'SCC_SUPERVISORY_AUTHORITY',
    labelNl: 'Standaardcontractbepalingen (toezichthoudende autoriteit)',
    labelEn: 'Standard contractual clauses (supervisory authority)',
    gdprArticle: '46(2)(d)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-2-d',
  },
  {
    code: 'CODE_OF_CONDUCT',
    labelNl: 'Goedgekeurde gedragscode',
    labelEn: 'Approved code of conduct',
    gdprArticle: '46(2)(e)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-2-e',
  },
  {
    code: 'CERTIFICATION',
    labelNl: 'Goedgekeurd certificeringsmechanisme',
    labelEn: 'Approved certification mechanism',
    gdprArticle: '46(2)(f)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-2-f',
  },
  // Art. 46(3): only with authorisation of the supervisory authority.
  {
    code: 'AD_HOC_CONTRACTUAL_CLAUSES',
    labelNl: 'Ad-hoccontractbepalingen (met vergunning toezichthouder)',
    labelEn: 'Ad hoc contractual clauses (authorised by supervisory authority)',
    gdprArticle: '46(3)(a)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-3-a',
  },
  {
    code: 'ADMINISTRATIVE_ARRANGEMENT',
    labelNl: 'Administratieve regeling tussen overheidsinstanties',
    labelEn: 'Administrative arrangement between public authorities',
    gdprArticle: '46(3)(b)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A46-3-b',
  },
  // Art. 49: derogations for specific situations, when neither 45 nor 46 applies.
  {
    code: 'DEROGATION_EXPLICIT_CONSENT',
    labelNl: 'Uitzondering: uitdrukkelijke toestemming',
    labelEn: 'Derogation: explicit consent',
    gdprArticle: '49(1)(a)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-a',
  },
  {
    code: 'DEROGATION_CONTRACT_WITH_DATA_SUBJECT',
    labelNl: 'Uitzondering: uitvoering overeenkomst met betrokkene',
    labelEn: 'Derogation: performance of a contract with the data subject',
    gdprArticle: '49(1)(b)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-b',
  },
  {
    code: 'DEROGATION_CONTRACT_IN_INTEREST_OF_DATA_SUBJECT',
    labelNl: 'Uitzondering: overeenkomst in het belang van betrokkene',
    labelEn: 'Derogation: contract in the interest of the data subject',
    gdprArticle: '49(1)(c)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-c',
  },
  {
    code: 'DEROGATION_PUBLIC_INTEREST',
    labelNl: 'Uitzondering: gewichtige redenen van algemeen belang',
    labelEn: 'Derogation: important reasons of public interest',
    gdprArticle: '49(1)(d)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-d',
  },
  {
    code: 'DEROGATION_LEGAL_CLAIMS',
    labelNl: 'Uitzondering: rechtsvordering',
    labelEn: 'Derogation: legal claims',
    gdprArticle: '49(1)(e)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-e',
  },
  {
    code: 'DEROGATION_VITAL_INTERESTS',
    labelNl: 'Uitzondering: vitale belangen',
    labelEn: 'Derogation: vital interests',
    gdprArticle: '49(1)(f)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-f',
  },
  {
    code: 'DEROGATION_PUBLIC_REGISTER',
    labelNl: 'Uitzondering: openbaar register',
    labelEn: 'Derogation: public register',
    gdprArticle: '49(1)(g)',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-1-g',
  },
  {
    code: 'DEROGATION_COMPELLING_LEGITIMATE_INTERESTS',
    labelNl: 'Uitzondering: dwingende gerechtvaardigde belangen',
    labelEn: 'Derogation: compelling legitimate interests',
    // DPV names this term A49-2, but the legal text is the second subparagraph of art. 49(1).
    gdprArticle: '49(1) tweede alinea',
    dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A49-2',
  },
];
