import { timeOrderedId } from '../common/time-ordered-id';
import { Address } from '../common/address.embeddable';
import { retentionRulesOf } from '../retention/retention-parser';
import { LegalRole, PartyRole, VersionStatus, WithheldReason } from './processing-activity.enums';
import type { AddressContent, InternalContent, PartyContent, RecordContent } from './record-content';

/** Links from content to rows that already exist (ids); resolved by the caller in one query per kind for a whole batch. */
export interface VersionLinks {
  organisationIdsByIdentifier: Map<string, string>;
  activityIdsByReference: Map<string, string>;
}

/** One row to insert: column name → value (JSON-serialisable; PostgreSQL converts it to the column's type). */
export type Row = Record<string, unknown>;

/**
 * The tables a version is stored in, parents before children (the order the rows are inserted
 * in). A version's content is immutable, so it is only ever inserted, never updated.
 */
export const VERSION_TABLES = [
  'processing_activity_version',
  'purpose',
  'statutory_reference',
  'data_subject_group',
  'data_subject_group_special_category',
  'data_item',
  'recipient',
  'processing_party',
  'third_country_transfer',
  'related_processing',
  'contact_person',
  'processing_system',
  'remark',
  'attachment',
  'security_measures',
  'dpia_screening',
] as const;

export type VersionTable = (typeof VERSION_TABLES)[number];
export type VersionRows = Record<VersionTable, Row[]>;

export interface NewVersion {
  activityId: string;
  versionNumber: number;
  content: RecordContent;
  hash: string;
  status: VersionStatus;
  /** Only for PUBLISHED versions: not public before this moment. */
  publishFrom: Date | null;
  /** The moment of writing: publishedAt of a PUBLISHED version, withdrawnAt of a WITHDRAWN one. */
  at: Date;
  /** The source's own moments (an import), instead of `at`. */
  publishedAt?: Date | null;
  withdrawnAt?: Date | null;
}

export function emptyVersionRows(): VersionRows {
  return Object.fromEntries(VERSION_TABLES.map((t) => [t, []])) as unknown as VersionRows;
}

/**
 * Adds the rows of one new version to `rows` (so a batch collects every table's rows and inserts
 * each table once) and answers the version's id. This is the one place content becomes rows:
 * codes are stored as given (the database's foreign keys reject unknown codes), retention texts
 * are kept verbatim and parsed into rules, and the denormalised filter columns and search text
 * are filled from the same content.
 */
