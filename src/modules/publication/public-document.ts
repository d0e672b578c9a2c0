import type { ParsedRetentionRule } from '../retention/retention-rule.types';

/**
 * The pre-rendered public document of a current public version: the `document` column of the read
 * model, written by the projector (public_document() in public-scope.ts). Public columns only,
 * vocabulary codes without their labels (those come from the vocabularies kept in the process), and
 * related processings without the id of the record they point to.
 */
export interface PublicDocument {
  purposes: {
    description: string;
    legalBasis: string | null;
    legalBasisExplanation: string | null;
    statutoryReferences: { title: string; url: string | null }[];
  }[];
  dataSubjectGroups: {
    description: string;
    noSpecialCategories: boolean | null;
    specialCategories: string[];
    dataItems: PublicDocumentDataItem[];
  }[];
  recipients: { description: string; explanation: string | null }[];
  parties: PublicDocumentParty[];
  transfers: {
    internationalOrganisation: string | null;
    recipientName: string;
    explanation: string | null;
    countryCode: string | null;
    safeguardCode: string | null;
  }[];
  relatedProcessings: { reference: string; description: string | null }[];
}

export interface PublicDocumentDataItem {
  description: string;
  collectionPurpose: string | null;
  retentionText: string | null;
  retentionRules: ParsedRetentionRule[];
  sourceIsDataSubject: boolean | null;
  sourceDescription: string | null;
  provisionObligatory: boolean | null;
  provisionStatement: string | null;
  consequencesOfNotProviding: string | null;
}

export interface PublicDocumentParty {
  role: 'CONTROLLER' | 'PROCESSOR';
  name: string;
  /** The role it is controller in, as written (e.g. burgemeester); null when not given. */
  roleDescription: string | null;
  kind: string | null;
  organisationId: string | null;
  email: string | null;
  phone: string | null;
  visitingLine: string | null;
  visitingPostalCode: string | null;
  visitingCity: string | null;
  visitingCountryCode: string | null;
  postalLine: string | null;
  postalPostalCode: string | null;
  postalCity: string | null;
  postalCountryCode: string | null;
}
