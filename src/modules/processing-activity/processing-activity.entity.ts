import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, type Opt, Property, type Rel, Unique } from '@mikro-orm/core';
import { UuidEntity } from '../common/base.entity';
import { Organisation } from '../organisation/organisation.entity';
import { WithheldReason } from './processing-activity.enums';
import { ProcessingActivityVersion } from './processing-activity-version.entity';

/**
 * The stable identity of a processing activity: owning organisation plus the organisation's own
 * reference number (e.g. D2717). Its content lives in immutable versions.
 *
 * Withholding is a property of the record, not of one version: a withheld record must not
 * surface through an older published version either.
 */
@Entity({ tableName: 'processing_activity' })
@Unique({ name: 'processing_activity_organisation_reference_unique', properties: ['organisation', 'reference'] })
export class ProcessingActivity extends UuidEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  @Index()
  organisation!: Rel<Organisation>;

  /** Referentienummer / Nummer, unique within the organisation. */
  @Property({ type: 'string', length: 64 })
  reference!: string;

  @Property({ type: 'boolean', default: false })
  withheld: boolean & Opt = false;

  @Enum({ items: () => WithheldReason, nativeEnumName: 'withheld_reason', nullable: true })
  withheldReason: WithheldReason | null = null;

  /** Number of the newest version (any status); the next version gets this + 1. */
  @Property({ type: 'integer', default: 0 })
  latestVersionNumber: number & Opt = 0;

  @OneToMany(() => ProcessingActivityVersion, (v) => v.activity)
  versions = new Collection<ProcessingActivityVersion>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
