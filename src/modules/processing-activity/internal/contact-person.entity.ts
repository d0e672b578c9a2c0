import { Entity, Index, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Contactpersoon: a staff member to ask about this processing. Never public. */
@Entity({ tableName: 'contact_person' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'contact_person_version_position_idx', properties: ['version', 'position'] })
export class ContactPerson extends VersionPart {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  role: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  phone: string | null = null;
}
