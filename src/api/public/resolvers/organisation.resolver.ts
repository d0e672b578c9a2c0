import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PublicActivityOrder } from '../../../modules/publication/public-filter';
import { decodeIdOf } from '../../common/global-id';
import { activityPage, MAX_PAGE_SIZE } from '../activity-listing';
import { ORGANISATION_COLUMNS } from '../organisation-directory';
import type { PublicContext } from '../public.context';
import { ProcessingActivityConnection } from '../types/connection.type';
import { PublicOrganisation } from '../types/organisation.type';
import { lookupCost, pageCost } from '../cost';

@ArgsType()
class OrganisationActivitiesArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor of the previous page).' })
  after?: string | null;

  @Field(() => PublicActivityOrder, { nullable: true, description: 'Default TITLE_ASC (RELEVANCE needs a search: use processingActivities with filter.organisation).' })
  orderBy?: PublicActivityOrder | null;
}

@Resolver(() => PublicOrganisation)
export class OrganisationResolver {
  @Query(() => [PublicOrganisation], { description: 'Organisations in the register: the top of the tree, or all of them with `all: true`.', complexity: lookupCost })
  async organisations(@Arg('all', () => Boolean, { defaultValue: false, description: 'All organisations instead of the top of the tree.' }) all: boolean, @Ctx() ctx: PublicContext): Promise<PublicOrganisation[]> {
    return all ? [...(await ctx.organisations.byId()).values()] : ctx.organisations.children(null);
  }

  @Query(() => PublicOrganisation, { nullable: true, description: 'One organisation, by global id, TOOI URI or OIN (give one).', complexity: lookupCost })
  async organisation(
    @Ctx() ctx: PublicContext,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string | null,
    @Arg('tooi', () => String, { nullable: true, description: 'TOOI URI.' }) tooi?: string | null,
    @Arg('oin', () => String, { nullable: true, description: 'Organisatie-identificatienummer (20 digits).' }) oin?: string | null,
  ): Promise<PublicOrganisation | null> {
    if (id) return ctx.organisations.get(decodeIdOf('Organisation', id));
    if (tooi || oin) return ctx.organisations.find({ tooiUri: tooi, oin });
    return null;
  }

  @FieldResolver(() => PublicOrganisation, { nullable: true, description: 'The organisation above this one (e.g. the ministry of an agency).' })
  parent(@Root() root: PublicOrganisation, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicOrganisation | null> {
    return ctx.organisations.get(root.parentId, ORGANISATION_COLUMNS.of(info));
  }

  @FieldResolver(() => [PublicOrganisation], { description: 'Sub-organisations.' })
  children(@Root() root: PublicOrganisation, @Ctx() ctx: PublicContext): Promise<PublicOrganisation[]> {
    return ctx.organisations.children(root.dbId);
  }

  @FieldResolver(() => ProcessingActivityConnection, {
    description:
      "The organisation's register: its published processing activities and those of its sub-organisations, with the shared records any of them adopted from another organisation (edge.isAdopted, the owner in node.organisation). The same records as processingActivities(filter: { organisation }).",
    complexity: pageCost(MAX_PAGE_SIZE),
  })
  processingActivities(@Root() root: PublicOrganisation, @Args() args: OrganisationActivitiesArgs, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<ProcessingActivityConnection> {
    return activityPage(ctx, info, { ...args, filter: { organisationId: root.dbId } });
  }

  @FieldResolver(() => Int, {
    description:
      'Number of published processing activities the organisation lists: its own and those it adopted from another organisation (shared records), each once; with sub-organisations, a record that several of them list counts once.',
    complexity: lookupCost,
  })
  publishedActivityCount(
    @Root() root: PublicOrganisation,
    @Ctx() ctx: PublicContext,
    @Arg('includeSubOrganisations', () => Boolean, { defaultValue: true, description: 'Count the records of sub-organisations too.' }) includeSubOrganisations: boolean,
  ): Promise<number> {
    return ctx.organisations.publishedCount(root.dbId, includeSubOrganisations);
  }
}
