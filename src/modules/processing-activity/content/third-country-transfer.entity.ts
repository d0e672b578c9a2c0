import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Country } from '../../vocabulary/country.entity';
import { TransferSafeguard } from '../../vocabulary/transfer-safeguard.entity';
import { VersionPart } from './version-part';

/** Doorgifte buiten de EU: to a country or an international organisation, with its safeguard. */
@Entity({ tableName: 'third_country_transfer' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'third_country_transfer_version_position_idx', properties: ['version', 'position'] })
export class ThirdCountryTransfer extends VersionPart {
  @ManyToOne(() => Country, { nullable: true, deleteRule: 'restrict' })
  country: Rel<Country> | null = null;

  @Property({ type: 'text', nullable: true })
  internationalOrganisation: string | null = null;

  /** The receiving party, e.g. "Twitter". */
  @Property({ type: 'text' })
  recipientName!: string;

  @ManyToOne(() => TransferSafeguard, { nullable: true, deleteRule: 'restrict' })
  safeguard: Rel<TransferSafeguard> | null = null;

  @Property({ type: 'text', nullable: true })
  explanation: string | null = null;
}
