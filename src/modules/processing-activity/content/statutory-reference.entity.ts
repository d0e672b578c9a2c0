import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { UuidEntity } from '../../common/base.entity';
import { Purpose } from './purpose.entity';

/** A statutory basis cited for a purpose, e.g. "Grondwet, artikel 68". */
@Entity({ tableName: 'statutory_reference' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'statutory_reference_purpose_position_idx', properties: ['purpose', 'position'] })
export class StatutoryReference extends UuidEntity {
  @ManyToOne(() => Purpose, { deleteRule: 'cascade' })
  purpose!: Rel<Purpose>;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  url: string | null = null;
}
