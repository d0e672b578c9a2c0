import { Field, ObjectType } from 'type-graphql';
import type { PublicActivityFilter } from '../../../modules/publication/public-filter';
import { PublicProcessingActivity } from './processing-activity.type';

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when another page follows.' })
  hasNextPage!: boolean;

  @Field({ description: 'Always false: pages are walked forward with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One record in a page, with its cursor.' })
export class ProcessingActivityEdge {
  @Field({ description: 'Opaque cursor; stable when records are added.' })
  cursor!: string;

  @Field(() => PublicProcessingActivity, { description: 'The record.' })
  node!: PublicProcessingActivity;

  @Field({
    description:
      "True when the listing is narrowed to an organisation (filter.organisation, Organisation.processingActivities) and the record is in it because that organisation or one of its sub-organisations adopted it, not because it owns it: a shared record, written by its owner (node.organisation). Always false in a listing that names no organisation.",
  })
  isAdopted!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A page of published processing activities.' })
export class ProcessingActivityConnection {
  /** The query, so totalCount is only computed when asked for. */
  filter!: PublicActivityFilter | null;
  search!: string | null;

  @Field(() => [ProcessingActivityEdge], { description: 'The records of this page.' })
  edges!: ProcessingActivityEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  /** Resolved by a field resolver. */
  totalCount?: number;
}

