import { getNamedType, GraphQLError } from 'graphql';
import type { AuthChecker, MiddlewareFn } from 'type-graphql';
import { INTERNAL_READERS, TokenScope } from '../../modules/auth/token-scope';
import { INVALID_CHARACTERS, storableCopy } from '../../modules/common/storable-text';
import { INTERNAL_DATA_TYPES } from './internal-records.type';
import type { SyncCaller, SyncContext } from './sync.context';

export const unauthenticated = (ctx: SyncContext) =>
  new GraphQLError(ctx.authError ?? 'Authentication required.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/**
 * @Authorized() requires a caller; @Authorized(TokenScope.X, …) requires ONE of the scopes named
 * (internal reads name INTERNAL_READ and REGISTER_READ, see read-access.ts).
 * Throws (rather than answering false) so the error carries a code the masking lets through.
 */
export const syncAuthChecker: AuthChecker<SyncContext, TokenScope> = ({ context }, scopes) => requireScopes(context, scopes);

function requireScopes(context: SyncContext, scopes: TokenScope[]): true {
  const caller = requireCaller(context);
  if (scopes.length && !scopes.some((s) => caller.scopes.includes(s)))
    throw new GraphQLError(`This token lacks the scope ${scopes.join(' or ')} that this operation needs.`, { extensions: { code: 'FORBIDDEN', missingScopes: scopes } });
  return true;
}

export function requireCaller(context: SyncContext): SyncCaller {
  if (!context.caller) throw unauthenticated(context);
  return context.caller;
}

/**
 * Deny by default, also for a resolver someone forgets to decorate: every root field of the
 * sync surface refuses a request without a valid token before its resolver runs.
 */
export const denyWithoutCaller: MiddlewareFn<SyncContext> = ({ context, info }, next) => {
  if (['Query', 'Mutation', 'Subscription'].includes(info.parentType.name) && !info.fieldName.startsWith('__')) requireCaller(context);
  return next();
};

/**
 * Internal data needs INTERNAL_READ wherever it is reached: every field whose type is one of
 * INTERNAL_DATA_TYPES (internal-records.type.ts) refuses a token without that scope before its
 * resolver runs, whether it is a root query or a field of a mutation's payload (a write-only
 * token publishing a record must not read the record's drafts and internal content through the
 * answer). One rule on the types, so a new field or payload that returns them is covered too.
 */
export const requireReadScopeForInternalData: MiddlewareFn<SyncContext> = ({ context, info }, next) => {
  if (INTERNAL_DATA_TYPES.has(getNamedType(info.returnType).name)) requireScopes(context, [...INTERNAL_READERS]);
  return next();
};

/**
 * Text the database cannot store (NUL, lone surrogates; storable-text.ts) in the arguments of a
 * root field is refused before its resolver runs, as BAD_USER_INPUT with the argument's path, so
 * no lookup, filter or operator write sends it to SQL. A sync batch's records are the exception:
 * there such text is a field error of the one record that holds it (BatchSyncService), so the
 * batch's other records are still written.
 */
export const refuseUnstorableArguments: MiddlewareFn<SyncContext> = ({ args, info }, next) => {
  if (info.parentType.name === 'Query' || info.parentType.name === 'Mutation') {
    const checked = info.fieldName === 'syncProcessingActivities' ? { ...args, input: { ...(args.input as object), records: [] } } : args;
    const { errors } = storableCopy(checked, []);
    if (errors.length) {
      throw new GraphQLError(`${errors[0].message} (argument ${errors[0].path.join('.')})`, {
        extensions: { code: 'BAD_USER_INPUT', reason: INVALID_CHARACTERS, argumentPath: errors[0].path },
      });
    }
  }
  return next();
};
