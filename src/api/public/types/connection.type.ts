import { Field, ObjectType } from 'type-graphql';
import type { PublicActivityFilter } from '../../../modules/publication/public-filter';
import { PublicProcessingActivity } from './processing-activity.type';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field({ description: 'Always false: pages are walked forward with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class ProcessingActivityEdge {
  @Field({ description: 'Opaque cursor; stable when records are added.' })
  cursor!: string;

  @Field(() => PublicProcessingActivity)
  node!: PublicProcessingActivity;
}

@ObjectType({ description: 'A page of published processing activities.' })
export class ProcessingActivityConnection {
  /** The query, so totalCount is only computed when asked for. */
  filter!: PublicActivityFilter | null;
  search!: string | null;

  @Field(() => [ProcessingActivityEdge])
  edges!: ProcessingActivityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Resolved by a field resolver. */
  totalCount?: number;
}

