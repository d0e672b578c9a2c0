import type { GraphQLResolveInfo } from 'graphql';
import { COST } from '../cost';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PublicChangeKind } from '../../../modules/publication/public-changes';
import { toGlobalId } from '../../common/global-id';
import { badInput } from '../inputs/processing-activity-filter.input';
import { ORGANISATION_COLUMNS } from '../organisation-directory';
import type { PublicContext } from '../public.context';
import { toPublicActivity } from '../public.mappers';
import { PublicChange, PublicChangeConnection } from '../types/change.type';
import { PublicOrganisation } from '../types/organisation.type';
import { PublicProcessingActivity } from '../types/processing-activity.type';

export const MAX_CHANGES_PAGE = 500;

@Resolver(() => PublicChange)
export class ChangesResolver {
  @Query(() => PublicChangeConnection, {
    description:
      'The change log of the public register, oldest first (Relay connection over log positions). A mirror reads it from the start (or from the position a bulk download states), applies each event — PUBLISHED and UPDATED: store `record`; REMOVED: delete the record — and stores pageInfo.endCursor to resume after.',
    complexity: ({ args, childComplexity }) => COST.statement + Math.min(Math.max(Number(args.first ?? 100), 0), MAX_CHANGES_PAGE) * childComplexity,
  })
  async changes(
    @Ctx() ctx: PublicContext,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this log position (an endCursor or position from an earlier answer); from the start when absent.' }) after?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `Page size, 0 to ${MAX_CHANGES_PAGE}.` }) first?: number,
  ): Promise<PublicChangeConnection> {
    const size = first ?? 100;
    if (!Number.isInteger(size) || size < 0 || size > MAX_CHANGES_PAGE) throw badInput(`first must be between 0 and ${MAX_CHANGES_PAGE}.`, 'first');
    if (after != null && !/^(0|[1-9]\d{0,17})$/.test(after)) throw badInput('after must be a log position: a cursor or position from an earlier answer.', 'after');
    const { rows, hasNextPage, lastPosition } = await ctx.register.changes(after ?? '0', size);
    const edges = rows.map((r) => ({
      cursor: r.position,
      node: Object.assign(new PublicChange(), {
        activityDbId: r.activity_id,
        organisationDbId: r.organisation_id,
        current: r.current,
        position: r.position,
        kind: r.kind,
        occurredAt: new Date(r.occurred_at),
        activityId: toGlobalId('ProcessingActivity', r.activity_id),
        reference: r.reference,
      }),
    }));
    return {
      edges,
      lastPosition,
      pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @FieldResolver(() => PublicProcessingActivity, {
    nullable: true,
    description: 'The record as the public sees it now; null for REMOVED, and for an earlier event of a record that has since left the register (its REMOVED event follows).',
  })
  // The context parameter keeps the resolver on the direct call path (lean-resolvers.ts).
  record(@Root() change: PublicChange, @Ctx() _ctx: PublicContext): PublicProcessingActivity | null {
    return change.kind !== PublicChangeKind.REMOVED && change.current ? toPublicActivity(change.current) : null;
  }

  @FieldResolver(() => PublicOrganisation, { nullable: true, description: 'The organisation of the record (at the time of the event).' })
  async organisation(@Root() change: PublicChange, @Ctx() ctx: PublicContext, @Info() info: GraphQLResolveInfo): Promise<PublicOrganisation | null> {
    return ctx.organisations.get(change.organisationDbId, ORGANISATION_COLUMNS.of(info));
  }
}
