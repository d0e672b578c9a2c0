import { Entity, Property } from '@mikro-orm/core';
import { VersionPart } from '../content/version-part';

/** INTERNAL. Systeem: an application or system used for the processing. Never public. */
@Entity({ tableName: 'processing_system' })
export class ProcessingSystem extends VersionPart {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;
}
