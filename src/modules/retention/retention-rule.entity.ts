import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { UuidEntity } from '../common/base.entity';
import { DataItem } from '../processing-activity/content/data-item.entity';
import { RetentionKind, RetentionValuation } from './retention-rule.types';

/** One rule parsed from a data item's retention text (one text can hold several). */
@Entity({ tableName: 'retention_rule' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'retention_rule_data_item_position_idx', properties: ['dataItem', 'position'] })
export class RetentionRule extends UuidEntity {
  @ManyToOne(() => DataItem, { deleteRule: 'cascade' })
  dataItem!: Rel<DataItem>;

  @Property({ type: 'smallint' })
  position!: number;

  @Enum({ items: () => RetentionKind, nativeEnumName: 'retention_kind' })
  kind!: RetentionKind;

  /** ISO 8601 duration, e.g. P6M. */
  @Property({ type: 'string', length: 32, nullable: true })
  duration: string | null = null;

  @Property({ type: 'text', nullable: true })
  eventTrigger: string | null = null;

  @Enum({ items: () => RetentionValuation, nativeEnumName: 'retention_valuation', nullable: true })
  valuation: RetentionValuation | null = null;

  @Property({ type: 'text', nullable: true })
  selectionList: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  processNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  processTitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  appliesTo: string | null = null;

  @Property({ type: 'text' })
  sourceFragment!: string;
}
