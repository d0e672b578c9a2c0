import type { ParsedRetentionRule } from '../retention/retention-rule.types';
import { ArrayType, Cascade, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OneToOne, type Opt, Property, type Rel, Unique } from '@mikro-orm/core';
import { UuidEntity } from '../common/base.entity';
import { DataSubjectGroup } from './content/data-subject-group.entity';
import { ProcessingParty } from './content/processing-party.entity';
import { Purpose } from './content/purpose.entity';
import { Recipient } from './content/recipient.entity';
import { RelatedProcessing } from './content/related-processing.entity';
import { ThirdCountryTransfer } from './content/third-country-transfer.entity';
import { Attachment } from './internal/attachment.entity';
import { ContactPerson } from './internal/contact-person.entity';
import { DpiaScreening } from './internal/dpia-screening.entity';
import { ProcessingSystem } from './internal/processing-system.entity';
import { Remark } from './internal/remark.entity';
import { SecurityMeasures } from './internal/security-measures.entity';
import { LegalRole, VersionStatus } from './processing-activity.enums';
import { ProcessingActivity } from './processing-activity.entity';

/**
 * One immutable version of a processing activity's content. A change creates a new version;
 * only the publication state (status, publishFrom, publishedAt, withdrawnAt) of a version moves.
 *
 * Because content never changes after insert, the filter columns (legal basis, special category
 * and country codes, search text) are denormalised here at write time and can never go stale.
 */
@Entity({ tableName: 'processing_activity_version' })
@Unique({ name: 'processing_activity_version_number_unique', properties: ['activity', 'versionNumber'] })
@Index({ name: 'processing_activity_version_public_idx', properties: ['activity', 'status', 'versionNumber'] })
// Public listing in title order: the visibility filter walks this index in keyset order (public-scope.ts).
@Index({ name: 'pav_public_title_idx', expression: `create index "pav_public_title_idx" on "processing_activity_version" ("title", "activity_id") where status = 'PUBLISHED'` })
// The projector's schedule of future publish-from moments: a record's scheduled versions without reading its whole history (public-scope.ts).
@Index({ name: 'pav_scheduled_idx', expression: `create index "pav_scheduled_idx" on "processing_activity_version" ("activity_id") where status = 'PUBLISHED' and publish_from is not null` })
export class ProcessingActivityVersion extends UuidEntity {
  @ManyToOne(() => ProcessingActivity, { deleteRule: 'cascade' })
  activity!: Rel<ProcessingActivity>;

  @Property({ type: 'integer' })
  versionNumber!: number;

  // ---- publication state (the only mutable part) ----
  @Enum({ items: () => VersionStatus, nativeEnumName: 'version_status' })
  status!: VersionStatus;

  /** Not visible to the public before this moment, even when PUBLISHED. */
  @Property({ type: 'datetime', nullable: true })
  publishFrom: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** SHA-256 of the canonical content: identical content creates no new version. */
  @Property({ type: 'character', length: 64 })
  contentHash!: string;

  // ---- content ----
  /** Omschrijving / Naam */
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => LegalRole, nativeEnumName: 'legal_role' })
  legalRole!: LegalRole;

  /** VerdelingVerantwoordelijkheid (joint controllers). */
  @Property({ type: 'text', nullable: true })
  jointControllershipArrangement: string | null = null;

  /** null = not answered. */
  @Property({ type: 'boolean', nullable: true })
  automatedDecisionMaking: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  automatedDecisionStatement: string | null = null;

  @Property({ type: 'text', nullable: true })
  automatedDecisionLogic: string | null = null;

  @Property({ type: 'text', nullable: true })
  automatedDecisionConsequences: string | null = null;

  /** BuitenEu; null = not answered. */
  @Property({ type: 'boolean', nullable: true })
  thirdCountryTransfers: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  thirdCountryTransfersStatement: string | null = null;

  @Property({ type: 'text', nullable: true })
  transferSafeguardStatement: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  recipientsNone: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  relatedProcessingsStatement: string | null = null;

  @Property({ type: 'text', nullable: true })
  dataSubjectRights: string | null = null;

  @Property({ type: 'text', nullable: true })
  processingLocation: string | null = null;

  /** Bewaartermijn stated once for the whole record, verbatim; copied onto every data item without its own (data-item.entity.ts). */
  @Property({ type: 'text', nullable: true })
  retentionText: string | null = null;

  /** The rules parsed from retentionText, as on a data item. */
  @Property({ type: 'json', default: '[]' })
  retentionRules: ParsedRetentionRule[] & Opt = [];

  /** Bron stated once for the whole record; copied onto every data item that states no source of its own. */
  @Property({ type: 'text', nullable: true })
  sourceDescription: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  sourceIsDataSubject: boolean | null = null;

  // ---- denormalised filter columns (written once with the content) ----
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  legalBasisCodes: string[] & Opt = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  specialCategoryCodes: string[] & Opt = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  transferCountryCodes: string[] & Opt = [];

  /** Public text of purposes, data items and recipients, for full-text search (public_version_vector weighs it with the title and description when the version becomes public). Never internal text. */
  @Property({ type: 'text', lazy: true, hidden: true })
  searchText: string & Opt = '';

  // ---- nested content ----
  @OneToMany(() => Purpose, (p) => p.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  purposes = new Collection<Purpose>(this);

  @OneToMany(() => DataSubjectGroup, (g) => g.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  dataSubjectGroups = new Collection<DataSubjectGroup>(this);

  @OneToMany(() => Recipient, (r) => r.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  recipients = new Collection<Recipient>(this);

  /** Controllers and processors (role column). */
  @OneToMany(() => ProcessingParty, (p) => p.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  parties = new Collection<ProcessingParty>(this);

  @OneToMany(() => ThirdCountryTransfer, (t) => t.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  transfers = new Collection<ThirdCountryTransfer>(this);

  @OneToMany(() => RelatedProcessing, (r) => r.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  relatedProcessings = new Collection<RelatedProcessing>(this);

  // ---- internal-only content: never mapped to a public GraphQL type ----
  @OneToMany(() => ContactPerson, (c) => c.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  contactPersons = new Collection<ContactPerson>(this);

  @OneToOne(() => SecurityMeasures, (s) => s.version, { cascade: [Cascade.PERSIST], nullable: true })
  security: Rel<SecurityMeasures> | null = null;

  @OneToMany(() => ProcessingSystem, (s) => s.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  systems = new Collection<ProcessingSystem>(this);

  @OneToOne(() => DpiaScreening, (d) => d.version, { cascade: [Cascade.PERSIST], nullable: true })
  dpiaScreening: Rel<DpiaScreening> | null = null;

  @OneToMany(() => Remark, (r) => r.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  remarks = new Collection<Remark>(this);

  @OneToMany(() => Attachment, (a) => a.version, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  attachments = new Collection<Attachment>(this);
}
