import { ArrayType, Entity, OneToOne, type Opt, Property, type Rel } from '@mikro-orm/core';
import { UuidEntity } from '../../common/base.entity';
import { ProcessingActivityVersion } from '../processing-activity-version.entity';

/** INTERNAL. Beveiliging: security measures of the processing. Never public. */
@Entity({ tableName: 'security_measures' })
export class SecurityMeasures extends UuidEntity {
  @OneToOne(() => ProcessingActivityVersion, (v) => v.security, { owner: true, deleteRule: 'cascade' })
  version!: Rel<ProcessingActivityVersion>;

  @Property({ type: 'boolean', nullable: true })
  hasMeasures: boolean | null = null;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  measures: string[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  encryption: string | null = null;

  @Property({ type: 'text', nullable: true })
  pseudonymisation: string | null = null;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  electronicChannels: string[] & Opt = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  access: string[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  explanation: string | null = null;
}
