import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, type AuditEvent, AuditService } from '../audit/audit.service';
import { Organisation } from '../organisation/organisation.entity';
import { contentHash } from '../processing-activity/content-hash';
import { VersionStatus } from '../processing-activity/processing-activity.enums';
import { ProcessingActivityService, SaveOutcome, StaleVersionError } from '../processing-activity/processing-activity.service';
import { type VersionWrite, writeVersions } from '../processing-activity/version-writer';
import type { RecordContent } from '../processing-activity/record-content';
import type { VersionLinks } from '../processing-activity/version-builder';
import { resolveVersionLinks } from '../processing-activity/version-links';
import { isStorableText, storableCopy } from '../common/storable-text';
import { type BatchSyncRequest, type BatchSyncResult, RecordOutcome, type RecordResult, SyncMode, WRITING_OUTCOMES } from './batch-sync.types';
import { ErrorCode, type FieldError, fieldError } from './field-error';
import { hashRequest, IdempotencyStore } from './idempotency';
import { publicationErrors } from './publication-rules';
import { resolveRecordVocabulary } from './record-input';
import { type RecordState, recordStates, withdrawVersions } from './record-state';
import { LIMITS, normaliseContent, type SyncRecordData, validateRecord } from './record-validation';

export { type BatchSyncRequest, type BatchSyncResult, RecordOutcome, type RecordResult, SyncMode } from './batch-sync.types';

const NON_CONTENT_KEYS = new Set(['reference', 'baseVersion', 'publish', 'publishFrom', 'status', 'publishedAt', 'withdrawnAt']);

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

/** The publication state a record asks for: an importer's source state, PUBLISHED for `publish`, or none (a new version is a draft; identical content keeps its state). */
function targetStatus(r: SyncRecordData): VersionStatus | undefined {
  return r.status ?? (r.publish ? VersionStatus.PUBLISHED : undefined);
}

