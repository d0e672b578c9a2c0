import { Entity, Index, ManyToOne, type Opt, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { Organisation } from '../organisation/organisation.entity';
import { ProcessingActivity } from '../processing-activity/processing-activity.entity';

/**
 * An adoption: an organisation that lists another organisation's record in its own register (a
 * joint arrangement's processing, carried out for several municipalities, that each of them
 * registers). The owner writes the record; a participant only adopts or leaves it (sharing.service.ts).
 * Public while the record is (public_scope_participants in public-scope.ts).
 */
@Entity({ tableName: 'processing_activity_participant' })
export class ProcessingActivityParticipant {
  [PrimaryKeyProp]?: ['activity', 'organisation'];

  @ManyToOne(() => ProcessingActivity, { primary: true, deleteRule: 'cascade' })
  activity!: Rel<ProcessingActivity>;

  // Listings by participant look adoptions up by organisation.
  @ManyToOne(() => Organisation, { primary: true, deleteRule: 'cascade' })
  @Index()
  organisation!: Rel<Organisation>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  adoptedAt: Date & Opt = new Date();
}
