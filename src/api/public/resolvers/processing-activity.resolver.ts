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

  @Field(() => String, {
    nullable: true,
    description:
      'Dutch full-text search (with stemming) over title, description, purposes, data-subject groups, data items and recipients, and (weighted lowest) the names of controllers and processors and the sources of data items. Web-search syntax: words (all must occur), "a phrase", -excluded, or. A word ending in * is a prefix for type-ahead (`klach*` finds klacht, klachten, klachtenregeling: the 50 most frequent words of the register that start with it). Abbreviations and synonyms of the register\'s domain count as the same word (BSN = burgerservicenummer, AVG = Algemene verordening gegevensbescherming, Wmo, UWV, …; docs/public-api.md lists them). By relevance, a record matching alternatives (a prefix, synonyms) ranks by its best word.',
  })
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

  @FieldResolver(() => Int, { description: 'Number of records matching the filter and search (all pages); an estimate when totalCountIsEstimate is true.', complexity: countCost })
  totalCount(@Root() connection: ProcessingActivityConnection, @Ctx() ctx: PublicContext): Promise<number> {
    return ctx.register.count(connection.filter, connection.search);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when totalCount is an estimate rather than an exact count: for a search for the alternatives of a word (a prefix `word*`, synonyms) whose words together occur in more than 5,000 records (by default; the server setting SEARCH_EXACT_COUNT_LIMIT), without a filter, totalCount is estimated from how often each word occurs (as if they occurred independently, kept within the bounds that hold whatever their overlap). Exact otherwise: without a search, for one word, several words, phrases and exclusions, and with any filter. The page itself is always exact.',
    complexity: countCost,
  })
  async totalCountIsEstimate(@Root() connection: ProcessingActivityConnection, @Ctx() ctx: PublicContext): Promise<boolean> {
    return (await ctx.register.countOf(connection.filter, connection.search)).estimated;
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
