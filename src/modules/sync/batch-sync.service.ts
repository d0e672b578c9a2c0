import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, type AuditEvent, auditEntries, AuditService } from '../audit/audit.service';
import { Organisation } from '../organisation/organisation.entity';
import { contentHash } from '../processing-activity/content-hash';
import { VersionStatus } from '../processing-activity/processing-activity.enums';
import { ProcessingActivityService, SaveOutcome, StaleVersionError } from '../processing-activity/processing-activity.service';
import { type TableRows, type VersionWrite, writeVersions } from '../processing-activity/version-writer';
import type { RecordContent } from '../processing-activity/record-content';
import type { VersionLinks } from '../processing-activity/version-builder';
import { subtreeIds } from '../organisation/organisation-scope';
import { resolveVersionLinks } from '../processing-activity/version-links';
import { isStorableText, storableCopy } from '../common/storable-text';
import { type BatchSyncRequest, type BatchSyncResult, RecordOutcome, type RecordResult, SyncMode, WRITING_OUTCOMES } from './batch-sync.types';
import { ErrorCode, type FieldError, fieldError } from './field-error';
import { hashRequest, IdempotencyStore } from './idempotency';
import { publicationErrors } from './publication-rules';
import { resolveRecordVocabulary } from './record-input';
import { planRecords, type RecordPlan } from './record-plan';
import { type Placement, placeRecords, plannedRecords } from './record-placement';
import { type RecordState, type ReplaceExceptions, recordStates, replaceCandidates, withdrawVersions } from './record-state';
import { LIMITS, normaliseContent, type SyncRecordData, validateRecord } from './record-validation';

export { type BatchSyncRequest, type BatchSyncResult, RecordOutcome, type RecordResult, ReplaceScope, SyncMode } from './batch-sync.types';

const NON_CONTENT_KEYS = new Set(['reference', 'unit', 'baseVersion', 'publish', 'publishFrom', 'status', 'publishedAt', 'withdrawnAt']);

const contents = new WeakMap<SyncRecordData, RecordContent>();

/** The version content of a sync record: everything but the reference and the write options (made once per record: validation, hashing and writing all ask). */
export function contentOf(record: SyncRecordData): RecordContent {
  let content = contents.get(record);
  if (!content) {
    content = Object.fromEntries(Object.entries(record).filter(([k]) => !NON_CONTENT_KEYS.has(k))) as unknown as RecordContent;
    contents.set(record, content);
  }
  return content;
}

const hashes = new WeakMap<SyncRecordData, string>();

/** The content hash of a sync record (made once per record: comparing it and writing it both ask). */
function hashOf(record: SyncRecordData): string {
  let hash = hashes.get(record);
  if (hash === undefined) {
    hash = contentHash(contentOf(record));
    hashes.set(record, hash);
  }
  return hash;
}

/** The publication state a record asks for: an importer's source state, PUBLISHED for `publish`, or none (a new version is a draft; identical content keeps its state). */
function targetStatus(r: SyncRecordData): VersionStatus | undefined {
  return r.status ?? (r.publish ? VersionStatus.PUBLISHED : undefined);
}

/** What writing the record into `organisationId` would do to the record as it is: nothing, only move its state, or a new version (a move to another unit always is one). */
function comparedWith(r: SyncRecordData, state: RecordState | undefined, organisationId: string): 'new' | 'unchanged' | 'state' | 'version' {
  if (!state) return 'new';
  if (state.organisation_id !== organisationId || state.content_hash !== hashOf(r)) return 'version';
  const wanted = targetStatus(r);
  if (wanted === undefined) return 'unchanged';
  const stays = state.status === wanted && (wanted !== VersionStatus.PUBLISHED || sameMoment(state.publish_from, r.publishFrom ?? null));
  return stays ? 'unchanged' : 'state';
}

/** The set-based write failed; its transaction is rolled back and the batch is written record by record. */
class SetBasedWriteFailed extends Error {
  constructor(readonly cause: unknown) {
    super('set-based batch write failed');
  }
}

class AllOrNothingRollback extends Error {
  constructor(readonly result: BatchSyncResult) {
    super('all-or-nothing batch rolled back');
  }
}

