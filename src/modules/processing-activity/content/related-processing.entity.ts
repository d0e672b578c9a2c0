import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { ProcessingActivity } from '../processing-activity.entity';
import { VersionPart } from './version-part';

/**
 * Gerelateerde verwerking. The reference is kept as delivered; relatedActivity is resolved when the
 * target exists in the register. Public reads follow the link only through the public scope.
 */
@Entity({ tableName: 'related_processing' })
// Loaded by parent, in delivered order (public-content.loaders.ts): one index range per parent.
@Index({ name: 'related_processing_version_position_idx', properties: ['version', 'position'] })
export class RelatedProcessing extends VersionPart {
  @Property({ type: 'string', length: 64 })
  reference!: string;

  @Property({ type: 'text', nullable: true })
  organisationTooi: string | null = null;

  @ManyToOne(() => ProcessingActivity, { nullable: true, deleteRule: 'set null' })
  relatedActivity: Rel<ProcessingActivity> | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;
}
