import { Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { TokenScope } from '../../modules/auth/token-scope';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { type BatchSyncResult, BatchSyncService, RecordOutcome, ReplaceScope, SyncMode } from '../../modules/sync/batch-sync.service';
import { decodeIdOf, toGlobalId } from '../common/global-id';
import { PlainInputArg } from '../common/plain-input-arg';
import { requestFactsOf } from '../common/request-facts';
import { requireCaller } from './auth-checker';
import { toOrganisationType } from './mappers';
import { scopedOrganisation } from './scope';
import { SyncProcessingActivitiesInput, type SyncRecordInput } from './sync-records.input';
import { SyncProcessingActivitiesPayload } from './sync-records.type';
import type { SyncContext } from './sync.context';

@Authorized()
@Resolver()
export class SyncRecordsResolver {
  @Authorized(TokenScope.RECORDS_WRITE)
  @Mutation(() => SyncProcessingActivitiesPayload, {
    description:
      "Creates or updates up to 500 records of one organisation, or of several units of its tree (each record may name its unit), keyed by their own reference numbers. Per record: outcome, version and field errors. REPLACE also withdraws the organisation's (or, with replaceScope SUBTREE, its whole subtree's) records absent from the batch.",
  })
  async syncProcessingActivities(@PlainInputArg('input', () => SyncProcessingActivitiesInput) input: SyncProcessingActivitiesInput, @Ctx() ctx: SyncContext): Promise<SyncProcessingActivitiesPayload> {
    const caller = requireCaller(ctx);
    const organisation = await scopedOrganisation(ctx, input.organisation, ['organisation']);
    if (organisation.error) {
      return toPayload({ organisationId: '', mode: input.mode ?? SyncMode.UPSERT, dryRun: input.dryRun, allOrNothing: input.allOrNothing, committed: false, replayed: false, results: [], errors: [organisation.error] }, null);
    }
    const result = await new BatchSyncService(ctx.em, caller.actor).sync({
      organisation: organisation.value,
      records: input.records.map(withUnitIdDecoded),
      mode: input.mode ?? SyncMode.UPSERT,
      dryRun: input.dryRun ?? false,
      allOrNothing: input.allOrNothing ?? false,
      idempotencyKey: input.idempotencyKey,
      confirmWithdrawAll: input.confirmWithdrawAll ?? false,
      replaceScope: input.replaceScope ?? ReplaceScope.ORGANISATION,
      unitScope: caller.organisationIds,
    });
    const payload = toPayload(result, organisation.value);
    const facts = requestFactsOf(ctx);
    // Reported with the request (its log line and the sync metrics), see request-observation.ts.
    if (facts) facts.sync = { organisation: organisation.value.id, idempotencyKey: input.idempotencyKey ?? null, mode: result.mode, dryRun: result.dryRun, committed: result.committed, replayed: result.replayed, outcomes: { ...payload.summary } };
    return payload;
  }
}

/** Ids are decoded only here, at the boundary: a unit's global id becomes the organisation's id (a raw UUID, as the CLI prints it, passes as it is; anything else is not found). */
function withUnitIdDecoded(record: SyncRecordInput): SyncRecordInput {
  const id = record.unit?.id;
  if (typeof id !== 'string') return record;
  return { ...record, unit: { ...record.unit, id: decodeIdOf('Organisation', id) ?? id } };
}

function toPayload(result: BatchSyncResult, organisation: Organisation | null): SyncProcessingActivitiesPayload {
  const count = (o: RecordOutcome) => result.results.filter((r) => r.outcome === o).length;
  return {
    organisation: organisation ? toOrganisationType(organisation) : null,
    mode: result.mode,
    dryRun: result.dryRun,
    allOrNothing: result.allOrNothing,
    committed: result.committed,
    replayed: result.replayed,
    results: result.results.map(({ organisationId, movedFrom, ...r }) => ({
      ...r,
      activityId: r.activityId ? toGlobalId('ProcessingActivity', r.activityId) : null,
      organisationId: organisationId ? toGlobalId('Organisation', organisationId) : null,
      movedFromOrganisationId: movedFrom ? toGlobalId('Organisation', movedFrom) : null,
    })),
    summary: {
      created: count(RecordOutcome.CREATED),
      updated: count(RecordOutcome.UPDATED),
      unchanged: count(RecordOutcome.UNCHANGED),
      withdrawn: count(RecordOutcome.WITHDRAWN),
      failed: count(RecordOutcome.FAILED),
    },
    errors: result.errors,
  };
}
