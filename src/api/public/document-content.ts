import type { PublicDocument, PublicDocumentParty, Stored } from '../../modules/publication/public-document';
import type { PartyRow } from '../../modules/publication/public-content.loaders';
import type { ParsedRetentionRule } from '../../modules/retention/retention-rule.types';
import type { Vocabulary } from '../../modules/publication/public-register';
import { addressFrom } from './types/address.type';
import type { PublicDataItem, PublicDataSource, PublicProvisionRequirement, PublicRetention, PublicRetentionRule } from './types/data-item.type';
import type { PublicDataSubjectGroup } from './types/data-subject-group.type';
import type { PublicParty } from './types/party.type';
import type { PublicPurpose, PublicStatutoryReference } from './types/purpose.type';
import type { PublicRecipient } from './types/recipient.type';
import type { PublicThirdCountryTransfer } from './types/transfer.type';

/**
 * The nested content of a record's current version from its pre-rendered document (the read
 * model's `document`, one column of the row the page already reads), with the vocabularies' labels
 * from the process's copy. A page of 50 records then costs one statement instead of one per
 * nesting level, and its nested fields resolve without a loader or a promise each.
 *
 * Related processings are not served from here: the document does not hold the id of the record a
 * related processing points to (that record may be hidden), which `RelatedProcessing.activity`
 * needs; they keep their loader.
 */
export class DocumentContent {
  constructor(
    private readonly document: PublicDocument,
    private readonly vocabulary: Vocabulary,
  ) {}

  purposes(): PublicPurpose[] {
    return this.document.purposes.map((p) => ({
      dbId: '',
      description: p.description,
      legalBasisExplanation: p.legalBasisExplanation ?? null,
      legalBasis: p.legalBasis ? (this.vocabulary.legalBases.get(p.legalBasis) ?? null) : null,
      statutoryReferencesInDocument: readAsNullable<PublicStatutoryReference>(p.statutoryReferences),
    }));
  }

  dataSubjectGroups(): PublicDataSubjectGroup[] {
    const categories = this.vocabulary.specialCategories;
    return this.document.dataSubjectGroups.map((g) => ({
      dbId: '',
      description: g.description,
      noSpecialCategories: g.noSpecialCategories ?? null,
      specialCategories: g.specialCategories.flatMap((code) => categories.get(code) ?? []),
      dataItemsInDocument: g.dataItems.map((d) => new DataItemView(d)),
    }));
  }

  recipients(): PublicRecipient[] {
    return readAsNullable<PublicRecipient>(this.document.recipients);
  }

  parties(role: PublicDocumentParty['role']): PublicParty[] {
    return this.document.parties.filter((p) => p.role === role).map(toParty);
  }

  transfers(): PublicThirdCountryTransfer[] {
    const { countries, transferSafeguards } = this.vocabulary;
    return this.document.transfers.map((t) => ({
      country: t.countryCode ? (countries.get(t.countryCode) ?? null) : null,
      internationalOrganisation: t.internationalOrganisation ?? null,
      recipientName: t.recipientName,
      explanation: t.explanation ?? null,
      safeguard: t.safeguardCode ? (transferSafeguards.get(t.safeguardCode) ?? null) : null,
    }));
  }
}

/** The columns of a data item (from its row, null when empty, or its document, absent when empty) under their public names. */
export interface DataItemFields {
  description: string;
  collectionPurpose?: string | null;
  retentionText?: string | null;
  /** Absent from a document read without them (PageRequest.dataItemRetentionRules): only then is `retention.rules` not selected. */
  retentionRules?: Stored<ParsedRetentionRule>[] | PublicRetention['rules'];
  sourceIsDataSubject?: boolean | null;
  sourceDescription?: string | null;
  provisionObligatory?: boolean | null;
  provisionStatement?: string | null;
  consequencesOfNotProviding?: string | null;
}

/** A data item over its row or its document; the nested objects are built when read (a page of 50 records has some 450 items and shows few of their parts). */
export class DataItemView implements PublicDataItem {
  constructor(private readonly row: DataItemFields) {}

  get description(): string {
    return this.row.description;
  }

  get collectionPurpose(): string | null {
    return this.row.collectionPurpose ?? null;
  }

  get retention(): PublicRetention {
    return { text: this.row.retentionText ?? null, rules: readAsNullable<PublicRetentionRule>(this.row.retentionRules ?? []) };
  }

  get source(): PublicDataSource {
    return { isDataSubject: this.row.sourceIsDataSubject ?? null, description: this.row.sourceDescription ?? null };
  }

  get provision(): PublicProvisionRequirement {
    return { obligatory: this.row.provisionObligatory ?? null, statement: this.row.provisionStatement ?? null, consequences: this.row.consequencesOfNotProviding ?? null };
  }
}

/** A party from its row (null when empty) or its document (absent when empty). */
export function toParty(p: Omit<PublicDocumentParty, 'role'> | Omit<PartyRow, 'role' | '_key'>): PublicParty {
  return {
    organisationId: p.organisationId ?? null,
    name: p.name,
    roleDescription: p.roleDescription ?? null,
    kind: p.kind ?? null,
    email: p.email ?? null,
    phone: p.phone ?? null,
    visitingAddress: addressFrom(p.visitingLine ?? null, p.visitingPostalCode ?? null, p.visitingCity ?? null, p.visitingCountryCode ?? null),
    postalAddress: addressFrom(p.postalLine ?? null, p.postalPostalCode ?? null, p.postalCity ?? null, p.postalCountryCode ?? null),
  };
}

/**
 * Objects of a document handed to GraphQL as they are: their empty fields are absent, which
 * GraphQL answers as null like a null field (it resolves a missing property to undefined and
 * completes undefined as null). Only for values GraphQL serialises: code that reads such a field
 * itself must take `?? null`.
 */
function readAsNullable<T>(stored: readonly (Stored<T> | T)[]): T[] {
  return stored as T[];
}