/**
 * Writes a batch of records of one organisation, or of several units of its tree (each record may
 * name its unit); the sync surface, the `register sync` CLI and the AVG-register importer all write
 * through it. Every record is checked on its own first (codes or Dutch labels resolved, fields
 * validated, its unit found within scope, publication checked when asked), so a bad record fails
 * alone. Each valid record is then matched with the record it is (record-plan.ts: in its unit, or
 * moving from another), and the records are written all at once (writeSetBased), or, when the
 * database refuses that write, again in a new transaction one by one, each in its own savepoint;
 * always in reference order (so concurrent batches lock rows in one order). The idempotency key
 * (idempotency.ts), the audit entries and the REPLACE withdrawals commit with the writes, atomically.
 */
export class BatchSyncService {
  private readonly keys: IdempotencyStore;

  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {
    this.keys = new IdempotencyStore(actor.organisationId);
  }

  async sync(request: BatchSyncRequest): Promise<BatchSyncResult> {
    const base: BatchSyncResult = {
      organisationId: request.organisation.id,
      mode: request.mode,
      dryRun: request.dryRun,
      allOrNothing: request.allOrNothing,
      committed: false,
      replayed: false,
      results: [],
      errors: [],
    };
    if (request.records.length > LIMITS.batch)
      return { ...base, errors: [fieldError(['records'], ErrorCode.BATCH_TOO_LARGE, `A batch holds at most ${LIMITS.batch} records; this one has ${request.records.length}. Split it.`)] };
    if (request.mode === SyncMode.REPLACE && !request.records.length && !request.confirmWithdrawAll)
      return {
        ...base,
        errors: [
          fieldError(['confirmWithdrawAll'], ErrorCode.CONFIRMATION_REQUIRED, "REPLACE with no records withdraws every record of the organisation. If that is what you mean, send confirmWithdrawAll: true; nothing was written."),
        ],
      };
    const key = request.idempotencyKey;
    if (key != null && (key.trim() === '' || key.length > LIMITS.idempotencyKey))
      return { ...base, errors: [fieldError(['idempotencyKey'], ErrorCode.INVALID_FORMAT, `An idempotency key is 1 to ${LIMITS.idempotencyKey} characters.`)] };
    if (key != null && !isStorableText(key)) return { ...base, errors: storableCopy(key, ['idempotencyKey']).errors };

    const { records, invalid } = this.prepare(request.records);
    const placement = await placeRecords(this.em.fork(), request, records, invalid);
    this.checkPublication(records, invalid);

    if (request.dryRun) return this.dryRun(request, records, placement, invalid, base);

    const requestHash = key ? hashRequest(request, records) : null;
    try {
      return await this.commit(request, records, placement, invalid, base, requestHash, true).catch((e: unknown) => {
        if (!(e instanceof SetBasedWriteFailed)) throw e;
        // Nothing of the first attempt remains (its transaction rolled back): write record by record.
        if (process.env.NODE_ENV !== 'test' && !(e.cause instanceof UniqueConstraintViolationException)) console.warn('[sync] set-based batch write failed; writing record by record', e.cause);
        return this.commit(request, records, placement, invalid, base, requestHash, false);
      });
    } catch (e) {
      if (!(e instanceof AllOrNothingRollback)) throw e;
      // Nothing of the batch was written; the audit log and the idempotency key still record the attempt.
      await this.em.fork().transactional(async (tx) => {
        await new AuditService(tx).record(this.actor, this.auditEvents(request, e.result.results));
        if (key) await this.keys.remember(tx, key, requestHash!, e.result);
      });
      return e.result;
    }
  }

  /**
   * The batch in one transaction: the idempotency key, the writes, the audit entries. `setBased`
   * writes every valid record at once (writeSetBased); false writes them one by one, each in its
   * own savepoint, so a record the database refuses fails alone.
   */
  private commit(
    request: BatchSyncRequest,
    records: SyncRecordData[],
    placement: Placement,
    invalid: Map<number, FieldError[]>,
    base: BatchSyncResult,
    requestHash: string | null,
    setBased: boolean,
  ): Promise<BatchSyncResult> {
    const key = request.idempotencyKey;
    return this.em.fork().transactional(async (tx) => {
      if (key) {
        const claimed = await this.keys.claim(tx, key, requestHash!);
        if (claimed) return claimed;
      }
      const { results, audited } = await this.write(tx, request, records, placement, invalid, setBased);
      const result: BatchSyncResult = { ...base, committed: results.some((r) => WRITING_OUTCOMES.has(r.outcome)), results };
      if (request.allOrNothing && results.some((r) => r.outcome === RecordOutcome.FAILED)) throw new AllOrNothingRollback(this.rolledBack(result));
      if (!audited) await new AuditService(tx).record(this.actor, this.auditEvents(request, results));
      if (key) await this.keys.answer(tx, key, result);
      return result;
    });
  }

