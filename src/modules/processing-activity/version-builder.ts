import type { EntityManager } from '@mikro-orm/postgresql';
import { Address } from '../common/address.embeddable';
import { Organisation } from '../organisation/organisation.entity';
import { parseRetentionText } from '../retention/retention-parser';
import { RetentionRule } from '../retention/retention-rule.entity';
import { Country } from '../vocabulary/country.entity';
import { LegalBasis } from '../vocabulary/legal-basis.entity';
import { SpecialCategory } from '../vocabulary/special-category.entity';
import { TransferSafeguard } from '../vocabulary/transfer-safeguard.entity';
import { DataItem } from './content/data-item.entity';
import { DataSubjectGroup } from './content/data-subject-group.entity';
import { ProcessingParty } from './content/processing-party.entity';
import { Purpose } from './content/purpose.entity';
import { Recipient } from './content/recipient.entity';
import { RelatedProcessing } from './content/related-processing.entity';
import { StatutoryReference } from './content/statutory-reference.entity';
import { ThirdCountryTransfer } from './content/third-country-transfer.entity';
import { Attachment } from './internal/attachment.entity';
import { ContactPerson } from './internal/contact-person.entity';
import { DpiaScreening } from './internal/dpia-screening.entity';
import { ProcessingSystem } from './internal/processing-system.entity';
import { Remark } from './internal/remark.entity';
import { SecurityMeasures } from './internal/security-measures.entity';
import { PartyRole } from './processing-activity.enums';
import type { ProcessingActivity } from './processing-activity.entity';
import { ProcessingActivityVersion } from './processing-activity-version.entity';
import type { AddressContent, InternalContent, PartyContent, RecordContent } from './record-content';

/** Links from content to rows that already exist; resolved by the caller in one query per kind. */
export interface VersionLinks {
  organisationsByIdentifier: Map<string, Organisation>;
  activitiesByReference: Map<string, ProcessingActivity>;
}

/**
 * Builds the entity graph of one new version from plain content. Codes become references to the
 * vocabulary tables (the database's foreign keys reject unknown codes); retention texts are kept
 * verbatim and parsed into rules; the denormalised filter columns are filled from the same content.
 */
export function buildVersion(
  em: EntityManager,
  activity: ProcessingActivity,
  versionNumber: number,
  content: RecordContent,
  hash: string,
  links: VersionLinks,
): ProcessingActivityVersion {
  const v = em.create(ProcessingActivityVersion, {
    activity,
    versionNumber,
    status: 'DRAFT' as ProcessingActivityVersion['status'],
    contentHash: hash,
    title: content.title,
    description: content.description ?? null,
    legalRole: content.legalRole,
    jointControllershipArrangement: content.jointControllershipArrangement ?? null,
    automatedDecisionMaking: content.automatedDecisionMaking?.applies ?? null,
    automatedDecisionStatement: content.automatedDecisionMaking?.statement ?? null,
    automatedDecisionLogic: content.automatedDecisionMaking?.logic ?? null,
    automatedDecisionConsequences: content.automatedDecisionMaking?.consequences ?? null,
    thirdCountryTransfers: content.thirdCountryTransfers?.applies ?? null,
    thirdCountryTransfersStatement: content.thirdCountryTransfers?.statement ?? null,
    transferSafeguardStatement: content.thirdCountryTransfers?.safeguardStatement ?? null,
    recipientsNone: content.recipientsNone ?? null,
    relatedProcessingsStatement: content.relatedProcessingsStatement ?? null,
    dataSubjectRights: content.dataSubjectRights ?? null,
    processingLocation: content.processingLocation ?? null,
    legalBasisCodes: unique(content.purposes.map((p) => p.legalBasis)),
    specialCategoryCodes: unique(content.dataSubjectGroups.flatMap((g) => g.specialCategories ?? [])),
    transferCountryCodes: unique((content.thirdCountryTransfers?.transfers ?? []).map((t) => t.countryCode?.toUpperCase())),
    searchText: searchText(content),
  });

  content.purposes.forEach((p, i) => {
    const purpose = em.create(Purpose, {
      version: v,
      position: i,
      description: p.description,
      legalBasis: p.legalBasis ? em.getReference(LegalBasis, p.legalBasis) : null,
      legalBasisExplanation: p.legalBasisExplanation ?? null,
    });
    (p.statutoryReferences ?? []).forEach((r, j) =>
      purpose.statutoryReferences.add(em.create(StatutoryReference, { purpose, position: j, title: r.title, url: r.url ?? null })),
    );
    v.purposes.add(purpose);
  });

  content.dataSubjectGroups.forEach((g, i) => {
    const group = em.create(DataSubjectGroup, { version: v, position: i, description: g.description, noSpecialCategories: g.noSpecialCategories ?? null });
    for (const code of g.specialCategories ?? []) group.specialCategories.add(em.getReference(SpecialCategory, code));
    g.dataItems.forEach((d, j) => {
      const item = em.create(DataItem, {
        group,
        position: j,
        description: d.description,
        collectionPurpose: d.collectionPurpose ?? null,
        retentionText: d.retentionText ?? null,
        sourceIsDataSubject: d.sourceIsDataSubject ?? null,
        sourceDescription: d.sourceDescription ?? null,
        provisionObligatory: d.provisionObligatory ?? null,
        provisionStatement: d.provisionStatement ?? null,
        consequencesOfNotProviding: d.consequencesOfNotProviding ?? null,
      });
      parseRetentionText(d.retentionText ?? '').forEach((rule, k) => item.retentionRules.add(em.create(RetentionRule, { ...rule, dataItem: item, position: k })));
      group.dataItems.add(item);
    });
    v.dataSubjectGroups.add(group);
  });

  content.recipients.forEach((r, i) =>
    v.recipients.add(em.create(Recipient, { version: v, position: i, description: r.description, explanation: r.explanation ?? null })),
  );

  const parties = [
    ...content.controllers.map((p) => [PartyRole.CONTROLLER, p] as const),
    ...content.processors.map((p) => [PartyRole.PROCESSOR, p] as const),
  ];
  parties.forEach(([role, p], i) => v.parties.add(buildParty(em, v, i, role, p, links)));

  (content.thirdCountryTransfers?.transfers ?? []).forEach((t, i) =>
    v.transfers.add(
      em.create(ThirdCountryTransfer, {
        version: v,
        position: i,
        country: t.countryCode ? em.getReference(Country, t.countryCode.toUpperCase()) : null,
        internationalOrganisation: t.internationalOrganisation ?? null,
        recipientName: t.recipientName,
        safeguard: t.safeguard ? em.getReference(TransferSafeguard, t.safeguard) : null,
        explanation: t.explanation ?? null,
      }),
    ),
  );

  content.relatedProcessings.forEach((r, i) =>
    v.relatedProcessings.add(
      em.create(RelatedProcessing, {
        version: v,
        position: i,
        reference: r.reference,
        organisationTooi: r.organisationTooi ?? null,
        relatedActivity: links.activitiesByReference.get(relatedKey(r.organisationTooi, r.reference)) ?? null,
        description: r.description ?? null,
      }),
    ),
  );

  if (content.internal) addInternal(em, v, content.internal);
  return v;
}

