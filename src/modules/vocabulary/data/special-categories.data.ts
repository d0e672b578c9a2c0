import type { SpecialCategoryCode } from '../vocabulary.codes';
import type { VocabularyTerm } from './vocabulary-term';

/*
 * Includes IRIs copied from the Data Privacy Vocabulary (DPV) 2.3, pd extension
 * (pd_extended.csv), https://w3id.org/dpv. Copyright © World Wide Web Consortium.
 * https://www.w3.org/copyright/software-license-2023/
 */

export interface SpecialCategoryTerm extends VocabularyTerm<SpecialCategoryCode> {
  /**
   * Field name of this category in the central government's register export format;
   * null where that format has no field for it.
   */
  exportFlag: string | null;
}

export const SPECIAL_CATEGORIES: SpecialCategoryTerm[] = [
  {
    code: 'RACIAL_OR_ETHNIC_ORIGIN',
    labelNl: 'Ras of etnische afkomst',
    labelEn: 'Racial or ethnic origin',
    gdprArticle: '9(1)',
    // DPV splits this into pd#Race and pd#EthnicOrigin; pd#Ethnicity is their common broader term.
    dpvIri: 'https://w3id.org/dpv/pd#Ethnicity',
    exportFlag: 'RasOfEtniciteit',
  },
  {
    code: 'POLITICAL_OPINIONS',
    labelNl: 'Politieke opvattingen',
    labelEn: 'Political opinions',
    gdprArticle: '9(1)',
    dpvIri: 'https://w3id.org/dpv/pd#PoliticalOpinion',
    exportFlag: 'PolitiekeGezindheid',
  },
  {
    code: 'RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS',
    labelNl: 'Godsdienst of levensovertuiging',
    labelEn: 'Religious or philosophical beliefs',
    gdprArticle: '9(1)',
    // DPV splits this into pd#ReligiousBelief and pd#PhilosophicalBelief; no single term covers
    // both, so the common broader term pd#KnowledgeBelief is used (it also covers "knowledge").
    dpvIri: 'https://w3id.org/dpv/pd#KnowledgeBelief',
    exportFlag: 'GodsdienstOfLevensovertuiging',
  },
  {
    code: 'TRADE_UNION_MEMBERSHIP',
    labelNl: 'Lidmaatschap van een vakbond',
    labelEn: 'Trade union membership',
    gdprArticle: '9(1)',
    dpvIri: 'https://w3id.org/dpv/pd#TradeUnionMembership',
    exportFlag: 'LidmaatschapVakvereniging',
  },
  {
    code: 'GENETIC_DATA',
    labelNl: 'Genetische gegevens',
    labelEn: 'Genetic data',
    gdprArticle: '9(1)',
    dpvIri: 'https://w3id.org/dpv/pd#Genetic',
    exportFlag: 'Genetisch',
  },
  {
    code: 'BIOMETRIC_DATA',
    labelNl: 'Biometrische gegevens',
    labelEn: 'Biometric data',
    gdprArticle: '9(1)',
    dpvIri: 'https://w3id.org/dpv/pd#Biometric',
    exportFlag: 'Biometrisch',
  },
  {
    code: 'HEALTH_DATA',
    labelNl: 'Gezondheid',
    labelEn: 'Data concerning health',
    gdprArticle: '9(1)',
    // pd#MedicalHealth rather than its narrower pd#Health: the AVG definition (art. 4(15)) includes
    // data about the provision of health care, which pd#MedicalHealth covers explicitly.
    dpvIri: 'https://w3id.org/dpv/pd#MedicalHealth',
    exportFlag: 'Gezondheid',
  },
  {
    code: 'SEX_LIFE_OR_SEXUAL_ORIENTATION',
    labelNl: 'Seksueel gedrag of seksuele gerichtheid',
    labelEn: 'Sex life or sexual orientation',
    gdprArticle: '9(1)',
    // DPV has no "sexual orientation" term; pd#Sexual ("sexuality and sexual history") covers both.
    dpvIri: 'https://w3id.org/dpv/pd#Sexual',
    exportFlag: 'SeksueleLeven',
  },
  {
    code: 'CRIMINAL_DATA',
    labelNl: 'Strafrechtelijke gegevens',
    labelEn: 'Criminal convictions and offences',
    gdprArticle: '10',
    dpvIri: 'https://w3id.org/dpv/pd#Criminal',
    exportFlag: 'Strafrechtelijk',
  },
  {
    code: 'NATIONAL_IDENTIFICATION_NUMBER',
    labelNl: 'Burgerservicenummer (BSN) of ander nationaal identificatienummer',
    labelEn: 'Citizen service number (BSN) or other national identification number',
    // The AVG leaves national identification numbers to member states (art. 87); NL rules are in UAVG art. 46.
    gdprArticle: '87; UAVG 46',
    // DPV has no national-identification-number term; pd#OfficialID is the nearest broader one.
    dpvIri: 'https://w3id.org/dpv/pd#OfficialID',
    exportFlag: null,
  },
];
