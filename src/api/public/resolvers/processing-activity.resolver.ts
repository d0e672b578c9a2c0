import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PublicActivityOrder } from '../../../modules/publication/public-filter';
import { decodeIdOf } from '../../common/global-id';
import { activityPage, MAX_PAGE_SIZE } from '../activity-listing';
import { ProcessingActivityFilterInput, toPublicFilter } from '../inputs/processing-activity-filter.input';
import type { PublicContext } from '../public.context';
import { toPublicActivity } from '../public.mappers';
import { ProcessingActivityConnection } from '../types/connection.type';
import { PublicProcessingActivity } from '../types/processing-activity.type';
import { countCost, lookupCost, pageCost } from '../cost';

@ArgsType()
class ProcessingActivitiesArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => ProcessingActivityFilterInput, { nullable: true, description: 'Narrow the listing; all given conditions must hold.' })
  filter?: ProcessingActivityFilterInput | null;

  @Field(() => String, { nullable: true, description: 'Dutch full-text search (with stemming) over title, description, purposes, data items and recipients.' })
  search?: string | null;

  @Field(() => PublicActivityOrder, { nullable: true, description: 'Default: RELEVANCE with a search, TITLE_ASC without.' })
  orderBy?: PublicActivityOrder | null;
}

@Resolver(() => ProcessingActivityConnection)
export class ProcessingActivityResolver {
  @Query(() => ProcessingActivityConnection, {
    description: 'Published processing activities, a page at a time (Relay connection).',
    complexity: pageCost(MAX_PAGE_SIZE),
  })
  processingActivities(@Args() args: ProcessingActivitiesArgs, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<ProcessingActivityConnection> {
    return activityPage(ctx, info, { ...args, filter: toPublicFilter(args.filter) });
  }

  @FieldResolver(() => Int, { description: 'Number of records matching the filter and search (all pages).', complexity: countCost })
  totalCount(@Root() connection: ProcessingActivityConnection, @Ctx() ctx: PublicContext): Promise<number> {
    return ctx.register.count(connection.filter, connection.search);
  }

  @Query(() => PublicProcessingActivity, { nullable: true, description: 'A published processing activity by its global id; null when there is none.', complexity: lookupCost })
  async processingActivity(@Arg('id', () => ID, { description: 'Global id of the activity.' }) id: string, @Ctx() ctx: PublicContext): Promise<PublicProcessingActivity | null> {
    const activityId = decodeIdOf('ProcessingActivity', id);
    const row = activityId ? await ctx.visibleActivity.load(activityId) : null;
    return row ? toPublicActivity(row) : null;
  }

  @Query(() => PublicProcessingActivity, {
    nullable: true,
    description: 'A published processing activity by organisation and reference number (e.g. "D2717"); null when there is none.',
    complexity: lookupCost,
  })
  async processingActivityByReference(
    @Arg('organisation', () => ID, { description: 'Organisation global id.' }) organisation: string,
    @Arg('reference', { description: 'The organisation\'s reference number, e.g. "D2717".' }) reference: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicProcessingActivity | null> {
    const organisationId = decodeIdOf('Organisation', organisation);
    if (!organisationId || reference.length > 64 || reference.includes('\u0000')) return null;
    const row = await ctx.register.byReference(organisationId, reference);
    return row ? toPublicActivity(row) : null;
  }
}