  /**
   * Each record on its own: text the database cannot store made storable (an error of that record
   * only, so its reference and messages can still be echoed, audited and stored as an idempotent
   * answer), vocabulary labels resolved to codes, country codes normalised, fields validated.
   * Answers the records to write and the field errors per batch position.
   */
  private prepare(received: SyncRecordData[]): { records: SyncRecordData[]; invalid: Map<number, FieldError[]> } {
    const invalid = new Map<number, FieldError[]>();
    const records = received.map((raw, i) => {
      const storable = storableCopy(raw, ['records', i]);
      const { record, errors: codeErrors } = resolveRecordVocabulary(storable.value, ['records', i]);
      const r = normaliseContent(record);
      const errors = [...storable.errors, ...codeErrors, ...validateRecord(r, ['records', i])];
      if (errors.length) invalid.set(i, errors);
      return r;
    });
    return { records, invalid };
  }

  /** The publication checks, for the otherwise valid records that ask to be published. */
  private checkPublication(records: SyncRecordData[], invalid: Map<number, FieldError[]>): void {
    records.forEach((r, i) => {
      if (targetStatus(r) !== VersionStatus.PUBLISHED || invalid.has(i)) return;
      const errors = publicationErrors(contentOf(r), ['records', i]);
      if (errors.length) invalid.set(i, errors);
    });
  }

  /**
   * Which existing record each valid record is (record-plan.ts), from one record-state query over
   * the records' organisations (and the tree they may move within); locked in a write. A record
   * the plan cannot place (AMBIGUOUS) becomes invalid.
   */
  private async plan(em: EntityManager, request: BatchSyncRequest, records: SyncRecordData[], placement: Placement, invalid: Map<number, FieldError[]>, options: { lock?: boolean } = {}): Promise<Map<number, RecordPlan>> {
    const planned = plannedRecords(records, placement, invalid);
    if (!planned.length) return new Map();
    const organisationIds = [...new Set([...planned.map((p) => p.organisationId), ...(placement.moveTree ?? [])])];
    const states = await recordStates(em, { organisationIds, references: planned.map((p) => p.reference) }, options);
    const plans = planRecords(planned, states, placement.moveTree, request.pinnedReferences);
    for (const [i, p] of plans) if (p.error) invalid.set(i, [p.error]);
    return plans;
  }

  /**
   * Writes the valid records and answers every record's result. `audited`: the results were
   * complete before the set-based statement ran (every valid record written or found unchanged
   * by it, no REPLACE withdrawals, no all-or-nothing failure to roll back), so that statement also
   * inserted the batch's audit entries.
   */
  private async write(
    tx: EntityManager,
    request: BatchSyncRequest,
    records: SyncRecordData[],
    placement: Placement,
    received: Map<number, FieldError[]>,
    setBased: boolean,
  ): Promise<{ results: RecordResult[]; audited: boolean }> {
    // Planning may fail records (AMBIGUOUS): on a copy, so a second attempt (record by record) plans afresh.
    const invalid = new Map(received);
    const candidates = records.length - invalid.size;
    // Records without units need no plan one by one (saveRecord finds each in its organisation); a set-based write always reads the states.
    const needsPlan = candidates > 0 && ((setBased && candidates > 1) || placement.moveTree !== null);
    let plans: Map<number, RecordPlan> = new Map();
    if (needsPlan) {
      try {
        plans = await this.plan(tx, request, records, placement, invalid, { lock: true });
      } catch (e) {
        if (setBased) throw new SetBasedWriteFailed(e);
        throw e;
      }
    }
    const results: RecordResult[] = records.map((r, i) => failed(r, i, invalid.get(i) ?? [], placement.organisationIds[i]));
    const valid = records.map((r, i) => ({ r, i, organisationId: placement.organisationIds[i], plan: plans.get(i) })).filter(({ i }) => !invalid.has(i));
    const links = valid.length ? await this.linksOf(tx, placement, valid) : null;
    valid.sort((a, b) => compare(a.r.reference, b.r.reference) || compare(a.organisationId, b.organisationId));
    // Whether the set-based statement's outcomes (`done`) settle the whole batch, so its audit entries can go with it.
    const settles = (done: Map<number, RecordResult>) => request.mode !== SyncMode.REPLACE && valid.every((v) => done.has(v.i)) && !(request.allOrNothing && invalid.size > 0);
    const auditWith = (done: Map<number, RecordResult>): TableRows[] =>
      settles(done) ? [auditEntries(this.actor, this.auditEvents(request, results.map((r, i) => done.get(i) ?? r)))] : [];
    const setBasedWrite = setBased && needsPlan;
    const written = setBasedWrite ? await this.writeSetBased(tx, valid, links!, auditWith) : new Map<number, RecordResult>();
    for (const v of valid) results[v.i] = written.get(v.i) ?? (await this.writeOne(tx, v, links!));
    if (request.mode === SyncMode.REPLACE) results.push(...(await this.withdrawAbsent(tx, placement.replaced, exceptionsOf(records, results))));
    return { results, audited: setBasedWrite && settles(written) };
  }

