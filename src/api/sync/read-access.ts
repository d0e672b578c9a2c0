import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { AuditService } from '../../modules/audit/audit.service';
import { TokenScope } from '../../modules/auth/token-scope';
import { requireCaller } from './auth-checker';
import type { SyncCaller, SyncContext } from './sync.context';

/** The scopes that read internal data: one of them is enough (see syncAuthChecker). */
export { INTERNAL_READERS } from '../../modules/auth/token-scope';

/** The one rule for "may this caller read internal data (drafts, internal fields, statistics, audit log) of this organisation". */
export function canReadInternal(caller: SyncCaller, organisationId: string): boolean {
  if (caller.scopes.includes(TokenScope.REGISTER_READ)) return true;
  return caller.scopes.includes(TokenScope.INTERNAL_READ) && caller.organisationIds.includes(organisationId);
}

/** Whether the caller reads internal data of every organisation (REGISTER_READ). */
export const readsRegisterWide = (caller: SyncCaller) => caller.scopes.includes(TokenScope.REGISTER_READ);

/**
 * The organisations whose internal data the caller may read: null for the whole register
 * (REGISTER_READ), else the token's organisation and its descendants.
 */
export const internallyReadableIds = (caller: SyncCaller): readonly string[] | null => (readsRegisterWide(caller) ? null : caller.organisationIds);

/** An explicit refusal for a question about an organisation the caller may not read, never a silent zero. */
export const outsideReadScope = () =>
  new GraphQLError('No such organisation within the read scope of this token.', { extensions: { code: 'NOT_FOUND' } });

/**
 * Audits a read of internal data: one entry per root field read, naming the token (actor), its
 * organisation, the field and its arguments, written after the read answered (a refused read
 * writes nothing: its refusal is in the error). The entries have outcome READ; auditLog lists
 * them on request (includeReads).
 */
export const auditInternalRead: MiddlewareFn<SyncContext> = async ({ context, info, args }, next) => {
  const result = await next();
  const caller = requireCaller(context);
  await new AuditService(context.em.fork()).record(caller.actor, [
    {
      operation: info.fieldName,
      outcome: READ_OUTCOME,
      targetOrganisationId: caller.organisation.id,
      details: { read: true, registerWide: readsRegisterWide(caller), arguments: args },
    },
  ]);
  return result;
};

export const READ_OUTCOME = 'READ';
