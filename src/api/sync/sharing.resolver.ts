import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { TokenScope } from '../../modules/auth/token-scope';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { subtreeIds } from '../../modules/organisation/organisation-scope';
import { type AdoptionKeyset, type AdoptionRow, adoptionsBy, adoptionsOf } from '../../modules/sharing/adoptions';
import { type AdoptionResult, SharingService } from '../../modules/sharing/sharing.service';
import type { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { toGlobalId } from '../common/global-id';
import { requireCaller } from './auth-checker';
import { MAX_PAGE, OrganisationRefInput, pageSize } from './common.types';
import { InternalProcessingActivityType } from './internal-records.type';
import { toOrganisationType } from './mappers';
import { auditInternalRead, INTERNAL_READERS, outsideReadScope } from './read-access';
import { scopedOrganisation } from './scope';
import { shareableActivity } from './sharing-scope';
import { AdoptionConnection, AdoptionPayload, AdoptionType, AdoptProcessingActivityInput, LeaveProcessingActivityInput } from './sharing.types';
import type { SyncContext } from './sync.context';

/**
 * Shared records: a participant adopts another organisation's record into its own register, or
 * leaves it, within its own scope; the owner alone writes the record. Expected refusals are
 * entries in `errors` (AdoptionPayload).
 */
@Authorized()
@Resolver()
export class SharingResolver {
  @Authorized(TokenScope.RECORDS_WRITE)
  @Mutation(() => AdoptionPayload, {
    description:
      "Lists another organisation's record in the register of the participant (default the token's organisation) too: a shared processing, such as a joint arrangement's record carried out for several municipalities. The owner keeps writing it; the public listings of the participant show it, marked as adopted, while it is public. Repeating it changes nothing.",
  })
  adoptProcessingActivity(@Arg('input', () => AdoptProcessingActivityInput) input: AdoptProcessingActivityInput, @Ctx() ctx: SyncContext): Promise<AdoptionPayload> {
    return this.run(ctx, input, (service, activity, participant) => service.adopt(activity, participant));
  }

  @Authorized(TokenScope.RECORDS_WRITE)
  @Mutation(() => AdoptionPayload, { description: "Stops listing an adopted record in the participant's register (default the token's organisation). The record itself and the other participants' adoptions stay. Repeating it changes nothing." })
  leaveProcessingActivity(@Arg('input', () => LeaveProcessingActivityInput) input: LeaveProcessingActivityInput, @Ctx() ctx: SyncContext): Promise<AdoptionPayload> {
    return this.run(ctx, input, (service, activity, participant) => service.leave(activity, participant));
  }

  @Authorized(...INTERNAL_READERS)
  @UseMiddleware(auditInternalRead)
  @Query(() => AdoptionConnection, {
    description:
      "The records an organisation the token may read (default the token's own) adopted from other organisations, by the owner's reference. An organisation outside the token's read scope is refused with NOT_FOUND.",
  })
  async adoptions(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true }) organisationRef?: OrganisationRefInput | null,
    @Arg('includeSubOrganisations', () => Boolean, { defaultValue: false }) includeSubOrganisations?: boolean,
    @Arg('first', () => Int, { defaultValue: 100, description: `0 to ${MAX_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AdoptionConnection> {
    const limit = pageSize(first);
    const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation'], { read: true });
    if (organisation.error) throw outsideReadScope();
    const ids = includeSubOrganisations ? await subtreeIds(ctx.em, organisation.value.id) : [organisation.value.id];
    const page = await adoptionsBy(ctx.em.getKnex(), ids, { first: limit, after: decodeKeyset(after) });
    const nodes = await toAdoptions(ctx, page.rows);
    const last = page.rows.at(-1);
    return { nodes, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeKeyset([last.reference, last.activity_id, last.organisation_id]) : null } };
  }

  private async run(
    ctx: SyncContext,
    input: AdoptProcessingActivityInput | LeaveProcessingActivityInput,
    act: (service: SharingService, activity: ProcessingActivity, participant: Organisation) => Promise<AdoptionResult>,
  ): Promise<AdoptionPayload> {
    const caller = requireCaller(ctx);
    const none = { activityId: null, owner: null, participant: null, adopted: false, adoptedAt: null, changed: false };
    const participant = await scopedOrganisation(ctx, input.participant, ['participant']);
    if (participant.error) return { ...none, errors: [participant.error] };
    const activity = await shareableActivity(ctx, input.activity, ['activity']);
    if (activity.error) return { ...none, participant: toOrganisationType(participant.value), errors: [activity.error] };
    const result = await act(new SharingService(ctx.em, caller.actor), activity.value, participant.value);
    return {
      activityId: toGlobalId('ProcessingActivity', activity.value.id),
      owner: toOrganisationType(activity.value.organisation),
      participant: toOrganisationType(participant.value),
      adopted: result.adopted,
      adoptedAt: result.adoptedAt,
      changed: result.changed,
      errors: result.errors,
    };
  }
}

/** Who adopted one of the owner's records; reached only through the owner's internal reads. */
@Authorized()
@Resolver(() => InternalProcessingActivityType)
export class InternalParticipantsResolver {
  @FieldResolver(() => [AdoptionType], { description: 'The organisations that adopted this record (list it in their own register too), oldest adoption first.' })
  async participants(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext): Promise<AdoptionType[]> {
    return toAdoptions(ctx, await participantsLoader(ctx).load(a.dbId));
  }
}

const participantLoaders = new WeakMap<SyncContext, DataLoader<string, AdoptionRow[]>>();
/** One query per request for all records listed. */
function participantsLoader(ctx: SyncContext): DataLoader<string, AdoptionRow[]> {
  let loader = participantLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await adoptionsOf(ctx.em.getKnex(), ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    participantLoaders.set(ctx, loader);
  }
  return loader;
}

async function toAdoptions(ctx: SyncContext, rows: AdoptionRow[]): Promise<AdoptionType[]> {
  const organisationIds = [...new Set(rows.flatMap((r) => [r.owner_id, r.organisation_id]))];
  const organisations = new Map((organisationIds.length ? await ctx.em.find(Organisation, { id: { $in: organisationIds } }) : []).map((o) => [o.id, toOrganisationType(o)]));
  return rows.map((r) => ({
    activityId: toGlobalId('ProcessingActivity', r.activity_id),
    reference: r.reference,
    owner: organisations.get(r.owner_id)!,
    participant: organisations.get(r.organisation_id)!,
    adoptedAt: new Date(r.adopted_at),
    isPublic: r.is_public,
    publicTitle: r.public_title,
  }));
}

const encodeKeyset = (parts: AdoptionKeyset) => Buffer.from(JSON.stringify(parts)).toString('base64url');
function decodeKeyset(cursor: string | null | undefined): AdoptionKeyset | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    return Array.isArray(parts) && parts.length === 3 && typeof parts[0] === 'string' && uuid.test(parts[1]) && uuid.test(parts[2]) ? (parts as AdoptionKeyset) : null;
  } catch {
    return null;
  }
}