  /** Links of the records' content (parties, related processings), per organisation: a related processing without TOOI URI is one of the record's own unit. */
  private async linksOf(tx: EntityManager, placement: Placement, valid: { r: SyncRecordData; organisationId: string }[]): Promise<Map<string, VersionLinks>> {
    const byUnit = new Map<string, RecordContent[]>();
    for (const { r, organisationId } of valid) byUnit.set(organisationId, [...(byUnit.get(organisationId) ?? []), contentOf(r)]);
    const links = new Map<string, VersionLinks>();
    for (const [unit, contents] of byUnit) links.set(unit, await resolveVersionLinks(tx, placement.owners.get(unit)!, contents));
    return links;
  }

  /**
   * The batch at once, straight in the batch's transaction: the records' rows were locked and their
   * latest content hashes read with one query (plan, in reference order), and every new version is
   * written by writeVersions in one statement (version-writer.ts). Unchanged records write nothing.
   * Records with a baseVersion or whose identical content only moves its publication state are
   * left to the per-record path. When anything here fails it throws SetBasedWriteFailed: sync()
   * then rolls the transaction back and writes the batch again record by record, where per-record
   * savepoints isolate the failing record. (No savepoint of its own: SAVEPOINT and RELEASE were two
   * of a batch's round trips, each a wait for the event loop under load.)
   */
  private async writeSetBased(tx: EntityManager, valid: ValidRecord[], links: Map<string, VersionLinks>, alsoInsert: (done: Map<number, RecordResult>) => TableRows[]): Promise<Map<number, RecordResult>> {
    const done = new Map<number, RecordResult>();
    try {
      const writes: (VersionWrite & { i: number; movedFrom: string | null })[] = [];
      for (const { r, i, organisationId, plan } of valid) {
        if (r.baseVersion != null) continue;
        const state = plan?.state;
        const change = comparedWith(r, state, organisationId);
        if (change === 'unchanged') done.set(i, { index: i, reference: r.reference, outcome: RecordOutcome.UNCHANGED, version: state!.latest_version_number, activityId: state!.id, organisationId, errors: [] });
        if (change === 'unchanged' || change === 'state') continue;
        const status = targetStatus(r) ?? VersionStatus.DRAFT;
        writes.push({
          i,
          movedFrom: plan?.movedFrom ?? null,
          activity: state ? { id: state.id, latestVersionNumber: state.latest_version_number } : null,
          organisationId,
          reference: r.reference,
          content: contentOf(r),
          hash: hashOf(r),
          status,
          publishFrom: status === VersionStatus.PUBLISHED ? (r.publishFrom ?? null) : null,
          publishedAt: r.publishedAt ?? null,
          withdrawnAt: r.withdrawnAt ?? null,
          links: links.get(organisationId),
        });
      }
      // The outcomes are known before the statement runs (writeVersions numbers the versions), so
      // rows that record them (the audit entries) can go with it.
      await writeVersions(tx, writes, links.values().next().value!, (written) => {
        writes.forEach((w, k) =>
          done.set(w.i, {
            index: w.i,
            reference: w.reference,
            outcome: written[k].created ? RecordOutcome.CREATED : RecordOutcome.UPDATED,
            version: written[k].versionNumber,
            activityId: written[k].activityId,
            organisationId: w.organisationId,
            ...(w.movedFrom ? { movedFrom: w.movedFrom } : {}),
            errors: [],
          }),
        );
        return alsoInsert(done);
      });
      return done;
    } catch (e) {
      throw new SetBasedWriteFailed(e);
    }
  }

