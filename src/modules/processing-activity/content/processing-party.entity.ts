import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Address } from '../../common/address.embeddable';
import { Organisation } from '../../organisation/organisation.entity';
import { PartyRole } from '../processing-activity.enums';
import { VersionPart } from './version-part';

/**
 * A controller (verantwoordelijke) or processor (verwerker) of this processing: an organisation
 * with functional contact data only. Contact persons live in the internal ContactPerson table.
 */
@Entity({ tableName: 'processing_party' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'processing_party_version_position_idx', properties: ['version', 'position'] })
export class ProcessingParty extends VersionPart {
  @Enum({ items: () => PartyRole, nativeEnumName: 'party_role' })
  role!: PartyRole;

  @Property({ type: 'text' })
  name!: string;

  /** The role in which the party acts, as written, e.g. "burgemeester" or "college van burgemeester en wethouders". */
  @Property({ type: 'text', nullable: true })
  roleDescription: string | null = null;

  /** Type as delivered (e.g. "Ministerie"). */
  @Property({ type: 'text', nullable: true })
  kind: string | null = null;

  /** The register's own organisation, when the party is one. */
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'set null' })
  organisation: Rel<Organisation> | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  phone: string | null = null;

  @Embedded(() => Address, { nullable: true, prefix: 'visiting_' })
  visitingAddress: Address | null = null;

  @Embedded(() => Address, { nullable: true, prefix: 'postal_' })
  postalAddress: Address | null = null;
}
