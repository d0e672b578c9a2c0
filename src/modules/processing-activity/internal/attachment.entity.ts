import { Entity, Index, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Bijlage: metadata of an attached document (the file itself is not stored). Never public. */
@Entity({ tableName: 'attachment' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'attachment_version_position_idx', properties: ['version', 'position'] })
export class Attachment extends VersionPart {
  @Property({ type: 'text' })
  name!: string;

  /** As delivered (the export has dates without time zone). */
  @Property({ type: 'string', length: 32, nullable: true })
  date: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  versionLabel: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;
}
