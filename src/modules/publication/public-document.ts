import type { ParsedRetentionRule } from '../retention/retention-rule.types';

/**
 * The pre-rendered public document of a current public version: the `document` column of the read
 * model, written by the projector (public_document() in public-scope.ts). Public columns only,
 * vocabulary codes without their labels (those come from the vocabularies kept in the process), and
 * related processings without the id of the record they point to. The read model keeps its data
 * items' retention rules in a column of their own (`data_item_retention_rules`): whoever shows them
 * reads that column too and puts them in place with withDataItemRetentionRules.
 *
 * A field without a value is absent (the projector strips nulls: see public_document()), so a
 * reader takes a missing field as null.
 */
/** T as stored in a document: its nullable fields are optional and never null. */
export type Stored<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & { [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null> };

export interface PublicDocument {
  purposes: {
    description: string;
    legalBasis?: string;
    legalBasisExplanation?: string;
    statutoryReferences: { title: string; url?: string }[];
  }[];
  dataSubjectGroups: {
    description: string;
    noSpecialCategories?: boolean;
    specialCategories: string[];
    dataItems: PublicDocumentDataItem[];
  }[];
  recipients: { description: string; explanation?: string }[];
  parties: PublicDocumentParty[];
  transfers: {
    internationalOrganisation?: string;
    recipientName: string;
    explanation?: string;
    countryCode?: string;
    safeguardCode?: string;
  }[];
  relatedProcessings: { reference: string; description?: string }[];
}

export interface PublicDocumentDataItem {
  description: string;
  collectionPurpose?: string;
  retentionText?: string;
  /** Absent in the read model's document until put in place (withDataItemRetentionRules). */
  retentionRules?: Stored<ParsedRetentionRule>[];
  sourceIsDataSubject?: boolean;
  sourceDescription?: string;
  provisionObligatory?: boolean;
  provisionStatement?: string;
  consequencesOfNotProviding?: string;
}

export interface PublicDocumentParty {
  role: 'CONTROLLER' | 'PROCESSOR';
  name: string;
  /** The role it is controller in, as written (e.g. burgemeester); null when not given. */
  roleDescription?: string;
  kind?: string;
  organisationId?: string;
  email?: string;
  phone?: string;
  visitingLine?: string;
  visitingPostalCode?: string;
  visitingCity?: string;
  visitingCountryCode?: string;
  postalLine?: string;
  postalPostalCode?: string;
  postalCity?: string;
  postalCountryCode?: string;
}

/**
 * The read model's `data_item_retention_rules` of a document (public_data_item_retention_rules()):
 * element g, i is the rules of data item i of data-subject group g, both in document order.
 */
export type PublicDataItemRetentionRules = Stored<ParsedRetentionRule>[][][];

/** Puts the data items' retention rules (read beside the document) in place, in the document itself. */
export function withDataItemRetentionRules(document: PublicDocument, rules: PublicDataItemRetentionRules): PublicDocument {
  document.dataSubjectGroups.forEach((group, g) =>
    group.dataItems.forEach((item, i) => {
      item.retentionRules = rules[g]?.[i] ?? [];
    }),
  );
  return document;
}
