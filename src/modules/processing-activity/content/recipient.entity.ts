import { Entity, Index, Property } from '@mikro-orm/core';
import { VersionPart } from './version-part';

/** Ontvanger: a (category of) recipient of the personal data. */
@Entity({ tableName: 'recipient' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'recipient_version_position_idx', properties: ['version', 'position'] })
export class Recipient extends VersionPart {
  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  explanation: string | null = null;
}
