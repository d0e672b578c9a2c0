import { Entity, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { ProcessingActivityVersion } from '../processing-activity/processing-activity-version.entity';

/**
 * Counts about one version's content that the Article 30 completeness is judged by (record-facts.ts),
 * computed the first time statistics need them (CONTENT_FACTS_SQL). A version's content never
 * changes, so these never go stale; statistics then scan one narrow row per record instead of
 * aggregating every purpose, group, data item, recipient and party of the register each time.
 */
@Entity({ tableName: 'version_facts' })
export class VersionFacts {
  @OneToOne(() => ProcessingActivityVersion, { primary: true, owner: true, deleteRule: 'cascade', fieldName: 'version_id' })
  version!: Rel<ProcessingActivityVersion>;

  @Property({ type: 'integer' }) purposes!: number;
  @Property({ type: 'integer' }) purposesWithoutBasis!: number;
  @Property({ type: 'integer' }) groups!: number;
  @Property({ type: 'integer' }) groupsWithoutItems!: number;
  @Property({ type: 'integer' }) itemsWithoutRetention!: number;
  @Property({ type: 'integer' }) itemsUnparsedRetention!: number;
  @Property({ type: 'integer' }) recipients!: number;
  @Property({ type: 'integer' }) transfers!: number;
  /** Names a controller at all. */
  @Property({ type: 'boolean' }) controller!: boolean;
  /** Names a controller with a functional e-mail address or telephone number. */
  @Property({ type: 'boolean' }) controllerContact!: boolean;
  @Property({ type: 'boolean' }) processor!: boolean;
}
