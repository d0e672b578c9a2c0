import { ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { UuidEntity } from '../../common/base.entity';
import type { ProcessingActivityVersion } from '../processing-activity-version.entity';

/**
 * A list entry inside one version, kept in the order the register delivered it.
 * The version entity is named by string: importing it here would close an import cycle
 * (version → part → base → version) before this base class exists.
 */
export abstract class VersionPart extends UuidEntity {
  @ManyToOne('ProcessingActivityVersion', { deleteRule: 'cascade' })
  version!: Rel<ProcessingActivityVersion>;

  @Property({ type: 'smallint' })
  position!: number;
}
