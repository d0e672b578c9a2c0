import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
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
import { ErrorCode, type FieldError, fieldError } from './field-error';
import { IdempotencyRecord } from './idempotency-record.entity';
import { publicationErrors } from './publication-rules';
import { LIMITS, normaliseContent, type SyncRecordData, validateRecord } from './record-validation';

export enum SyncMode {
  /** Create or update the records in the batch; leave the organisation's other records alone. */
  UPSERT = 'UPSERT',
  /** Like UPSERT, and withdraw the organisation's records that are absent from the batch. */
  REPLACE = 'REPLACE',
}

export enum RecordOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  WITHDRAWN = 'WITHDRAWN',
  FAILED = 'FAILED',
}

export interface BatchSyncRequest {
  organisation: Organisation;
  records: SyncRecordData[];
  mode: SyncMode;
  dryRun: boolean;
  /** One transaction for the whole batch: any failure writes nothing at all. */
  allOrNothing: boolean;
  idempotencyKey?: string | null;
  /** REPLACE with no records withdraws the organisation's whole register: only with this set. */
  confirmWithdrawAll?: boolean;
}

export interface RecordResult {
  /** Position in the batch; null for a record withdrawn by REPLACE. */
  index: number | null;
  reference: string;
  outcome: RecordOutcome;
  /** The resulting (or, in a dry run, the would-be) version number. */
  version: number | null;
  activityId: string | null;
  errors: FieldError[];
}

export interface BatchSyncResult {
  organisationId: string;
  mode: SyncMode;
  dryRun: boolean;
  allOrNothing: boolean;
  /** Whether anything was written (false for dry runs, refused and rolled-back batches). */
  committed: boolean;
  /** True when this is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
  results: RecordResult[];
  /** Operation-level failures (batch too large, idempotency key reused for another request, …). */
  errors: FieldError[];
}

const NON_CONTENT_KEYS = new Set(['reference', 'baseVersion', 'publish', 'publishFrom']);

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

interface ActivityState {
  id: string;
  reference: string;
  latest_version_number: number;
  content_hash: string | null;
  status: VersionStatus | null;
  publish_from: Date | null;
}

/**
 * Writes a batch of records of one organisation. Every record is validated first; the valid
 * records are then written all at once (writeSetBased), or, when the database refuses that
 * write, again in a new transaction one by one, each in its own savepoint (so one failure leaves
 * nothing of that record and does not stop the others); always in reference order (so
 * concurrent batches lock rows in one order). The idempotency key, the audit entries and the
 * REPLACE withdrawals commit with the writes, atomically.
 */
