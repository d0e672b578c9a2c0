import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from '../../common/global-id';
import type { PublicContext } from '../public.context';
import { toPublicActivity, toPublicVersion } from '../public.mappers';
import { Node } from '../types/node.type';
import { lookupCost } from '../cost';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any public object by its global id; null when there is none (or it is not public).', complexity: lookupCost })
  async node(@Arg('id', () => ID, { description: 'Global id of any public object.' }) id: string, @Ctx() ctx: PublicContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    switch (decoded.type) {
      case 'ProcessingActivity': {
        const row = await ctx.visibleActivity.load(decoded.id);
        return row ? toPublicActivity(row) : null;
      }
      case 'ProcessingActivityVersion': {
        const row = await ctx.register.publishedVersion(decoded.id);
        return row ? toPublicVersion(row) : null;
      }
      case 'Organisation':
        return ctx.organisations.get(decoded.id);
    }
  }
}
