import type { PublicDocument, PublicDocumentParty } from '../../modules/publication/public-document';
import type { Vocabulary } from '../../modules/publication/public-register';
import { addressFrom } from './types/address.type';
import type { PublicDataItem, PublicDataSource, PublicProvisionRequirement, PublicRetention } from './types/data-item.type';
import type { PublicDataSubjectGroup } from './types/data-subject-group.type';
import type { PublicParty } from './types/party.type';
import type { PublicPurpose } from './types/purpose.type';
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
      legalBasisExplanation: p.legalBasisExplanation,
      legalBasis: p.legalBasis ? (this.vocabulary.legalBases.get(p.legalBasis) ?? null) : null,
      statutoryReferencesInDocument: p.statutoryReferences,
    }));
  }

  dataSubjectGroups(): PublicDataSubjectGroup[] {
    const categories = this.vocabulary.specialCategories;
    return this.document.dataSubjectGroups.map((g) => ({
      dbId: '',
      description: g.description,
      noSpecialCategories: g.noSpecialCategories,
      specialCategories: g.specialCategories.flatMap((code) => categories.get(code) ?? []),
      dataItemsInDocument: g.dataItems.map((d) => new DataItemView(d)),
    }));
  }

  recipients(): PublicRecipient[] {
    return this.document.recipients;
  }

  parties(role: PublicDocumentParty['role']): PublicParty[] {
    return this.document.parties.filter((p) => p.role === role).map(toParty);
  }

  transfers(): PublicThirdCountryTransfer[] {
    const { countries, transferSafeguards } = this.vocabulary;
    return this.document.transfers.map((t) => ({
      country: t.countryCode ? (countries.get(t.countryCode) ?? null) : null,
      internationalOrganisation: t.internationalOrganisation,
      recipientName: t.recipientName,
      explanation: t.explanation,
      safeguard: t.safeguardCode ? (transferSafeguards.get(t.safeguardCode) ?? null) : null,
    }));
  }
}

/** The columns of a data item (from its row or its document) under their public names. */
export interface DataItemFields {
  description: string;
  collectionPurpose: string | null;
  retentionText: string | null;
  retentionRules: PublicRetention['rules'];
  sourceIsDataSubject: boolean | null;
  sourceDescription: string | null;
  provisionObligatory: boolean | null;
  provisionStatement: string | null;
  consequencesOfNotProviding: string | null;
}

/** A data item over its row or its document; the nested objects are built when read (a page of 50 records has some 450 items and shows few of their parts). */
export class DataItemView implements PublicDataItem {
  constructor(private readonly row: DataItemFields) {}

  get description(): string {
    return this.row.description;
  }

  get collectionPurpose(): string | null {
    return this.row.collectionPurpose;
  }

  get retention(): PublicRetention {
    return { text: this.row.retentionText, rules: this.row.retentionRules };
  }

  get source(): PublicDataSource {
    return { isDataSubject: this.row.sourceIsDataSubject, description: this.row.sourceDescription };
  }

  get provision(): PublicProvisionRequirement {
    return { obligatory: this.row.provisionObligatory, statement: this.row.provisionStatement, consequences: this.row.consequencesOfNotProviding };
  }
}

/** A party from its row or its document (the same fields). */
export function toParty(p: Omit<PublicDocumentParty, 'role'>): PublicParty {
  return {
    organisationId: p.organisationId,
    name: p.name,
    roleDescription: p.roleDescription ?? null,
    kind: p.kind,
    email: p.email,
    phone: p.phone,
    visitingAddress: addressFrom(p.visitingLine, p.visitingPostalCode, p.visitingCity, p.visitingCountryCode),
    postalAddress: addressFrom(p.postalLine, p.postalPostalCode, p.postalCity, p.postalCountryCode),
  };
}