  private async writeOne(tx: EntityManager, { r, i: index, organisationId, plan }: ValidRecord, links: Map<string, VersionLinks>): Promise<RecordResult> {
    const fail = (errors: FieldError[]) => failed(r, index, errors, organisationId);
    const status = targetStatus(r);
    const movedFrom = plan?.movedFrom ?? null;
    const attempt = () =>
      // A fresh EntityManager per record, in a savepoint of the batch transaction.
      this.em.fork().transactional(
        (em) =>
          new ProcessingActivityService(em).saveRecord(
            {
              organisation: em.getReference(Organisation, organisationId),
              reference: r.reference,
              ...(movedFrom ? { activityId: plan!.state!.id } : {}),
              content: contentOf(r),
              baseVersion: r.baseVersion,
              preserveStatus: true,
              status,
              publishFrom: status === VersionStatus.PUBLISHED ? (r.publishFrom ?? null) : undefined,
              publishedAt: r.publishedAt ?? null,
              withdrawnAt: r.withdrawnAt ?? null,
            },
            links.get(organisationId),
          ),
        { ctx: tx.getTransactionContext() },
      );
    for (let tries = 0; ; tries++) {
      try {
        const saved = await attempt();
        const outcome = { [SaveOutcome.CREATED]: RecordOutcome.CREATED, [SaveOutcome.UPDATED]: RecordOutcome.UPDATED, [SaveOutcome.UNCHANGED]: RecordOutcome.UNCHANGED }[saved.outcome];
        return { index, reference: r.reference, outcome, version: saved.version.versionNumber, activityId: saved.activity.id, organisationId, ...(movedFrom ? { movedFrom } : {}), errors: [] };
      } catch (e) {
        if (e instanceof StaleVersionError) return fail([fieldError(['records', index, 'baseVersion'], ErrorCode.STALE_VERSION, e.message + ' Fetch the current version and apply your change to it.')]);
        // Another writer created the same record at the same moment: once more, now as an update.
        if (e instanceof UniqueConstraintViolationException && tries === 0) continue;
        if (e instanceof UniqueConstraintViolationException) return fail([fieldError(['records', index, 'reference'], ErrorCode.CONFLICT, 'Another request wrote this record at the same moment; retry.')]);
        if (process.env.NODE_ENV !== 'test') console.error(`[sync] record ${r.reference} failed`, e);
        return fail([fieldError(['records', index], ErrorCode.WRITE_FAILED, 'The record could not be written; nothing of it was stored.')]);
      }
    }
  }

  /** REPLACE: withdraws the records of `organisationIds` absent from the batch (published versions, and a pending newest draft). */
  private async withdrawAbsent(tx: EntityManager, organisationIds: readonly string[], except: ReplaceExceptions): Promise<RecordResult[]> {
    const candidates = await replaceCandidates(tx, organisationIds, except, { lock: true });
    const withdrawn = await withdrawVersions(tx, candidates.map((c) => c.id));
    return candidates.filter((c) => withdrawn.has(c.id)).map(withdrawnResult);
  }

  /**
   * REPLACE for a register sent in several batches (the importer, `register sync`): withdraws the
   * records of the organisation (or, with `subtree`, of its whole subtree) that are not among
   * `except` (the records the whole register named). In a dry run it only reports what it would withdraw.
   */
  async withdrawAllExcept(organisation: Organisation, except: ReplaceExceptions, options: { dryRun: boolean; operation: string; subtree?: boolean }): Promise<RecordResult[]> {
    const organisationIds = options.subtree ? await subtreeIds(this.em.fork(), organisation.id) : [organisation.id];
    if (options.dryRun) return (await replaceCandidates(this.em.fork(), organisationIds, except)).map(withdrawnResult);
    return this.em.fork().transactional(async (tx) => {
      const results = await this.withdrawAbsent(tx, organisationIds, except);
      await new AuditService(tx).record(
        this.actor,
        results.map((r) => ({ operation: options.operation, outcome: r.outcome, targetOrganisationId: r.organisationId, activityId: r.activityId, reference: r.reference, versionNumber: r.version, details: { mode: SyncMode.REPLACE } })),
      );
      return results;
    });
  }

