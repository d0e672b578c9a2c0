/**
 * Stable codes of the controlled vocabularies. Codes are API and database identifiers:
 * a term may be retired (retiredAt in its reference table) but is never renamed or reused.
 */
export const LEGAL_BASIS_CODES = [
  'CONSENT', // AVG art. 6(1)(a) — toestemming
  'CONTRACT', // 6(1)(b) — uitvoering overeenkomst
  'LEGAL_OBLIGATION', // 6(1)(c) — wettelijke verplichting
  'VITAL_INTERESTS', // 6(1)(d) — vitaal belang
  'PUBLIC_TASK', // 6(1)(e) — taak van algemeen belang / openbaar gezag
  'LEGITIMATE_INTERESTS', // 6(1)(f) — gerechtvaardigd belang
] as const;
export type LegalBasisCode = (typeof LEGAL_BASIS_CODES)[number];

/** AVG art. 9(1) categories, plus criminal data (art. 10) and the national identification number (BSN, UAVG art. 46). */
export const SPECIAL_CATEGORY_CODES = [
  'RACIAL_OR_ETHNIC_ORIGIN',
  'POLITICAL_OPINIONS',
  'RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS',
  'TRADE_UNION_MEMBERSHIP',
  'GENETIC_DATA',
  'BIOMETRIC_DATA',
  'HEALTH_DATA',
  'SEX_LIFE_OR_SEXUAL_ORIENTATION',
  'CRIMINAL_DATA',
  'NATIONAL_IDENTIFICATION_NUMBER',
] as const;
export type SpecialCategoryCode = (typeof SPECIAL_CATEGORY_CODES)[number];

/** Safeguards for transfers outside the EU, AVG art. 45, 46 and 49 (DPV eu-gdpr terms A45-3 … A49-2). */
export const TRANSFER_SAFEGUARD_CODES = [
  'ADEQUACY_DECISION', // A45-3
  'LEGALLY_BINDING_INSTRUMENT', // A46-2-a
  'BINDING_CORPORATE_RULES', // A46-2-b
  'SCC_COMMISSION', // A46-2-c
  'SCC_SUPERVISORY_AUTHORITY', // A46-2-d
  'CODE_OF_CONDUCT', // A46-2-e
  'CERTIFICATION', // A46-2-f
  'AD_HOC_CONTRACTUAL_CLAUSES', // A46-3-a
  'ADMINISTRATIVE_ARRANGEMENT', // A46-3-b
  'DEROGATION_EXPLICIT_CONSENT', // A49-1-a
  'DEROGATION_CONTRACT_WITH_DATA_SUBJECT', // A49-1-b
  'DEROGATION_CONTRACT_IN_INTEREST_OF_DATA_SUBJECT', // A49-1-c
  'DEROGATION_PUBLIC_INTEREST', // A49-1-d
  'DEROGATION_LEGAL_CLAIMS', // A49-1-e
  'DEROGATION_VITAL_INTERESTS', // A49-1-f
  'DEROGATION_PUBLIC_REGISTER', // A49-1-g
  'DEROGATION_COMPELLING_LEGITIMATE_INTERESTS', // A49-2
] as const;
export type TransferSafeguardCode = (typeof TRANSFER_SAFEGUARD_CODES)[number];
