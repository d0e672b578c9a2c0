import { Entity, Property } from '@mikro-orm/core';
import { VersionPart } from './version-part';

/** Ontvanger: a (category of) recipient of the personal data. */
@Entity({ tableName: 'recipient' })
export class Recipient extends VersionPart {
  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  explanation: string | null = null;
}
