import 'reflect-metadata';
import { GraphQLDateTime } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import './sync.enums';
import { skipInstanceCopies } from '../common/plain-input-arg';
import { denyWithoutCaller, refuseUnstorableArguments, requireReadScopeForInternalData, syncAuthChecker } from './auth-checker';
import { InternalProcessingActivityFieldsResolver, InternalRecordsResolver, RecordVersionFieldsResolver } from './internal-records.resolver';
import { OperatorResolver } from './operator.resolver';
import { PublicationResolver } from './publication.resolver';
import { InternalParticipantsResolver, SharingResolver } from './sharing.resolver';
import { StatisticsResolver } from './statistics.resolver';
import { SyncRecordsResolver } from './sync-records.resolver';

/** Every resolver of the sync surface. Each is @Authorized at class level; the deny-by-default test calls every root field without a token. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql types resolver classes as Function
export const SYNC_RESOLVERS: NonEmptyArray<Function> = [
  SyncRecordsResolver,
  PublicationResolver,
  InternalRecordsResolver,
  InternalProcessingActivityFieldsResolver,
  RecordVersionFieldsResolver,
  OperatorResolver,
  StatisticsResolver,
  SharingResolver,
  InternalParticipantsResolver,
];

/** The authenticated sync surface at /sync/graphql (schema/sync.graphql). */
export async function buildSyncSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: SYNC_RESOLVERS,
    authChecker: syncAuthChecker,
    authMode: 'error',
    globalMiddlewares: [denyWithoutCaller, requireReadScopeForInternalData, refuseUnstorableArguments],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
  });
  return skipInstanceCopies(schema);
}
