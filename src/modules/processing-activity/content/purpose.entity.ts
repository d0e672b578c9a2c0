import { Cascade, Collection, Entity, Index, ManyToOne, OneToMany, Property, type Rel } from '@mikro-orm/core';
import { LegalBasis } from '../../vocabulary/legal-basis.entity';
import { StatutoryReference } from './statutory-reference.entity';
import { VersionPart } from './version-part';

/** Doel van de verwerking, with its legal basis (grondslag). */
@Entity({ tableName: 'purpose' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'purpose_version_position_idx', properties: ['version', 'position'] })
export class Purpose extends VersionPart {
  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => LegalBasis, { nullable: true, deleteRule: 'restrict' })
  legalBasis: Rel<LegalBasis> | null = null;

  @Property({ type: 'text', nullable: true })
  legalBasisExplanation: string | null = null;

  @OneToMany(() => StatutoryReference, (r) => r.purpose, { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } })
  statutoryReferences = new Collection<StatutoryReference>(this);
}
