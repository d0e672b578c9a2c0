import type { EntityManager } from '@mikro-orm/postgresql';
import type { Address } from '../common/address.embeddable';
import type { LegalBasisCode, SpecialCategoryCode, TransferSafeguardCode } from '../vocabulary/vocabulary.codes';
import type { ProcessingParty } from './content/processing-party.entity';
import { PartyRole } from './processing-activity.enums';
import { ProcessingActivityVersion } from './processing-activity-version.entity';
import type { AddressContent, InternalContent, PartyContent, RecordContent } from './record-content';

/** Every relation of a version, for a full read (internal surfaces and exports; never the public one). */
export const FULL_VERSION_POPULATE = [
  'purposes.statutoryReferences',
  'dataSubjectGroups.specialCategories',
  'dataSubjectGroups.dataItems',
  'recipients',
  'parties.organisation',
  'transfers',
  'relatedProcessings',
  'contactPersons',
  'security',
  'systems',
  'dpiaScreening',
  'remarks',
  'attachments',
] as const;

export async function loadFullVersion(em: EntityManager, id: string): Promise<ProcessingActivityVersion> {
  return em.findOneOrFail(ProcessingActivityVersion, id, { populate: FULL_VERSION_POPULATE as never });
}

/** The inverse of buildVersion: a stored version as plain content, so an exported record can be pushed back unchanged. */
export function toRecordContent(v: ProcessingActivityVersion): RecordContent {
  const parties = v.parties.getItems();
  return {
    title: v.title,
    description: v.description,
    legalRole: v.legalRole,
    purposes: v.purposes.getItems().map((p) => ({
      description: p.description,
      legalBasis: (p.legalBasis?.code ?? null) as LegalBasisCode | null,
      legalBasisExplanation: p.legalBasisExplanation,
      statutoryReferences: p.statutoryReferences.getItems().map((r) => ({ title: r.title, url: r.url })),
    })),
    dataSubjectGroups: v.dataSubjectGroups.getItems().map((g) => ({
      description: g.description,
      noSpecialCategories: g.noSpecialCategories,
      specialCategories: g.specialCategories
        .getItems()
        .map((c) => c.code as SpecialCategoryCode)
        .sort(),
      dataItems: g.dataItems.getItems().map((d) => ({
        description: d.description,
        collectionPurpose: d.collectionPurpose,
        // What the item said itself: values it took from the record are given back on the record only.
        retentionText: d.retentionFromRecord ? null : d.retentionText,
        sourceIsDataSubject: d.sourceFromRecord ? null : d.sourceIsDataSubject,
        sourceDescription: d.sourceFromRecord ? null : d.sourceDescription,
        provisionObligatory: d.provisionObligatory,
        provisionStatement: d.provisionStatement,
        consequencesOfNotProviding: d.consequencesOfNotProviding,
      })),
    })),
    recipients: v.recipients.getItems().map((r) => ({ description: r.description, explanation: r.explanation })),
    recipientsNone: v.recipientsNone,
    automatedDecisionMaking:
      v.automatedDecisionMaking === null
        ? null
        : { applies: v.automatedDecisionMaking, statement: v.automatedDecisionStatement, logic: v.automatedDecisionLogic, consequences: v.automatedDecisionConsequences },
    thirdCountryTransfers:
      v.thirdCountryTransfers === null
        ? null
        : {
            applies: v.thirdCountryTransfers,
            statement: v.thirdCountryTransfersStatement,
            safeguardStatement: v.transferSafeguardStatement,
            transfers: v.transfers.getItems().map((t) => ({
              countryCode: t.country?.code ?? null,
              internationalOrganisation: t.internationalOrganisation,
              recipientName: t.recipientName,
              safeguard: (t.safeguard?.code ?? null) as TransferSafeguardCode | null,
              explanation: t.explanation,
            })),
          },
    controllers: parties.filter((p) => p.role === PartyRole.CONTROLLER).map(toPartyContent),
    jointControllershipArrangement: v.jointControllershipArrangement,
    processors: parties.filter((p) => p.role === PartyRole.PROCESSOR).map(toPartyContent),
    relatedProcessings: v.relatedProcessings.getItems().map((r) => ({ reference: r.reference, organisationTooi: r.organisationTooi, description: r.description })),
    relatedProcessingsStatement: v.relatedProcessingsStatement,
    dataSubjectRights: v.dataSubjectRights,
    processingLocation: v.processingLocation,
    retentionText: v.retentionText,
    sourceDescription: v.sourceDescription,
    sourceIsDataSubject: v.sourceIsDataSubject,
    internal: toInternalContent(v),
  };
}

function toPartyContent(p: ProcessingParty): PartyContent {
  return {
    name: p.name,
    roleDescription: p.roleDescription,
    kind: p.kind,
    organisationTooi: p.organisation?.tooiUri ?? null,
    organisationOin: p.organisation?.tooiUri ? null : (p.organisation?.oin ?? null),
    email: p.email,
    phone: p.phone,
    visitingAddress: toAddressContent(p.visitingAddress),
    postalAddress: toAddressContent(p.postalAddress),
  };
}

function toAddressContent(a: Address | null): AddressContent | null {
  return a ? { line: a.line, postalCode: a.postalCode, city: a.city, countryCode: a.countryCode } : null;
}

function toInternalContent(v: ProcessingActivityVersion): InternalContent | null {
  const internal: InternalContent = {
    contactPersons: v.contactPersons.getItems().map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone })),
    systems: v.systems.getItems().map((s) => ({ name: s.name, description: s.description })),
    remarks: v.remarks.getItems().map((r) => r.text),
    attachments: v.attachments.getItems().map((a) => ({ name: a.name, date: a.date, versionLabel: a.versionLabel, description: a.description })),
    security: v.security
      ? {
          hasMeasures: v.security.hasMeasures,
          measures: v.security.measures,
          encryption: v.security.encryption,
          pseudonymisation: v.security.pseudonymisation,
          electronicChannels: v.security.electronicChannels,
          access: v.security.access,
          explanation: v.security.explanation,
        }
      : null,
    dpiaScreening: v.dpiaScreening
      ? {
          dpiaPerformed: v.dpiaScreening.dpiaPerformed,
          automatedProfiling: v.dpiaScreening.automatedProfiling,
          largeScale: v.dpiaScreening.largeScale,
          conclusion: v.dpiaScreening.conclusion,
          answers: v.dpiaScreening.answers,
        }
      : null,
  };
  const empty = !internal.contactPersons!.length && !internal.systems!.length && !internal.remarks!.length && !internal.attachments!.length && !internal.security && !internal.dpiaScreening;
  return empty ? null : internal;
}
