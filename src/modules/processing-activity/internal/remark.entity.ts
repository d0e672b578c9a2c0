import { Entity, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Opmerking by the register's keepers. Never public. */
@Entity({ tableName: 'remark' })
export class Remark extends VersionPart {
  @Property({ type: 'text' })
  text!: string;
}
