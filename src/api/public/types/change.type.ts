import { Field, ID, ObjectType } from 'type-graphql';
import type { ChangeRecordRow } from '../../../modules/publication/public-register';
import { PublicChangeKind } from '../../../modules/publication/public-changes';
import { PageInfo } from './connection.type';

/** An event of the change log; `record` and `organisation` are field resolvers. */
@ObjectType('PublicChange', {
  simpleResolvers: true,
  description:
    'One change of the public register. PUBLISHED: a record became public; UPDATED: its public version, organisation or reference changed, or an organisation adopted or left it (its sharedWith changed, and with it the listings of that organisation); REMOVED: it left the public register, and every listing that held it (a tombstone: which record, never why).',
})
export class PublicChange {
  /** Database ids; not GraphQL fields. */
  activityDbId!: string;
  organisationDbId!: string;
  /** The record's current public version, read with the event; null when it is not public now. */
  current!: ChangeRecordRow | null;

  @Field({ description: "The event's position in the log (a whole number, as text); increases with every event. Equal to the edge's cursor." })
  position!: string;

  @Field(() => PublicChangeKind, { description: 'What happened to the record.' })
  kind!: PublicChangeKind;

  @Field({ description: 'When the change took effect in the public register.' })
  occurredAt!: Date;

  @Field(() => ID, { description: "Global id of the record (ProcessingActivity), also for a removed one." })
  activityId!: string;

  @Field({ description: "The organisation's reference number of the record." })
  reference!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One event in a page of the change log, with its cursor.' })
export class PublicChangeEdge {
  @Field({ description: "The event's log position: pass it as `after` to continue after this event." })
  cursor!: string;

  @Field(() => PublicChange, { description: 'The event.' })
  node!: PublicChange;
}

@ObjectType({ simpleResolvers: true, description: 'A page of the public change log, oldest event first.' })
export class PublicChangeConnection {
  @Field(() => [PublicChangeEdge], { description: 'The events of this page.' })
  edges!: PublicChangeEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands; endCursor is the position to store and resume after.' })
  pageInfo!: PageInfo;

  @Field({ description: 'Position of the newest event in the log when this page was read ("0" for an empty log): how far the log reaches.' })
  lastPosition!: string;
}
