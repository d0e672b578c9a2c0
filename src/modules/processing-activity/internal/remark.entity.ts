import { Entity, Index, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Opmerking by the register's keepers. Never public. */
@Entity({ tableName: 'remark' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'remark_version_position_idx', properties: ['version', 'position'] })
export class Remark extends VersionPart {
  @Property({ type: 'text' })
  text!: string;
}
