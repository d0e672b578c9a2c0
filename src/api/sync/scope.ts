import { Organisation } from '../../modules/organisation/organisation.entity';
import { storableCopy } from '../../modules/common/storable-text';
import { findOrganisationIn } from '../../modules/organisation/organisation-scope';
import { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { ErrorCode, type FieldError, fieldError, type Path } from '../../modules/sync/field-error';
import { decodeIdOf } from '../common/global-id';
import { requireCaller } from './auth-checker';
import type { ActivityRefInput, OrganisationRefInput } from './common.types';
import type { SyncContext } from './sync.context';

export type Scoped<T> = { value: T; error?: undefined } | { value?: undefined; error: FieldError };

/**
 * The organisation a request names, if it is within the token's scope (its organisation and
 * descendants, or any organisation for `registerWide` operator calls). Outside the scope it
 * answers NOT_FOUND, exactly as for an organisation that does not exist.
 */
export async function scopedOrganisation(ctx: SyncContext, ref: OrganisationRefInput | null | undefined, path: Path, options: { registerWide?: boolean } = {}): Promise<Scoped<Organisation>> {
  const caller = requireCaller(ctx);
  if (!ref) return { value: caller.organisation };
  const given = [ref.id, ref.tooiUri, ref.oin].filter((v) => v != null && v !== '');
  if (given.length !== 1) return { error: fieldError(path, ErrorCode.INVALID_FORMAT, 'Name the organisation by exactly one of id, tooiUri or oin.') };
  const unstorable = storableCopy(ref, path).errors;
  if (unstorable.length) return { error: unstorable[0] };
  const id = ref.id ? decodeIdOf('Organisation', ref.id) : null;
  const found =
    ref.id && !id ? null : await findOrganisationIn(ctx.em, { id, tooiUri: ref.tooiUri, oin: ref.oin }, options.registerWide ? null : caller.organisationIds);
  if (!found) return { error: fieldError(path, ErrorCode.NOT_FOUND, 'No such organisation within the scope of this token.') };
  return { value: found };
}

/** A record within the token's scope, by global id or by (organisation, reference); NOT_FOUND otherwise, whether or not it exists elsewhere. */
export async function scopedActivity(ctx: SyncContext, ref: ActivityRefInput, path: Path): Promise<Scoped<ProcessingActivity>> {
  const caller = requireCaller(ctx);
  const notFound = { error: fieldError(path, ErrorCode.NOT_FOUND, 'No such record within the scope of this token.') };
  if (ref.id) {
    if (ref.reference || ref.organisation) return { error: fieldError(path, ErrorCode.INVALID_FORMAT, 'Name the record either by id or by reference (and organisation), not both.') };
    const id = decodeIdOf('ProcessingActivity', ref.id);
    if (!id) return notFound;
    const found = await ctx.em.findOne(ProcessingActivity, { id, organisation: { $in: caller.organisationIds } }, { populate: ['organisation'] });
    return found ? { value: found } : notFound;
  }
  if (!ref.reference) return { error: fieldError([...path, 'reference'], ErrorCode.REQUIRED, 'Name the record by id or by reference.') };
  const organisation = await scopedOrganisation(ctx, ref.organisation, [...path, 'organisation']);
  if (organisation.error) return notFound;
  const found = await ctx.em.findOne(ProcessingActivity, { organisation: organisation.value, reference: ref.reference }, { populate: ['organisation'] });
  return found ? { value: found } : notFound;
}

export { Organisation };
