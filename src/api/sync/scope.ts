import { Organisation } from '../../modules/organisation/organisation.entity';
import { storableCopy } from '../../modules/common/storable-text';
import { findOrganisationIn } from '../../modules/organisation/organisation-scope';
import { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { ErrorCode, type FieldError, fieldError, type Path } from '../../modules/sync/field-error';
import { decodeIdOf } from '../common/global-id';
import { requireCaller } from './auth-checker';
import type { ActivityRefInput, OrganisationRefInput } from './common.types';
import { canReadInternal } from './read-access';
import type { SyncContext } from './sync.context';

export type Scoped<T> = { value: T; error?: undefined } | { value?: undefined; error: FieldError };

/**
 * The organisation a request names, if it is within the token's scope (its organisation and
 * descendants, or any organisation for `registerWide` operator calls and for `read`s by a
 * REGISTER_READ token). Outside the scope it answers NOT_FOUND, exactly as for an organisation
 * that does not exist.
 */
export async function scopedOrganisation(ctx: SyncContext, ref: OrganisationRefInput | null | undefined, path: Path, options: ScopeOptions = {}): Promise<Scoped<Organisation>> {
  const caller = requireCaller(ctx);
  if (!ref) return { value: caller.organisation };
  const given = [ref.id, ref.tooiUri, ref.oin].filter((v) => v != null && v !== '');
  if (given.length !== 1) return { error: fieldError(path, ErrorCode.INVALID_FORMAT, 'Name the organisation by exactly one of id, tooiUri or oin.') };
  const unstorable = storableCopy(ref, path).errors;
  if (unstorable.length) return { error: unstorable[0] };
  const id = ref.id ? decodeIdOf('Organisation', ref.id) : null;
  const found =
    ref.id && !id ? null : await findOrganisationIn(ctx.em, { id, tooiUri: ref.tooiUri, oin: ref.oin }, allowedIds(ctx, options));
  if (!found || (options.read && !canReadInternal(caller, found.id))) return { error: fieldError(path, ErrorCode.NOT_FOUND, 'No such organisation within the scope of this token.') };
  return { value: found };
}

/** A record within the token's scope, by global id or by (organisation, reference); NOT_FOUND otherwise, whether or not it exists elsewhere. */
export async function scopedActivity(ctx: SyncContext, ref: ActivityRefInput, path: Path, options: Pick<ScopeOptions, 'read'> = {}): Promise<Scoped<ProcessingActivity>> {
  const notFound = { error: fieldError(path, ErrorCode.NOT_FOUND, 'No such record within the scope of this token.') };
  if (ref.id) {
    if (ref.reference || ref.organisation) return { error: fieldError(path, ErrorCode.INVALID_FORMAT, 'Name the record either by id or by reference (and organisation), not both.') };
    const id = decodeIdOf('ProcessingActivity', ref.id);
    if (!id) return notFound;
    const allowed = allowedIds(ctx, options);
    const found = await ctx.em.findOne(ProcessingActivity, { id, ...(allowed ? { organisation: { $in: [...allowed] } } : {}) }, { populate: ['organisation'] });
    return found && (!options.read || canReadInternal(requireCaller(ctx), found.organisation.id)) ? { value: found } : notFound;
  }
  if (!ref.reference) return { error: fieldError([...path, 'reference'], ErrorCode.REQUIRED, 'Name the record by id or by reference.') };
  const organisation = await scopedOrganisation(ctx, ref.organisation, [...path, 'organisation'], options);
  if (organisation.error) return notFound;
  const found = await ctx.em.findOne(ProcessingActivity, { organisation: organisation.value, reference: ref.reference }, { populate: ['organisation'] });
  return found ? { value: found } : notFound;
}

export interface ScopeOptions {
  /** Operator calls: any organisation. */
  registerWide?: boolean;
  /** A read of internal data: a REGISTER_READ token reaches every organisation (never for writes). */
  read?: boolean;
}

/** Where to look: reads look everywhere and then ask canReadInternal, the one rule for internal reads. */
function allowedIds(ctx: SyncContext, options: ScopeOptions): readonly string[] | null {
  if (options.registerWide || options.read) return null;
  return requireCaller(ctx).organisationIds;
}

export { Organisation };
