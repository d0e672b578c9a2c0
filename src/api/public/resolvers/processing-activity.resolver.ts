import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PublicActivityOrder } from '../../../modules/publication/public-filter';
import type { PageRow, PageText, Vocabulary } from '../../../modules/publication/public-register';
import { decodeIdOf } from '../../common/global-id';
import { decodeCursor, encodeCursor } from '../cursor';
import { badInput, checkText, ProcessingActivityFilterInput, toPublicFilter } from '../inputs/processing-activity-filter.input';
import type { PublicContext } from '../public.context';
import { toPublicActivity } from '../public.mappers';
import { ProcessingActivityConnection } from '../types/connection.type';
import { PublicProcessingActivity } from '../types/processing-activity.type';
import { ColumnSelection } from '../selection';
import { countCost, lookupCost, pageCost } from '../cost';

export const MAX_PAGE_SIZE = 100;

/** The long texts of a record that a page's selection shows (the other columns of a page row are always read). */
const PAGE_TEXTS_OF = new ColumnSelection<PageText>(
  {
    description: ['description'],
    jointControllershipArrangement: ['joint_controllership_arrangement'],
    'automatedDecisionMaking.statement': ['automated_decision_statement'],
    'automatedDecisionMaking.logic': ['automated_decision_logic'],
    'automatedDecisionMaking.consequences': ['automated_decision_consequences'],
    'thirdCountryTransfers.statement': ['third_country_transfers_statement'],
    'thirdCountryTransfers.safeguardStatement': ['transfer_safeguard_statement'],
    relatedProcessingsStatement: ['related_processings_statement'],
    dataSubjectRights: ['data_subject_rights'],
    processingLocation: ['processing_location'],
  },
  'edges.node',
);
/**
 * Whether a page's selection shows nested content that the records' pre-rendered documents hold
 * (document-content.ts): then the page reads the documents with its rows, and those fields need no
 * statement of their own. Related processings are not in the document (they keep their loader).
 */
const DOCUMENT_OF = new ColumnSelection<'document'>(
  {
    purposes: ['document'],
    dataSubjectGroups: ['document'],
    recipients: ['document'],
    controllers: ['document'],
    processors: ['document'],
    'thirdCountryTransfers.transfers': ['document'],
  },
  'edges.node',
);
const MAX_SEARCH = 200;

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

/** An edge whose cursor is encoded only when read: a page usually asks for pageInfo.endCursor, not every edge's cursor. */
class Edge {
  readonly node: PublicProcessingActivity;

  constructor(
    private readonly order: PublicActivityOrder,
    private readonly row: PageRow,
    vocabulary?: Vocabulary,
  ) {
    this.node = toPublicActivity(row, vocabulary);
  }

  get cursor(): string {
    return encodeCursor(this.order, [this.row.sort_value, this.row.activity_id]);
  }
}

@Resolver(() => ProcessingActivityConnection)
export class ProcessingActivityResolver {
  @Query(() => ProcessingActivityConnection, {
    description: 'Published processing activities, a page at a time (Relay connection).',
    complexity: pageCost(MAX_PAGE_SIZE),
  })
  async processingActivities(@Args() args: ProcessingActivitiesArgs, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<ProcessingActivityConnection> {
    if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
    const search = args.search?.trim() || null;
    if (search) checkText(search, 'search', MAX_SEARCH);
    const order = args.orderBy ?? (search ? PublicActivityOrder.RELEVANCE : PublicActivityOrder.TITLE_ASC);
    if (order === PublicActivityOrder.RELEVANCE && !search) throw badInput('orderBy RELEVANCE needs a search.', 'orderBy');
    const filter = toPublicFilter(args.filter);
    const after = args.after ? decodeCursor(args.after, order) : null;

    const document = DOCUMENT_OF.of(info).length > 0;
    const [{ rows, hasNextPage }, vocabulary] = await Promise.all([
      ctx.register.page({ filter, search, order, first: args.first, after, texts: PAGE_TEXTS_OF.of(info), document }),
      document ? ctx.register.vocabulary() : undefined,
    ]);
    const edges = rows.map((row) => new Edge(order, row, vocabulary));
    return {
      filter,
      search,
      edges,
      pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
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
