/** What a public listing can be narrowed by. Ids here are database ids (decoded at the API boundary). */
export interface PublicActivityFilter {
  /** The organisation and all its sub-organisations. */
  organisationId?: string | null;
  /** Any of these legal bases. */
  legalBases?: string[] | null;
  /** true: some special category; false: none. */
  hasSpecialCategories?: boolean | null;
  specialCategory?: string | null;
  dataSubject?: string | null;
  recipient?: string | null;
  /** true: some transfer outside the EU; false: none. */
  hasThirdCountryTransfers?: boolean | null;
  transferCountry?: string | null;
  automatedDecisionMaking?: boolean | null;
  legalRole?: string | null;
  updatedSince?: Date | null;
}

export enum PublicActivityOrder {
  TITLE_ASC = 'TITLE_ASC',
  TITLE_DESC = 'TITLE_DESC',
  REFERENCE_ASC = 'REFERENCE_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  RELEVANCE = 'RELEVANCE',
}
