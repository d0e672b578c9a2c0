import { GraphQLError } from 'graphql';
import type { AuthChecker, MiddlewareFn } from 'type-graphql';
import type { TokenScope } from '../../modules/auth/token-scope';
import type { SyncCaller, SyncContext } from './sync.context';

export const unauthenticated = (ctx: SyncContext) =>
  new GraphQLError(ctx.authError ?? 'Authentication required.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/**
 * @Authorized() requires a caller; @Authorized(TokenScope.X, …) requires ONE of the scopes named
 * (internal reads name INTERNAL_READ and REGISTER_READ, see read-access.ts).
 * Throws (rather than answering false) so the error carries a code the masking lets through.
 */
export const syncAuthChecker: AuthChecker<SyncContext, TokenScope> = ({ context }, scopes) => {
  const caller = requireCaller(context);
  if (scopes.length && !scopes.some((s) => caller.scopes.includes(s)))
    throw new GraphQLError(`This token lacks the scope ${scopes.join(' or ')} that this operation needs.`, { extensions: { code: 'FORBIDDEN', missingScopes: scopes } });
  return true;
};

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
