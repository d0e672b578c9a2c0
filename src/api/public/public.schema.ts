import type { GraphQLInterfaceType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { callFieldResolversDirectly, refuseGuardedPlainFields } from './lean-resolvers';
import { ChangesResolver } from './resolvers/changes.resolver';
import { FacetsResolver } from './resolvers/facets.resolver';
import { PartyResolver, PurposeResolver, DataSubjectGroupResolver, ThirdCountryTransfersResolver } from './resolvers/nested-content.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { OrganisationResolver } from './resolvers/organisation.resolver';
import { ProcessingActivityContentResolver, ProcessingActivityVersionContentResolver, RelatedProcessingResolver } from './resolvers/processing-activity-content.resolver';
import { ProcessingActivityResolver } from './resolvers/processing-activity.resolver';
import { resolveNodeType } from './types/node.type';
import { PublicOrganisation } from './types/organisation.type';
import { PublicProcessingActivity, PublicProcessingActivityVersion } from './types/processing-activity.type';
import './types/enums.type';

/**
 * The public schema: only the types reachable from these resolvers exist in it, so internal
 * fields (contact persons, security, systems, DPIA, remarks, attachments, tokens, sync metadata)
 * cannot be asked for — they are not in the schema at all.
 */
export const PUBLIC_RESOLVERS = [
  ProcessingActivityResolver,
  ProcessingActivityContentResolver,
  ProcessingActivityVersionContentResolver,
  RelatedProcessingResolver,
  PurposeResolver,
  DataSubjectGroupResolver,
  ThirdCountryTransfersResolver,
  PartyResolver,
  OrganisationResolver,
  FacetsResolver,
  NodeResolver,
  ChangesResolver,
] as const;

export async function buildPublicSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: PUBLIC_RESOLVERS,
    orphanedTypes: [PublicProcessingActivity, PublicProcessingActivityVersion, PublicOrganisation],
    validate: false,
    // The public surface has no callers to authorise. type-graphql needs a checker as soon as any
    // schema in the process uses @Authorized; this one denies, so an @Authorized field on a public
    // type could never be reached anonymously.
    authChecker: () => false,
  });
  refuseGuardedPlainFields();
  callFieldResolversDirectly(schema, PUBLIC_RESOLVERS);
  // type-graphql wraps resolveType in an async function; graphql-jit (jit-executor.ts) needs the
  // type name synchronously, as graphql-js also accepts it.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = resolveNodeType;
  return schema;
}
