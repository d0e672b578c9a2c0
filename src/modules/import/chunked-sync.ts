import { createHash } from 'node:crypto';
import type { Organisation } from '../organisation/organisation.entity';
import { type BatchSyncService, exceptionsOf, RecordOutcome, type RecordResult, ReplaceScope, SyncMode } from '../sync/batch-sync.service';
import { type FieldError, fieldError } from '../sync/field-error';
import { LIMITS, type SyncRecordData } from '../sync/record-validation';

export interface ChunkedSyncOptions {
  mode: SyncMode;
  /** With REPLACE: reconcile the organisation only (default) or its whole subtree. */
  replaceScope?: ReplaceScope;
  dryRun: boolean;
  /** Derived from the source (a file's hash) and the options: the same run gets the same keys, so a rerun writes nothing and an interrupted run resumes. */
  keyPrefix: string;
  chunkSize?: number;
  /** After each chunk: records done so far. Throwing stops the run (committed chunks stay committed). */
  onChunk?: (done: number) => void;
}

export interface ChunkedSyncResult {
  /** One per record, `index` its position in `records`; then the records REPLACE withdrew (index null). */
  results: RecordResult[];
  /** Chunks answered from their idempotency key: written by an earlier run, nothing written now. */
  replayedChunks: number;
}

/** A stable idempotency-key prefix for a source and the options that change what a run writes. */
export function runKey(kind: string, parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `${kind}:${hash.digest('hex').slice(0, 48)}`;
}

/**
 * A register of any size through the batch service, in chunks of at most 500 records, each with
 * its own idempotency key `<keyPrefix>:<chunk>`. A chunk answered from its key (an earlier run
 * wrote it) reports its records UNCHANGED: this run wrote nothing. REPLACE withdraws the
 * organisation's (or its subtree's) records absent from the whole register once every chunk is in,
 * never per chunk. Records may name their units (within the organisation's subtree).
 */
export async function syncInChunks(service: BatchSyncService, organisation: Organisation, records: SyncRecordData[], options: ChunkedSyncOptions): Promise<ChunkedSyncResult> {
  const size = Math.min(options.chunkSize ?? LIMITS.batch, LIMITS.batch);
  const results: RecordResult[] = [];
  let replayedChunks = 0;
  const pinnedReferences = referencesOfSeveralUnits(records);
  for (let start = 0, chunk = 1; start < records.length; start += size, chunk++) {
    const part = records.slice(start, start + size);
    const answer = await service.sync({
      organisation,
      records: part,
      mode: SyncMode.UPSERT,
      dryRun: options.dryRun,
      allOrNothing: false,
      idempotencyKey: options.dryRun ? null : `${options.keyPrefix}:${chunk}`,
      ...(pinnedReferences.size ? { pinnedReferences } : {}),
    });
    if (answer.replayed) replayedChunks++;
    const batchErrors: FieldError[] = answer.errors.map((e) => fieldError(['chunk', chunk, ...e.path], e.code, e.message));
    part.forEach((record, i) => {
      const own = answer.results.find((r) => r.index === i);
      if (!own || batchErrors.length) {
        results.push({ index: start + i, reference: record.reference, outcome: RecordOutcome.FAILED, version: null, activityId: null, errors: batchErrors });
        return;
      }
      const outcome = answer.replayed && own.outcome !== RecordOutcome.FAILED ? RecordOutcome.UNCHANGED : own.outcome;
      // Paths point into the source's list, not into the chunk.
      const errors = own.errors.map((e) => (e.path[0] === 'records' ? { ...e, path: ['records', String(start + i), ...e.path.slice(2)] } : e));
      results.push({ ...own, index: start + i, outcome, errors });
    });
    options.onChunk?.(Math.min(start + size, records.length));
  }
  if (options.mode === SyncMode.REPLACE)
    results.push(
      ...(await service.withdrawAllExcept(organisation, exceptionsOf(records, results), { dryRun: options.dryRun, operation: 'syncProcessingActivities', subtree: options.replaceScope === ReplaceScope.SUBTREE })),
    );
  return { results, replayedChunks };
}

/** References the register holds for more than one unit: a chunk must not take one for a record moving units (record-plan.ts). */
function referencesOfSeveralUnits(records: SyncRecordData[]): Set<string> {
  const units = new Map<string, string>();
  const several = new Set<string>();
  for (const r of records) {
    if (typeof r.reference !== 'string') continue;
    const unit = JSON.stringify(r.unit ?? null);
    const seen = units.get(r.reference);
    if (seen === undefined) units.set(r.reference, unit);
    else if (seen !== unit) several.add(r.reference);
  }
  return several;
}
