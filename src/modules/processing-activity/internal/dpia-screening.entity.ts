import { Entity, JsonType, OneToOne, type Opt, Property, type Rel } from '@mikro-orm/core';
import { UuidEntity } from '../../common/base.entity';
import { ProcessingActivityVersion } from '../processing-activity-version.entity';

/** INTERNAL. GebPia: the DPIA pre-screening. Never public. */
@Entity({ tableName: 'dpia_screening' })
export class DpiaScreening extends UuidEntity {
  @OneToOne(() => ProcessingActivityVersion, (v) => v.dpiaScreening, { owner: true, deleteRule: 'cascade' })
  version!: Rel<ProcessingActivityVersion>;

  @Property({ type: 'boolean', nullable: true })
  dpiaPerformed: boolean | null = null;

  @Property({ type: 'boolean', nullable: true })
  automatedProfiling: boolean | null = null;

  @Property({ type: 'boolean', nullable: true })
  largeScale: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  conclusion: string | null = null;

  /** The remaining screening questions, keyed by the export's field names. */
  @Property({ type: JsonType, default: '{}' })
  answers: Record<string, boolean | string | null> & Opt = {};
}
