import { Entity, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Contactpersoon: a staff member to ask about this processing. Never public. */
@Entity({ tableName: 'contact_person' })
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
