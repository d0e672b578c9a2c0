import { Entity, Index, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Systeem: an application or system used for the processing. Never public. */
@Entity({ tableName: 'processing_system' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'processing_system_version_position_idx', properties: ['version', 'position'] })
export class ProcessingSystem extends VersionPart {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;
}
