import { Entity, Index, ManyToOne, type Opt, Property, type Rel } from '@mikro-orm/core';
import { UuidEntity } from '../../common/base.entity';
import type { ParsedRetentionRule } from '../../retention/retention-rule.types';
import { DataSubjectGroup } from './data-subject-group.entity';

/** Persoonsgegevens: one kind of personal data of a subject group, why it is collected, how long it is kept, where it comes from. */
@Entity({ tableName: 'data_item' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'data_item_group_position_idx', properties: ['group', 'position'] })
export class DataItem extends UuidEntity {
  @ManyToOne(() => DataSubjectGroup, { deleteRule: 'cascade' })
  group!: Rel<DataSubjectGroup>;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'text' })
  description!: string;

  /** Verzameldoel */
  @Property({ type: 'text', nullable: true })
  collectionPurpose: string | null = null;

  /** Bewaartermijn exactly as delivered, kept even when nothing could be parsed from it. */
  @Property({ type: 'text', nullable: true })
  retentionText: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  sourceIsDataSubject: boolean | null = null;

  /** Bron */
  @Property({ type: 'text', nullable: true })
  sourceDescription: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  provisionObligatory: boolean | null = null;

  /** Aanleverplicht */
  @Property({ type: 'text', nullable: true })
  provisionStatement: string | null = null;

  @Property({ type: 'text', nullable: true })
  consequencesOfNotProviding: string | null = null;

  /**
   * The rules parsed from retentionText (retention-parser.ts), in text order. Derived data, kept
   * as a document beside the text it was read from rather than as rows of their own: they are
   * only ever read with their item, and a sync batch would otherwise insert (and foreign-key
   * check) some 300 more rows per 50 versions.
   */
  @Property({ type: 'json', default: '[]' })
  retentionRules: ParsedRetentionRule[] = [];

  /**
   * True when retentionText (and its rules) is the record's, stated once for every item without its
   * own (the version's retentionText): stored on the item so every reader of items — public pages,
   * downloads, statistics — sees the retention that applies, and flagged so an export gives back
   * exactly what was sent.
   */
  @Property({ type: 'boolean', default: false })
  retentionFromRecord: boolean & Opt = false;

  /** True when sourceDescription and sourceIsDataSubject are the record's (as retentionFromRecord). */
  @Property({ type: 'boolean', default: false })
  sourceFromRecord: boolean & Opt = false;
}