  /** What the batch would do, computed from the same record states and plan as the write, without writing anything. */
  private async dryRun(request: BatchSyncRequest, records: SyncRecordData[], placement: Placement, received: Map<number, FieldError[]>, base: BatchSyncResult): Promise<BatchSyncResult> {
    const em = this.em.fork();
    const invalid = new Map(received);
    const plans = await this.plan(em, request, records, placement, invalid);
    const results: RecordResult[] = records.map((r, i) => {
      const organisationId = placement.organisationIds[i];
      const errors = invalid.get(i);
      if (errors) return failed(r, i, errors, organisationId);
      const plan = plans.get(i);
      const state = plan?.state;
      const current = state?.latest_version_number ?? 0;
      if (r.baseVersion != null && r.baseVersion !== current)
        return { ...failed(r, i, [fieldError(['records', i, 'baseVersion'], ErrorCode.STALE_VERSION, new StaleVersionError(current, r.baseVersion).message)], organisationId), activityId: state?.id ?? null };
      const change = comparedWith(r, state, organisationId);
      const outcome = change === 'new' ? RecordOutcome.CREATED : change === 'unchanged' ? RecordOutcome.UNCHANGED : RecordOutcome.UPDATED;
      const version = change === 'new' ? 1 : change === 'version' ? current + 1 : current;
      return { index: i, reference: r.reference, outcome, version, activityId: state?.id ?? null, organisationId, ...(plan?.movedFrom ? { movedFrom: plan.movedFrom } : {}), errors: [] };
    });
    if (request.mode === SyncMode.REPLACE) results.push(...(await replaceCandidates(em, placement.replaced, exceptionsOf(records, results))).map(withdrawnResult));
    const result = { ...base, results };
    return request.allOrNothing && results.some((r) => r.outcome === RecordOutcome.FAILED) ? this.rolledBack(result) : result;
  }

  /** All-or-nothing with a failure: every record that did not fail itself is reported as rolled back. */
  private rolledBack(result: BatchSyncResult): BatchSyncResult {
    return {
      ...result,
      committed: false,
      results: result.results.map((r) =>
        r.outcome === RecordOutcome.FAILED
          ? r
          : {
              ...r,
              outcome: RecordOutcome.FAILED,
              version: null,
              errors: [fieldError(r.index === null ? ['records'] : ['records', r.index], ErrorCode.ROLLED_BACK, 'Not written: another record of this all-or-nothing batch failed.')],
            },
      ),
    };
  }

  private auditEvents(request: BatchSyncRequest, results: RecordResult[]): AuditEvent[] {
    return results.map((r) => ({
      operation: 'syncProcessingActivities',
      outcome: r.outcome,
      targetOrganisationId: r.organisationId ?? request.organisation.id,
      activityId: r.activityId,
      reference: r.reference,
      versionNumber: r.version,
      idempotencyKey: request.idempotencyKey ?? null,
      details: {
        mode: request.mode,
        allOrNothing: request.allOrNothing,
        ...(r.movedFrom ? { movedFrom: r.movedFrom } : {}),
        ...(r.errors.length ? { errors: r.errors.map((e) => ({ code: e.code, path: e.path })) } : {}),
      },
    }));
  }
}

/** A valid record of a batch: its position, the organisation it belongs to, and what it is (record-plan.ts). */
interface ValidRecord {
  r: SyncRecordData;
  i: number;
  organisationId: string;
  plan: RecordPlan | undefined;
}

/**
 * What REPLACE must not withdraw: every record the batch wrote or found unchanged (by id, so a
 * record that moved units is kept), and, for each record that failed, any record with its
 * reference (a failed record is never taken for a deleted one).
 */
export function exceptionsOf(records: SyncRecordData[], results: RecordResult[]): ReplaceExceptions {
  const ids = results.flatMap((r) => (r.outcome !== RecordOutcome.FAILED && r.activityId ? [r.activityId] : []));
  const references = results.flatMap((r) => (r.outcome === RecordOutcome.FAILED && r.index !== null ? [typeof records[r.index].reference === 'string' ? records[r.index].reference : r.reference] : []));
  return { ids, references };
}

function failed(r: SyncRecordData, index: number, errors: FieldError[], organisationId: string | null = null): RecordResult {
  return { index, reference: typeof r.reference === 'string' ? r.reference : '', outcome: RecordOutcome.FAILED, version: null, activityId: null, organisationId, errors };
}

function withdrawnResult(c: RecordState): RecordResult {
  return { index: null, reference: c.reference, outcome: RecordOutcome.WITHDRAWN, version: c.latest_version_number, activityId: c.id, organisationId: c.organisation_id, errors: [] };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Two publish-from moments (raw timestamptz text or Date, or null) are the same moment. */
function sameMoment(a: string | Date | null, b: Date | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === b.getTime();
}
