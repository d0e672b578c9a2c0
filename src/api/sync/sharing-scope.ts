import { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { currentPublicVersionIds } from '../../modules/publication/public-register';
import { adoptedByAny } from '../../modules/sharing/adoptions';
import { ErrorCode, fieldError, type Path } from '../../modules/sync/field-error';
import { decodeIdOf } from '../common/global-id';
import { requireCaller } from './auth-checker';
import type { ActivityRefInput } from './common.types';
import { type Scoped, scopedOrganisation } from './scope';
import type { SyncContext } from './sync.context';

/**
 * A record the caller may adopt or leave: one of its own organisations' records, a record the
 * public sees now, or one that an organisation within its scope adopted already (so that it can
 * leave a record that is no longer public). Anything else — a draft, withheld or withdrawn record
 * of another organisation — answers NOT_FOUND, exactly like a record that does not exist: adopting
 * must not tell another organisation which unpublished records exist.
 */
export async function shareableActivity(ctx: SyncContext, ref: ActivityRefInput, path: Path): Promise<Scoped<ProcessingActivity>> {
  const caller = requireCaller(ctx);
  const notFound = { error: fieldError(path, ErrorCode.NOT_FOUND, 'No such record that this token can adopt or leave: a record of another organisation can be adopted once it is public.') };
  let found: ProcessingActivity | null;
  if (ref.id) {
    if (ref.reference || ref.organisation) return { error: fieldError(path, ErrorCode.INVALID_FORMAT, 'Name the record either by id or by reference (and organisation), not both.') };
    const id = decodeIdOf('ProcessingActivity', ref.id);
    found = id ? await ctx.em.findOne(ProcessingActivity, id, { populate: ['organisation'] }) : null;
  } else {
    if (!ref.reference) return { error: fieldError([...path, 'reference'], ErrorCode.REQUIRED, 'Name the record by id or by reference.') };
    // The owner may be any organisation: organisations are public, their unpublished records are not.
    const owner = await scopedOrganisation(ctx, ref.organisation, [...path, 'organisation'], { registerWide: true });
    if (owner.error) return owner.error.code === ErrorCode.NOT_FOUND ? notFound : owner;
    found = await ctx.em.findOne(ProcessingActivity, { organisation: owner.value, reference: ref.reference }, { populate: ['organisation'] });
  }
  if (!found) return notFound;
  if (caller.organisationIds.includes(found.organisation.id)) return { value: found };
  const knex = ctx.em.getKnex();
  if ((await currentPublicVersionIds(knex, [found.id])).has(found.id)) return { value: found };
  if (await adoptedByAny(knex, found.id, caller.organisationIds)) return { value: found };
  return notFound;
}
