import type { GraphQLSchema } from 'graphql';
import { buildSchema, Query, Resolver } from 'type-graphql';

/** PLACEHOLDER until the sync surface lands. */
@Resolver()
class SyncPlaceholderResolver {
  @Query(() => String)
  syncStatus(): string {
    return 'not implemented';
  }
}

export function buildSyncSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [SyncPlaceholderResolver], validate: false });
}