export function addVersionRows(rows: VersionRows, v: NewVersion, links: VersionLinks): string {
  const c = v.content;
  // Time-ordered ids (UUIDv7) for the version and its content rows: a batch then appends to the
  // right edge of each table's primary key and parent-key indexes instead of touching pages all
  // over them. A version id is public (node id) and so tells when the version was written; that
  // is no secret next to its publication date, and it says nothing about how many records exist.
  // Record ids stay random (processing-activity.entity.ts).
  const versionId = timeOrderedId();
  rows.processing_activity_version.push({
    id: versionId,
    activity_id: v.activityId,
    version_number: v.versionNumber,
    status: v.status,
    publish_from: v.publishFrom,
    published_at: v.status === VersionStatus.PUBLISHED ? (v.publishedAt ?? v.at) : null,
    withdrawn_at: v.status === VersionStatus.WITHDRAWN ? (v.withdrawnAt ?? v.at) : null,
    content_hash: v.hash,
    title: c.title,
    description: c.description ?? null,
    legal_role: c.legalRole,
    joint_controllership_arrangement: c.jointControllershipArrangement ?? null,
    automated_decision_making: c.automatedDecisionMaking?.applies ?? null,
    automated_decision_statement: c.automatedDecisionMaking?.statement ?? null,
    automated_decision_logic: c.automatedDecisionMaking?.logic ?? null,
    automated_decision_consequences: c.automatedDecisionMaking?.consequences ?? null,
    third_country_transfers: c.thirdCountryTransfers?.applies ?? null,
    third_country_transfers_statement: c.thirdCountryTransfers?.statement ?? null,
    transfer_safeguard_statement: c.thirdCountryTransfers?.safeguardStatement ?? null,
    recipients_none: c.recipientsNone ?? null,
    related_processings_statement: c.relatedProcessingsStatement ?? null,
    data_subject_rights: c.dataSubjectRights ?? null,
    processing_location: c.processingLocation ?? null,
    retention_text: c.retentionText ?? null,
    retention_rules: retentionRulesOf(c.retentionText ?? ''),
    source_description: c.sourceDescription ?? null,
    source_is_data_subject: c.sourceIsDataSubject ?? null,
    legal_basis_codes: unique(c.purposes.map((p) => p.legalBasis)),
    special_category_codes: unique(c.dataSubjectGroups.flatMap((g) => g.specialCategories ?? [])),
    transfer_country_codes: unique((c.thirdCountryTransfers?.transfers ?? []).map((t) => t.countryCode?.toUpperCase())),
    search_text: searchText(c),
  });

  c.purposes.forEach((p, i) => {
    const purposeId = timeOrderedId();
    rows.purpose.push({ id: purposeId, version_id: versionId, position: i, description: p.description, legal_basis_code: p.legalBasis ?? null, legal_basis_explanation: p.legalBasisExplanation ?? null });
    (p.statutoryReferences ?? []).forEach((r, j) => rows.statutory_reference.push({ id: timeOrderedId(), purpose_id: purposeId, position: j, title: r.title, url: r.url ?? null }));
  });

  c.dataSubjectGroups.forEach((g, i) => {
    const groupId = timeOrderedId();
    rows.data_subject_group.push({ id: groupId, version_id: versionId, position: i, description: g.description, no_special_categories: g.noSpecialCategories ?? null });
    for (const code of new Set(g.specialCategories ?? [])) rows.data_subject_group_special_category.push({ data_subject_group_id: groupId, special_category_code: code });
    g.dataItems.forEach((d, j) => {
      // The record's retention and source apply to every item that states none of its own.
      const retentionFromRecord = d.retentionText == null && c.retentionText != null;
      const sourceFromRecord = d.sourceDescription == null && d.sourceIsDataSubject == null && (c.sourceDescription != null || c.sourceIsDataSubject != null);
      const retentionText = retentionFromRecord ? c.retentionText! : (d.retentionText ?? null);
      rows.data_item.push({
        id: timeOrderedId(),
        group_id: groupId,
        position: j,
        description: d.description,
        collection_purpose: d.collectionPurpose ?? null,
        retention_text: retentionText,
        source_is_data_subject: sourceFromRecord ? (c.sourceIsDataSubject ?? null) : (d.sourceIsDataSubject ?? null),
        source_description: sourceFromRecord ? (c.sourceDescription ?? null) : (d.sourceDescription ?? null),
        provision_obligatory: d.provisionObligatory ?? null,
        provision_statement: d.provisionStatement ?? null,
        consequences_of_not_providing: d.consequencesOfNotProviding ?? null,
        retention_rules: retentionRulesOf(retentionText ?? ''),
        retention_from_record: retentionFromRecord,
        source_from_record: sourceFromRecord,
      });
    });
  });

  c.recipients.forEach((r, i) => rows.recipient.push({ id: timeOrderedId(), version_id: versionId, position: i, description: r.description, explanation: r.explanation ?? null }));

  const parties = [...c.controllers.map((p) => [PartyRole.CONTROLLER, p] as const), ...c.processors.map((p) => [PartyRole.PROCESSOR, p] as const)];
  parties.forEach(([role, p], i) => rows.processing_party.push(partyRow(versionId, i, role, p, links)));

  (c.thirdCountryTransfers?.transfers ?? []).forEach((t, i) =>
    rows.third_country_transfer.push({
      id: timeOrderedId(),
      version_id: versionId,
      position: i,
      country_code: t.countryCode?.toUpperCase() ?? null,
      international_organisation: t.internationalOrganisation ?? null,
      recipient_name: t.recipientName,
      safeguard_code: t.safeguard ?? null,
      explanation: t.explanation ?? null,
    }),
  );

  c.relatedProcessings.forEach((r, i) =>
    rows.related_processing.push({
      id: timeOrderedId(),
      version_id: versionId,
      position: i,
      reference: r.reference,
      organisation_tooi: r.organisationTooi ?? null,
      related_activity_id: links.activityIdsByReference.get(relatedKey(r.organisationTooi, r.reference)) ?? null,
      description: r.description ?? null,
    }),
  );

  if (c.internal) addInternalRows(rows, versionId, c.internal);
  return versionId;
}

