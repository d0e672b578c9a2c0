import type { MikroORM } from '@mikro-orm/postgresql';
import { SEED_RECORDS } from '../../../seeds/data/records';
import { ApiTokenService } from '../../../src/modules/auth/api-token.service';
import { TokenScope } from '../../../src/modules/auth/token-scope';
import { Organisation } from '../../../src/modules/organisation/organisation.entity';
import type { RecordContent } from '../../../src/modules/processing-activity/record-content';
import type { GraphQLClient, GraphQLResponse, TestServer } from '../../support/test-server';

export const DEFENSIE = 'Ministerie van Defensie';
export const EZ = 'Ministerie van Economische Zaken';
export const RVO = 'Rijksdienst voor Ondernemend Nederland';
export const FINANCIEN = 'Ministerie van Financiën';
export const LISSE = 'Gemeente Lisse';

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

export const SYNC = /* GraphQL */ `
  mutation Sync($input: SyncProcessingActivitiesInput!) {
    syncProcessingActivities(input: $input) {
      organisation { id name }
      mode dryRun allOrNothing committed replayed
      results { index reference outcome version activityId errors { path code message } }
      summary { created updated unchanged withdrawn failed }
      errors { path code message }
    }
  }
`;

export interface SyncResult {
  index: number | null;
  reference: string;
  outcome: string;
  version: number | null;
  activityId: string | null;
  errors: { path: string[]; code: string; message: string }[];
}
export interface SyncPayload {
  organisation: { id: string; name: string } | null;
  mode: string;
  dryRun: boolean;
  allOrNothing: boolean;
  committed: boolean;
  replayed: boolean;
  results: SyncResult[];
  summary: Record<'created' | 'updated' | 'unchanged' | 'withdrawn' | 'failed', number>;
  errors: { path: string[]; code: string; message: string }[];
}

export async function sync(client: GraphQLClient, input: Record<string, unknown>): Promise<SyncPayload> {
  const data = await client.query<{ syncProcessingActivities: SyncPayload }>(SYNC, { input });
  return data.syncProcessingActivities;
}

export const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

export const PUBLICATION_FIELDS = `activity { id reference withheld withheldReason latestVersionNumber } version changed errors { path code message }`;

export async function mutate<T = Record<string, unknown>>(client: GraphQLClient, field: string, input: Record<string, unknown>, inputType: string, selection = PUBLICATION_FIELDS): Promise<T> {
  const data = await client.query<Record<string, T>>(`mutation M($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`, { input });
  return data[field];
}

export type { TestServer };
