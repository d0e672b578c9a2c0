import { Cascade, Collection, Entity, Index, ManyToMany, OneToMany, Property } from '@mikro-orm/core';
import { SpecialCategory } from '../../vocabulary/special-category.entity';
import { DataItem } from './data-item.entity';
import { VersionPart } from './version-part';

/** Betrokkenen: a group of data subjects, its special-category flags and the data kept about it. */
@Entity({ tableName: 'data_subject_group' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'data_subject_group_version_position_idx', properties: ['version', 'position'] })
export class DataSubjectGroup extends VersionPart {
  @Property({ type: 'text' })
  description!: string;

  /** GeenBijzondereGegevens: explicitly answered "none"; null = not answered. */
  @Property({ type: 'boolean', nullable: true })
  noSpecialCategories: boolean | null = null;

  @ManyToMany(() => SpecialCategory, undefined, { pivotTable: 'data_subject_group_special_category', owner: true })
  specialCategories = new Collection<SpecialCategory>(this);

  @OneToMany(() => DataItem, (i) => i.group, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  dataItems = new Collection<DataItem>(this);
}