/** What writing the record would do to the record as it is: nothing, only move its state, or a new version. */
function comparedWith(r: SyncRecordData, state: RecordState | undefined): 'new' | 'unchanged' | 'state' | 'version' {
  if (!state) return 'new';
  if (state.content_hash !== contentHash(contentOf(r))) return 'version';
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
 * Writes a batch of records of one organisation; the sync surface, the `register sync` CLI and the
 * AVG-register importer all write through it. Every record is checked on its own first (codes or
 * Dutch labels resolved, fields validated, publication checked when asked), so a bad record fails
 * alone. The valid records are then written all at once (writeSetBased), or, when the database
 * refuses that write, again in a new transaction one by one, each in its own savepoint; always in
 * reference order (so concurrent batches lock rows in one order). The idempotency key
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

    if (request.dryRun) return this.dryRun(request, records, invalid, base);

    const requestHash = key ? hashRequest(request, records) : null;
    try {
      return await this.commit(request, records, invalid, base, requestHash, true).catch((e: unknown) => {
        if (!(e instanceof SetBasedWriteFailed)) throw e;
        // Nothing of the first attempt remains (its transaction rolled back): write record by record.
        if (process.env.NODE_ENV !== 'test' && !(e.cause instanceof UniqueConstraintViolationException)) console.warn('[sync] set-based batch write failed; writing record by record', e.cause);
        return this.commit(request, records, invalid, base, requestHash, false);
      });
    } catch (e) {
      if (!(e instanceof AllOrNothingRollback)) throw e;
      // Nothing of the batch was written; the audit log and the idempotency key still record the attempt.
      await this.em.fork().transactional(async (tx) => {
        await new AuditService(tx).record(this.actor, this.auditEvents(request, e.result));
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
  private commit(request: BatchSyncRequest, records: SyncRecordData[], invalid: Map<number, FieldError[]>, base: BatchSyncResult, requestHash: string | null, setBased: boolean): Promise<BatchSyncResult> {
    const key = request.idempotencyKey;
    return this.em.fork().transactional(async (tx) => {
      if (key) {
        const claimed = await this.keys.claim(tx, key, requestHash!);
        if (claimed) return claimed;
      }
      const results = await this.write(tx, request, records, invalid, setBased);
      const result: BatchSyncResult = { ...base, committed: results.some((r) => WRITING_OUTCOMES.has(r.outcome)), results };
      if (request.allOrNothing && results.some((r) => r.outcome === RecordOutcome.FAILED)) throw new AllOrNothingRollback(this.rolledBack(result));
      await new AuditService(tx).record(this.actor, this.auditEvents(request, result));
      if (key) await this.keys.answer(tx, key, result);
      return result;
    });
  }

  /**
   * Each record on its own: text the database cannot store made storable (an error of that record
   * only, so its reference and messages can still be echoed, audited and stored as an idempotent
   * answer), vocabulary labels resolved to codes, country codes normalised, fields validated, and
   * the publication checks for records that ask to be published. Answers the records to write and
   * the field errors per batch position.
   */
  private prepare(received: SyncRecordData[]): { records: SyncRecordData[]; invalid: Map<number, FieldError[]> } {
    const invalid = new Map<number, FieldError[]>();
    const seen = new Map<string, number>();
    const records = received.map((raw, i) => {
      const storable = storableCopy(raw, ['records', i]);
      const { record, errors: codeErrors } = resolveRecordVocabulary(storable.value, ['records', i]);
      const r = normaliseContent(record);
      const errors = [...storable.errors, ...codeErrors, ...validateRecord(r, ['records', i])];
      const first = seen.get(r.reference);
      if (first !== undefined) errors.push(fieldError(['records', i, 'reference'], ErrorCode.DUPLICATE_REFERENCE, `Reference "${r.reference}" occurs more than once in this batch (first at position ${first}).`));
      else seen.set(r.reference, i);
      if (targetStatus(r) === VersionStatus.PUBLISHED && !errors.length) errors.push(...publicationErrors(contentOf(r), ['records', i]));
      if (errors.length) invalid.set(i, errors);
      return r;
    });
    return { records, invalid };
  }

  private async write(tx: EntityManager, request: BatchSyncRequest, records: SyncRecordData[], invalid: Map<number, FieldError[]>, setBased: boolean): Promise<RecordResult[]> {
    const results: RecordResult[] = records.map((r, i) => failed(r, i, invalid.get(i) ?? []));
    const valid = records.map((r, i) => ({ r, i })).filter(({ i }) => !invalid.has(i));
    const links = valid.length ? await resolveVersionLinks(tx, request.organisation, valid.map(({ r }) => contentOf(r))) : null;
    valid.sort((a, b) => (a.r.reference < b.r.reference ? -1 : a.r.reference > b.r.reference ? 1 : 0));
    const written = setBased ? await this.writeSetBased(tx, request.organisation.id, valid, links) : new Map<number, RecordResult>();
    for (const { r, i } of valid) results[i] = written.get(i) ?? (await this.writeOne(tx, request.organisation.id, r, i, links!));
    if (request.mode === SyncMode.REPLACE) results.push(...(await this.withdrawAbsent(tx, request.organisation.id, records)));
    return results;
  }

  /**
   * The batch at once, straight in the batch's transaction: the records' rows locked and their
   * latest content hashes read with one query (recordStates, in reference order), and every new
   * version written by writeVersions in one statement (version-writer.ts). Unchanged records
   * write nothing. Records with a baseVersion or whose identical content only moves its
   * publication state are left to the per-record path. When anything here fails it throws
   * SetBasedWriteFailed: sync() then rolls the transaction back and writes the batch again record
   * by record, where per-record savepoints isolate the failing record. (No savepoint of its own:
   * SAVEPOINT and RELEASE were two of a batch's round trips, each a wait for the event loop under load.)
   */
  private async writeSetBased(tx: EntityManager, organisationId: string, valid: { r: SyncRecordData; i: number }[], links: VersionLinks | null): Promise<Map<number, RecordResult>> {
    const done = new Map<number, RecordResult>();
    if (valid.length < 2 || !links) return done;
    try {
      const current = await recordStates(tx, organisationId, { references: valid.map(({ r }) => r.reference) }, { lock: true });
      const byReference = new Map(current.map((a) => [a.reference, a]));
      const writes: (VersionWrite & { i: number })[] = [];
      for (const { r, i } of valid) {
        if (r.baseVersion != null) continue;
        const state = byReference.get(r.reference);
        const change = comparedWith(r, state);
        if (change === 'unchanged') done.set(i, { index: i, reference: r.reference, outcome: RecordOutcome.UNCHANGED, version: state!.latest_version_number, activityId: state!.id, errors: [] });
        if (change === 'unchanged' || change === 'state') continue;
        const status = targetStatus(r) ?? VersionStatus.DRAFT;
        writes.push({
          i,
          activity: state ? { id: state.id, latestVersionNumber: state.latest_version_number } : null,
          organisationId,
          reference: r.reference,
          content: contentOf(r),
          hash: contentHash(contentOf(r)),
          status,
          publishFrom: status === VersionStatus.PUBLISHED ? (r.publishFrom ?? null) : null,
          publishedAt: r.publishedAt ?? null,
          withdrawnAt: r.withdrawnAt ?? null,
        });
      }
      const written = await writeVersions(tx, writes, links);
      writes.forEach((w, k) =>
        done.set(w.i, { index: w.i, reference: w.reference, outcome: written[k].created ? RecordOutcome.CREATED : RecordOutcome.UPDATED, version: written[k].versionNumber, activityId: written[k].activityId, errors: [] }),
      );
      return done;
    } catch (e) {
      throw new SetBasedWriteFailed(e);
    }
  }

  private async writeOne(tx: EntityManager, organisationId: string, r: SyncRecordData, index: number, links: VersionLinks): Promise<RecordResult> {
    const fail = (errors: FieldError[]) => failed(r, index, errors);
    const status = targetStatus(r);
    const attempt = () =>
      // A fresh EntityManager per record, in a savepoint of the batch transaction.
      this.em.fork().transactional(
        (em) =>
          new ProcessingActivityService(em).saveRecord(
            {
              organisation: em.getReference(Organisation, organisationId),
              reference: r.reference,
              content: contentOf(r),
              baseVersion: r.baseVersion,
              preserveStatus: true,
              status,
              publishFrom: status === VersionStatus.PUBLISHED ? (r.publishFrom ?? null) : undefined,
              publishedAt: r.publishedAt ?? null,
              withdrawnAt: r.withdrawnAt ?? null,
            },
            links,
          ),
        { ctx: tx.getTransactionContext() },
      );
    for (let tries = 0; ; tries++) {
      try {
        const saved = await attempt();
        const outcome = { [SaveOutcome.CREATED]: RecordOutcome.CREATED, [SaveOutcome.UPDATED]: RecordOutcome.UPDATED, [SaveOutcome.UNCHANGED]: RecordOutcome.UNCHANGED }[saved.outcome];
        return { index, reference: r.reference, outcome, version: saved.version.versionNumber, activityId: saved.activity.id, errors: [] };
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

  /** REPLACE: withdraws the organisation's records absent from the batch (published versions, and a pending newest draft). */
  private async withdrawAbsent(tx: EntityManager, organisationId: string, records: SyncRecordData[]): Promise<RecordResult[]> {
    const candidates = await recordStates(tx, organisationId, { except: records.map((r) => r.reference) }, { lock: true });
    const withdrawn = await withdrawVersions(tx, candidates.map((c) => c.id));
    return candidates.filter((c) => withdrawn.has(c.id)).map(withdrawnResult);
  }

  /**
   * REPLACE for a register sent in several batches (the importer, `register sync`): withdraws the
   * organisation's records that are not among `references`, the whole register's references. In
   * a dry run it only reports what it would withdraw.
   */
  async withdrawAllExcept(organisation: Organisation, references: string[], options: { dryRun: boolean; operation: string }): Promise<RecordResult[]> {
    if (options.dryRun) return (await recordStates(this.em.fork(), organisation.id, { except: references })).map(withdrawnResult);
    return this.em.fork().transactional(async (tx) => {
      const results = await this.withdrawAbsent(tx, organisation.id, references.map((reference) => ({ reference }) as SyncRecordData));
      await new AuditService(tx).record(
        this.actor,
        results.map((r) => ({ operation: options.operation, outcome: r.outcome, targetOrganisationId: organisation.id, activityId: r.activityId, reference: r.reference, versionNumber: r.version, details: { mode: SyncMode.REPLACE } })),
      );
      return results;
    });
  }

  /** What the batch would do, computed from the same record states as the write, without writing anything. */
  private async dryRun(request: BatchSyncRequest, records: SyncRecordData[], invalid: Map<number, FieldError[]>, base: BatchSyncResult): Promise<BatchSyncResult> {
    const em = this.em.fork();
    const states = records.length ? await recordStates(em, request.organisation.id, { references: records.map((r) => r.reference) }) : [];
    const byReference = new Map(states.map((row) => [row.reference, row]));
    const results: RecordResult[] = records.map((r, i) => {
      const errors = invalid.get(i);
      if (errors) return failed(r, i, errors);
      const state = byReference.get(r.reference);
      const current = state?.latest_version_number ?? 0;
      if (r.baseVersion != null && r.baseVersion !== current)
        return { ...failed(r, i, [fieldError(['records', i, 'baseVersion'], ErrorCode.STALE_VERSION, new StaleVersionError(current, r.baseVersion).message)]), activityId: state?.id ?? null };
      const change = comparedWith(r, state);
      const outcome = change === 'new' ? RecordOutcome.CREATED : change === 'unchanged' ? RecordOutcome.UNCHANGED : RecordOutcome.UPDATED;
      return { index: i, reference: r.reference, outcome, version: change === 'new' ? 1 : change === 'version' ? current + 1 : current, activityId: state?.id ?? null, errors: [] };
    });
    if (request.mode === SyncMode.REPLACE) results.push(...(await recordStates(em, request.organisation.id, { except: records.map((r) => r.reference) })).map(withdrawnResult));
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

  private auditEvents(request: BatchSyncRequest, result: BatchSyncResult): AuditEvent[] {
    return result.results.map((r) => ({
      operation: 'syncProcessingActivities',
      outcome: r.outcome,
      targetOrganisationId: request.organisation.id,
      activityId: r.activityId,
      reference: r.reference,
      versionNumber: r.version,
      idempotencyKey: request.idempotencyKey ?? null,
      details: { mode: request.mode, allOrNothing: request.allOrNothing, ...(r.errors.length ? { errors: r.errors.map((e) => ({ code: e.code, path: e.path })) } : {}) },
    }));
  }
}

function failed(r: SyncRecordData, index: number, errors: FieldError[]): RecordResult {
  return { index, reference: typeof r.reference === 'string' ? r.reference : '', outcome: RecordOutcome.FAILED, version: null, activityId: null, errors };
}

function withdrawnResult(c: RecordState): RecordResult {
  return { index: null, reference: c.reference, outcome: RecordOutcome.WITHDRAWN, version: c.latest_version_number, activityId: c.id, errors: [] };
}

/** Two publish-from moments (raw timestamptz text or Date, or null) are the same moment. */
function sameMoment(a: string | Date | null, b: Date | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === b.getTime();
}
