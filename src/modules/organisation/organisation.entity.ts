import { Check, Collection, Embedded, Entity, Enum, Index, ManyToOne, OneToMany, type Opt, Property, type Rel, Unique } from '@mikro-orm/core';
import { Address } from '../common/address.embeddable';
import { UuidEntity } from '../common/base.entity';
import { OrganisationKind } from './organisation.enums';

/**
 * A public organisation. Organisations form a tree (ministry → agency/directorate); a record
 * filter on an organisation includes its whole subtree (recursive CTE over parent_id; the tree
 * is small and moves are rare, so nothing is denormalised).
 */
@Entity({ tableName: 'organisation' })
@Check({ name: 'organisation_oin_format', expression: "oin ~ '^[0-9]{20}$'" })
// Names are unique among siblings, ignoring case; top-level organisations count as siblings (organisation.service.ts).
@Index({
  name: 'organisation_parent_name_unique',
  expression: `create unique index "organisation_parent_name_unique" on "organisation" (coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"))`,
})
export class Organisation extends UuidEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'string', length: 32, nullable: true })
  abbreviation: string | null = null;

  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  @Index()
  parent: Rel<Organisation> | null = null;

  @OneToMany(() => Organisation, (o) => o.parent)
  children = new Collection<Organisation>(this);

  /** Overheidsorganisatie identifier (TOOI), e.g. https://identifier.overheid.nl/tooi/id/ministerie/mnre1034 */
  @Property({ type: 'text', nullable: true })
  @Unique()
  tooiUri: string | null = null;

  /** Organisatie-identificatienummer: 20 digits. */
  @Property({ type: 'character', length: 20, nullable: true })
  @Unique()
  oin: string | null = null;

  @Property({ type: 'text', nullable: true })
  website: string | null = null;

  /** Functional e-mail address only (e.g. privacy@…), never a person's. */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  phone: string | null = null;

  @Embedded(() => Address, { nullable: true, prefix: 'visiting_' })
  visitingAddress: Address | null = null;

  @Embedded(() => Address, { nullable: true, prefix: 'postal_' })
  postalAddress: Address | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
