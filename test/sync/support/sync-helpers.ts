import type { MikroORM } from '@mikro-orm/postgresql';
import { SEED_RECORDS } from '../../../seeds/data/records';
import { ApiTokenService } from '../../../src/modules/auth/api-token.service';
import { TokenScope } from '../../../src/modules/auth/token-scope';
import { Organisation } from '../../../src/modules/organisation/organisation.entity';
import type { RecordContent } from '../../../src/modules/processing-activity/record-content';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  PublishProcessingActivityDocument,
  ScheduleProcessingActivityPublicationDocument,
  SyncProcessingActivitiesDocument,
  type SyncProcessingActivitiesMutation,
  type SyncProcessingActivitiesMutationVariables,
  UnwithholdProcessingActivityDocument,
  WithdrawProcessingActivityDocument,
  WithholdProcessingActivityDocument,
} from '../../../clients/typescript/src/generated/sync/graphql';
import type { GraphQLClient, GraphQLResponse, TestServer } from '../../support/test-server';

export const DEFENSIE = 'Ministerie van Defensie';
export const EZ = 'Ministerie van Economische Zaken';
export const RVO = 'Rijksdienst voor Ondernemend Nederland';
export const FINANCIEN = 'Ministerie van Financiën';
export const LISSE = 'Gemeente Lisse';
export const HLTSAMEN = 'Gemeenschappelijke Regeling werkorganisatie HLTsamen';

export const ALL_WRITE = [TokenScope.RECORDS_WRITE, TokenScope.INTERNAL_READ];

/** Issues a real token through the token service, as the CLI does. */
export async function issueToken(orm: MikroORM, organisationName: string, scopes: TokenScope[] = ALL_WRITE, options: { expiresInDays?: number } = {}): Promise<string> {
  const em = orm.em.fork();
  const organisation = await em.findOneOrFail(Organisation, { name: organisationName });
  const { token } = await new ApiTokenService(em).create({ organisation, name: `test ${organisationName}`, scopes, expiresInDays: options.expiresInDays });
  return token;
}

export async function organisationId(orm: MikroORM, name: string): Promise<string> {
  return (await orm.em.fork().findOneOrFail(Organisation, { name })).id;
}

export const seedContent = (reference: string): RecordContent => structuredClone(SEED_RECORDS.find((r) => r.reference === reference)!.content);

/** A complete, publishable record based on D2717's content. */
export function record(reference: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { reference, ...seedContent('D2717'), ...overrides };
}

/** The sync mutation of the client package (clients/typescript), as text: for requests with deliberately invalid input. */
export const SYNC = print(SyncProcessingActivitiesDocument);

export type SyncPayload = SyncProcessingActivitiesMutation['syncProcessingActivities'];
export type SyncResult = SyncPayload['results'][number];

export async function sync(client: GraphQLClient, input: Record<string, unknown>): Promise<SyncPayload> {
  const data = await client.query(SyncProcessingActivitiesDocument, { input: input as unknown as SyncProcessingActivitiesMutationVariables['input'] });
  return data.syncProcessingActivities;
}

export const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

export const PUBLICATION_FIELDS = `activity { id reference withheld withheldReason latestVersionNumber } version changed errors { path code message }`;

/** The publication mutations' typed documents (they select PUBLICATION_FIELDS, as fragment PublicationPayloadFields). */
const PUBLICATION_DOCUMENTS: Record<string, TypedDocumentNode<Record<string, unknown>, { input: unknown }>> = {
  publishProcessingActivity: PublishProcessingActivityDocument as never,
  scheduleProcessingActivityPublication: ScheduleProcessingActivityPublicationDocument as never,
  withdrawProcessingActivity: WithdrawProcessingActivityDocument as never,
  withholdProcessingActivity: WithholdProcessingActivityDocument as never,
  unwithholdProcessingActivity: UnwithholdProcessingActivityDocument as never,
};

export async function mutate<T = Record<string, unknown>>(client: GraphQLClient, field: string, input: Record<string, unknown>, inputType: string, selection = PUBLICATION_FIELDS): Promise<T> {
  const typed = selection === PUBLICATION_FIELDS ? PUBLICATION_DOCUMENTS[field] : undefined;
  const data = typed
    ? await client.query(typed, { input })
    : await client.query<Record<string, T>>(`mutation M($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`, { input });
  return data[field] as T;
}

export type { TestServer };
