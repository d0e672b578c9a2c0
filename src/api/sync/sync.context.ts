import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Actor } from '../../modules/audit/audit.service';
import { ApiTokenService } from '../../modules/auth/api-token.service';
import type { TokenScope } from '../../modules/auth/token-scope';
import type { Organisation } from '../../modules/organisation/organisation.entity';
import { subtreeIds } from '../../modules/organisation/organisation-scope';
import { ProcessingActivityVersion } from '../../modules/processing-activity/processing-activity-version.entity';
import { FULL_VERSION_POPULATE } from '../../modules/processing-activity/version-reader';

/** The authenticated caller: a live token of one organisation. */
export interface SyncCaller {
  tokenId: string;
  tokenPrefix: string;
  tokenName: string;
  organisation: Organisation;
  scopes: TokenScope[];
  /** The token's organisation and all its descendants: the only organisations it may read or write. */
  organisationIds: string[];
  actor: Actor;
}

export interface SyncContext {
  em: EntityManager;
  caller: SyncCaller | null;
  /** Why there is no caller, for the UNAUTHENTICATED message. */
  authError: string | null;
  loaders: {
    /** Full versions (every relation, internal parts included) by id. */
    fullVersion: DataLoader<string, ProcessingActivityVersion>;
  };
}

/**
 * Authenticates the bearer token of a request. Never throws for a bad token: the caller stays
 * null and every field refuses it (see auth-checker.ts), so the error is a GraphQL one.
 */
export async function createSyncContext(em: EntityManager, authorization: string | undefined): Promise<SyncContext> {
  const loaders = {
    fullVersion: new DataLoader<string, ProcessingActivityVersion>(async (ids) => {
      const found = await em.find(ProcessingActivityVersion, { id: { $in: [...ids] } }, { populate: FULL_VERSION_POPULATE as never });
      const byId = new Map(found.map((v) => [v.id, v]));
      return ids.map((id) => byId.get(id) ?? new Error(`version ${id} not found`));
    }),
  };
  const context: SyncContext = { em, caller: null, authError: null, loaders };
  if (!authorization) {
    context.authError = 'Authentication required: send an API token as "Authorization: Bearer <token>".';
    return context;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    context.authError = 'Send the token as "Authorization: Bearer <token>".';
    return context;
  }
  // The token and its organisation's tree at once, on two connections: one wait before the request runs, not two.
  const [checked, tree] = await Promise.all([new ApiTokenService(em.fork()).check(match[1]), new ApiTokenService(em.fork()).organisationTree(match[1])]);
  const token = checked.token;
  if (!token) {
    context.authError = checked.refusal;
    return context;
  }
  context.caller = {
    tokenId: token.id,
    tokenPrefix: token.prefix,
    tokenName: token.name,
    organisation: token.organisation,
    scopes: token.scopes,
    organisationIds: tree.root === token.organisation.id ? tree.ids : await subtreeIds(em, token.organisation.id),
    actor: { tokenId: token.id, label: token.prefix, organisationId: token.organisation.id },
  };
  return context;
}