export class BatchSyncService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

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

    // Text the database cannot store fails its record only; the record goes on with that text made
    // storable, so its reference and error messages can be echoed, audited and stored as an idempotent answer.
    const unstorable = new Map<number, FieldError[]>();
    const records = request.records.map((r, i) => {
      const storable = storableCopy(r, ['records', i]);
      if (storable.errors.length) unstorable.set(i, storable.errors);
      return normaliseContent(storable.value);
    });
    const invalid = this.validate(records, unstorable);

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
        if (key) await tx.execute(`insert into idempotency_record (organisation_id, key, request_hash, response) values (?, ?, ?, ?) on conflict do nothing`, [this.idempotencyOwner(), key, requestHash, JSON.stringify(e.result)]);
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
        const claimed = await this.claimKey(tx, key, requestHash!);
        if (claimed) return claimed;
      }
      const results = await this.write(tx, request, records, invalid, setBased);
      const result: BatchSyncResult = { ...base, committed: true, results };
      if (request.allOrNothing && results.some((r) => r.outcome === RecordOutcome.FAILED)) throw new AllOrNothingRollback(this.rolledBack(result));
      await new AuditService(tx).record(this.actor, this.auditEvents(request, result));
      if (key) await tx.nativeUpdate(IdempotencyRecord, { organisationId: this.idempotencyOwner(), key }, { response: result });
      return result;
    });
  }

  /** Field errors per batch position; publication checks for records that ask to be published. */
  private validate(records: SyncRecordData[], unstorable: Map<number, FieldError[]>): Map<number, FieldError[]> {
    const invalid = new Map<number, FieldError[]>();
    const seen = new Map<string, number>();
    records.forEach((r, i) => {
      const errors = [...(unstorable.get(i) ?? []), ...validateRecord(r, ['records', i])];
      const first = seen.get(r.reference);
      if (first !== undefined) errors.push(fieldError(['records', i, 'reference'], ErrorCode.DUPLICATE_REFERENCE, `Reference "${r.reference}" occurs more than once in this batch (first at position ${first}).`));
      else seen.set(r.reference, i);
      if (r.publish && !errors.length) errors.push(...publicationErrors(contentOf(r), ['records', i]));
      if (errors.length) invalid.set(i, errors);
    });
    return invalid;
  }

  /** The caller's organisation owns its idempotency keys. */
  private idempotencyOwner(): string {
    return this.actor.organisationId ?? '00000000-0000-0000-0000-000000000000';
  }

  /** Claims the key, or answers the stored result (a replay) or a refusal (the key was used for another request). */
  private async claimKey(tx: EntityManager, key: string, requestHash: string): Promise<BatchSyncResult | null> {
    const owner = this.idempotencyOwner();
    const inserted = await tx.execute(`insert into idempotency_record (organisation_id, key, request_hash) values (?, ?, ?) on conflict do nothing returning key`, [owner, key, requestHash]);
    if (inserted.length) return null;
    const existing = await tx.findOneOrFail(IdempotencyRecord, { organisationId: owner, key }, { refresh: true });
    if (existing.requestHash !== requestHash || !existing.response) {
      return {
        ...(existing.response as BatchSyncResult | null ?? { organisationId: '', mode: SyncMode.UPSERT, dryRun: false, allOrNothing: false, results: [] }),
        committed: false,
        replayed: false,
        results: [],
        errors: [fieldError(['idempotencyKey'], ErrorCode.IDEMPOTENCY_KEY_REUSED, `Idempotency key "${key}" was already used for a different request; use a new key for a new request.`)],
      };
    }
    return { ...(existing.response as BatchSyncResult), replayed: true };
  }

  private async write(tx: EntityManager, request: BatchSyncRequest, records: SyncRecordData[], invalid: Map<number, FieldError[]>, setBased: boolean): Promise<RecordResult[]> {
    const results: RecordResult[] = records.map((r, i) => ({ index: i, reference: r.reference, outcome: RecordOutcome.FAILED, version: null, activityId: null, errors: invalid.get(i) ?? [] }));
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
   * latest content hashes read with one query (in reference order), and every new version written
   * by writeVersions in one statement (version-writer.ts). Unchanged records write nothing.
   * Records with a baseVersion or whose identical content only moves its publication state are
   * left to the per-record path. When anything here fails it throws SetBasedWriteFailed: sync()
   * then rolls the transaction back and writes the batch again record by record, where
   * per-record savepoints isolate the failing record. (No savepoint of its own: SAVEPOINT and
   * RELEASE were two of a batch's round trips, each a wait for the event loop under load.)
   */
  private async writeSetBased(tx: EntityManager, organisationId: string, valid: { r: SyncRecordData; i: number }[], links: VersionLinks | null): Promise<Map<number, RecordResult>> {
    const done = new Map<number, RecordResult>();
    if (valid.length < 2 || !links) return done;
    try {
      const db = tx.getTransactionContext<Knex.Transaction>()!;
      const { rows: current }: { rows: ActivityState[] } = await db.raw(
        `select a.id, a.reference, a.latest_version_number, v.content_hash, v.status, v.publish_from
           from (select id, reference, latest_version_number from processing_activity
                  where organisation_id = ? and reference = any(?::text[]) order by reference for update) a
           left join processing_activity_version v on v.activity_id = a.id and v.version_number = a.latest_version_number`,
        [organisationId, valid.map(({ r }) => r.reference)],
      );
      const byReference = new Map(current.map((a) => [a.reference, a]));
      const writes: (VersionWrite & { i: number })[] = [];
      for (const { r, i } of valid) {
        if (r.baseVersion != null) continue;
        const content = contentOf(r);
        const hash = contentHash(content);
        const activity = byReference.get(r.reference);
        if (activity && activity.content_hash === hash) {
          const stays = !r.publish || (activity.status === VersionStatus.PUBLISHED && sameMoment(activity.publish_from, publishFrom(r)));
          if (stays) done.set(i, { index: i, reference: r.reference, outcome: RecordOutcome.UNCHANGED, version: activity.latest_version_number, activityId: activity.id, errors: [] });
          continue;
        }
        writes.push({
          i,
          activity: activity ? { id: activity.id, latestVersionNumber: activity.latest_version_number } : null,
          organisationId,
          reference: r.reference,
          content,
          hash,
          status: r.publish ? VersionStatus.PUBLISHED : VersionStatus.DRAFT,
          publishFrom: r.publish ? publishFrom(r) : null,
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
    const fail = (errors: FieldError[]): RecordResult => ({ index, reference: r.reference, outcome: RecordOutcome.FAILED, version: null, activityId: null, errors });
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
              status: r.publish ? VersionStatus.PUBLISHED : undefined,
              publishFrom: r.publish ? (r.publishFrom ?? null) : undefined,
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
    const candidates = await withdrawalCandidates(tx, organisationId, records.map((r) => r.reference));
    if (!candidates.length) return [];
    const ids = candidates.map((c) => c.id);
    await tx.execute(`select id from processing_activity where id in (select jsonb_array_elements_text(?::jsonb)::uuid) order by reference for update`, [JSON.stringify(ids)]);
    const changed: { activity_id: string }[] = await tx.execute(
      `update processing_activity_version v set status = 'WITHDRAWN', withdrawn_at = now()
         from processing_activity a
        where v.activity_id = a.id and a.id in (select jsonb_array_elements_text(?::jsonb)::uuid)
          and (v.status = 'PUBLISHED' or (v.version_number = a.latest_version_number and v.status in ('DRAFT', 'UNDER_REVIEW')))
        returning v.activity_id`,
      [JSON.stringify(ids)],
    );
    const withdrawn = new Set(changed.map((c) => c.activity_id));
    return candidates
      .filter((c) => withdrawn.has(c.id))
      .map((c) => ({ index: null, reference: c.reference, outcome: RecordOutcome.WITHDRAWN, version: c.latest_version_number, activityId: c.id, errors: [] }));
  }

  /** What the batch would do, computed without writing anything. */
  private async dryRun(request: BatchSyncRequest, records: SyncRecordData[], invalid: Map<number, FieldError[]>, base: BatchSyncResult): Promise<BatchSyncResult> {
    const em = this.em.fork();
    const rows: ActivityState[] = records.length
      ? await em.execute(
          `select a.id, a.reference, a.latest_version_number, v.content_hash, v.status, v.publish_from
             from processing_activity a
             left join processing_activity_version v on v.activity_id = a.id and v.version_number = a.latest_version_number
            where a.organisation_id = ? and a.reference in (select jsonb_array_elements_text(?::jsonb))`,
          [request.organisation.id, JSON.stringify(records.map((r) => r.reference))],
        )
      : [];
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    const results: RecordResult[] = records.map((r, i) => {
      const errors = invalid.get(i);
      if (errors) return { index: i, reference: r.reference, outcome: RecordOutcome.FAILED, version: null, activityId: null, errors };
      const row = byReference.get(r.reference);
      const current = row?.latest_version_number ?? 0;
      if (r.baseVersion != null && r.baseVersion !== current)
        return { index: i, reference: r.reference, outcome: RecordOutcome.FAILED, version: null, activityId: row?.id ?? null, errors: [fieldError(['records', i, 'baseVersion'], ErrorCode.STALE_VERSION, new StaleVersionError(current, r.baseVersion).message)] };
      if (!row) return { index: i, reference: r.reference, outcome: RecordOutcome.CREATED, version: 1, activityId: null, errors: [] };
      if (row.content_hash === contentHash(contentOf(r))) {
        const moves = r.publish && (row.status !== VersionStatus.PUBLISHED || (row.publish_from?.getTime() ?? null) !== (r.publishFrom?.getTime() ?? null));
        return { index: i, reference: r.reference, outcome: moves ? RecordOutcome.UPDATED : RecordOutcome.UNCHANGED, version: current, activityId: row.id, errors: [] };
      }
      return { index: i, reference: r.reference, outcome: RecordOutcome.UPDATED, version: current + 1, activityId: row.id, errors: [] };
    });
    if (request.mode === SyncMode.REPLACE) {
      const candidates = await withdrawalCandidates(em, request.organisation.id, records.map((r) => r.reference));
      results.push(...candidates.map((c) => ({ index: null, reference: c.reference, outcome: RecordOutcome.WITHDRAWN, version: c.latest_version_number, activityId: c.id, errors: [] })));
    }
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

/** Records of the organisation absent from `present` that still have something to withdraw. */
async function withdrawalCandidates(em: EntityManager, organisationId: string, present: string[]): Promise<{ id: string; reference: string; latest_version_number: number }[]> {
  return em.execute(
    `select a.id, a.reference, a.latest_version_number
       from processing_activity a
      where a.organisation_id = ? and a.reference not in (select jsonb_array_elements_text(?::jsonb))
        and exists (select 1 from processing_activity_version v
                     where v.activity_id = a.id
                       and (v.status = 'PUBLISHED' or (v.version_number = a.latest_version_number and v.status in ('DRAFT', 'UNDER_REVIEW'))))
      order by a.reference`,
    [organisationId, JSON.stringify(present)],
  );
}

function publishFrom(r: SyncRecordData): Date | null {
  return r.publishFrom ?? null;
}

/** Two publish-from moments (raw timestamptz text or Date, or null) are the same moment. */
function sameMoment(a: string | Date | null, b: Date | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === b.getTime();
}

function hashRequest(request: BatchSyncRequest, records: SyncRecordData[]): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    return value ?? null;
  };
  const body = { organisation: request.organisation.id, mode: request.mode, allOrNothing: request.allOrNothing, records };
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}