/** Processor and Wpg records are internal by law and practice: a version with that role withholds its record. */
export function withheldReasonFor(role: LegalRole): WithheldReason | null {
  if (role === LegalRole.CONTROLLER) return null;
  return role === LegalRole.PROCESSOR ? WithheldReason.PROCESSOR_RECORD : WithheldReason.WPG_RECORD;
}

/** Key under which a related activity is looked up: the owning organisation's TOOI (or '' for the same organisation) and the reference. */
export function relatedKey(organisationTooi: string | null | undefined, reference: string): string {
  return `${organisationTooi ?? ''}\u0000${reference}`;
}

function partyRow(versionId: string, position: number, role: PartyRole, p: PartyContent, links: VersionLinks): Row {
  const organisationId =
    (p.organisationTooi && links.organisationIdsByIdentifier.get(p.organisationTooi)) || (p.organisationOin && links.organisationIdsByIdentifier.get(p.organisationOin)) || null;
  const visiting = toAddress(p.visitingAddress);
  const postal = toAddress(p.postalAddress);
  return {
    id: timeOrderedId(),
    version_id: versionId,
    position,
    role,
    name: p.name,
    role_description: p.roleDescription ?? null,
    kind: p.kind ?? null,
    organisation_id: organisationId,
    email: p.email ?? null,
    phone: p.phone ?? null,
    visiting_line: visiting?.line ?? null,
    visiting_postal_code: visiting?.postalCode ?? null,
    visiting_city: visiting?.city ?? null,
    visiting_country_code: visiting?.countryCode ?? null,
    postal_line: postal?.line ?? null,
    postal_postal_code: postal?.postalCode ?? null,
    postal_city: postal?.city ?? null,
    postal_country_code: postal?.countryCode ?? null,
  };
}

export function toAddress(a: AddressContent | null | undefined): Address | null {
  if (!a) return null;
  return Object.assign(new Address(), { line: a.line, postalCode: a.postalCode ?? null, city: a.city ?? null, countryCode: a.countryCode?.toUpperCase() ?? null });
}

function addInternalRows(rows: VersionRows, versionId: string, internal: InternalContent): void {
  (internal.contactPersons ?? []).forEach((c, i) =>
    rows.contact_person.push({ id: timeOrderedId(), version_id: versionId, position: i, name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null }),
  );
  (internal.systems ?? []).forEach((s, i) => rows.processing_system.push({ id: timeOrderedId(), version_id: versionId, position: i, name: s.name, description: s.description ?? null }));
  (internal.remarks ?? []).forEach((text, i) => rows.remark.push({ id: timeOrderedId(), version_id: versionId, position: i, text }));
  (internal.attachments ?? []).forEach((a, i) =>
    rows.attachment.push({ id: timeOrderedId(), version_id: versionId, position: i, name: a.name, date: a.date ?? null, version_label: a.versionLabel ?? null, description: a.description ?? null }),
  );
  const s = internal.security;
  if (s) {
    rows.security_measures.push({
      id: timeOrderedId(),
      version_id: versionId,
      has_measures: s.hasMeasures ?? null,
      measures: s.measures ?? [],
      encryption: s.encryption ?? null,
      pseudonymisation: s.pseudonymisation ?? null,
      electronic_channels: s.electronicChannels ?? [],
      access: s.access ?? [],
      explanation: s.explanation ?? null,
    });
  }
  const d = internal.dpiaScreening;
  if (d) {
    rows.dpia_screening.push({
      id: timeOrderedId(),
      version_id: versionId,
      dpia_performed: d.dpiaPerformed ?? null,
      automated_profiling: d.automatedProfiling ?? null,
      large_scale: d.largeScale ?? null,
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