/** Key under which a related activity is looked up: the owning organisation's TOOI (or '' for the same organisation) and the reference. */
export function relatedKey(organisationTooi: string | null | undefined, reference: string): string {
  return `${organisationTooi ?? ''}\u0000${reference}`;
}

function buildParty(em: EntityManager, version: ProcessingActivityVersion, position: number, role: PartyRole, p: PartyContent, links: VersionLinks) {
  const organisation =
    (p.organisationTooi && links.organisationsByIdentifier.get(p.organisationTooi)) ||
    (p.organisationOin && links.organisationsByIdentifier.get(p.organisationOin)) ||
    null;
  return em.create(ProcessingParty, {
    version,
    position,
    role,
    name: p.name,
    kind: p.kind ?? null,
    organisation,
    email: p.email ?? null,
    phone: p.phone ?? null,
    visitingAddress: toAddress(p.visitingAddress),
    postalAddress: toAddress(p.postalAddress),
  });
}

export function toAddress(a: AddressContent | null | undefined): Address | null {
  if (!a) return null;
  return Object.assign(new Address(), { line: a.line, postalCode: a.postalCode ?? null, city: a.city ?? null, countryCode: a.countryCode?.toUpperCase() ?? null });
}

function addInternal(em: EntityManager, v: ProcessingActivityVersion, internal: InternalContent): void {
  (internal.contactPersons ?? []).forEach((c, i) =>
    v.contactPersons.add(em.create(ContactPerson, { version: v, position: i, name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null })),
  );
  (internal.systems ?? []).forEach((s, i) => v.systems.add(em.create(ProcessingSystem, { version: v, position: i, name: s.name, description: s.description ?? null })));
  (internal.remarks ?? []).forEach((text, i) => v.remarks.add(em.create(Remark, { version: v, position: i, text })));
  (internal.attachments ?? []).forEach((a, i) =>
    v.attachments.add(
      em.create(Attachment, { version: v, position: i, name: a.name, date: a.date ?? null, versionLabel: a.versionLabel ?? null, description: a.description ?? null }),
    ),
  );
  if (internal.security) {
    const s = internal.security;
    v.security = em.create(SecurityMeasures, {
      version: v,
      hasMeasures: s.hasMeasures ?? null,
      measures: s.measures ?? [],
      encryption: s.encryption ?? null,
      pseudonymisation: s.pseudonymisation ?? null,
      electronicChannels: s.electronicChannels ?? [],
      access: s.access ?? [],
      explanation: s.explanation ?? null,
    });
  }
  if (internal.dpiaScreening) {
    const d = internal.dpiaScreening;
    v.dpiaScreening = em.create(DpiaScreening, {
      version: v,
      dpiaPerformed: d.dpiaPerformed ?? null,
      automatedProfiling: d.automatedProfiling ?? null,
      largeScale: d.largeScale ?? null,
      conclusion: d.conclusion ?? null,
      answers: d.answers ?? {},
    });
  }
}

/** The public texts that full-text search covers besides title and description. Internal parts are deliberately absent. */
function searchText(c: RecordContent): string {
  return [
    ...c.purposes.flatMap((p) => [p.description, p.legalBasisExplanation]),
    ...c.dataSubjectGroups.flatMap((g) => [g.description, ...g.dataItems.flatMap((d) => [d.description, d.collectionPurpose])]),
    ...c.recipients.flatMap((r) => [r.description, r.explanation]),
  ]
    .filter((s): s is string => !!s)
    .join('\n');
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}
