import type { Organisation } from '../organisation/organisation.entity';
import type { FieldError } from './field-error';
import type { SyncRecordData } from './record-validation';

export enum SyncMode {
  /** Create or update the records in the batch; leave the organisation's other records alone. */
  UPSERT = 'UPSERT',
  /** Like UPSERT, and withdraw the organisation's (with ReplaceScope.SUBTREE: its whole subtree's) records that are absent from the batch. */
  REPLACE = 'REPLACE',
}

/** What REPLACE reconciles: the batch's organisation only, or its whole subtree. */
export enum ReplaceScope {
  ORGANISATION = 'ORGANISATION',
  SUBTREE = 'SUBTREE',
}

export enum RecordOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  WITHDRAWN = 'WITHDRAWN',
  FAILED = 'FAILED',
}

/** The outcomes that wrote something. */
export const WRITING_OUTCOMES: ReadonlySet<RecordOutcome> = new Set([RecordOutcome.CREATED, RecordOutcome.UPDATED, RecordOutcome.WITHDRAWN]);

export interface BatchSyncRequest {
  organisation: Organisation;
  /** As received: vocabulary values may still be Dutch labels, required fields may be missing (each record is checked on its own). */
  records: SyncRecordData[];
  mode: SyncMode;
  dryRun: boolean;
  /** One transaction for the whole batch: any failure writes nothing at all. */
  allOrNothing: boolean;
  idempotencyKey?: string | null;
  /** REPLACE with no records withdraws the organisation's whole register: only with this set. */
  confirmWithdrawAll?: boolean;
  /** REPLACE over the organisation only (default) or its whole subtree. */
  replaceScope?: ReplaceScope;
  /**
   * The organisations records may name as their unit (`unit`): the caller's write scope. Default:
   * the batch organisation and its sub-organisations (the CLI, importers).
   */
  unitScope?: readonly string[] | null;
  /**
   * References that never move units in this batch: a register sent in several batches passes the
   * references it holds for more than one unit, as a batch only sees its own records (record-plan.ts).
   */
  pinnedReferences?: ReadonlySet<string>;
}

export interface RecordResult {
  /** Position in the batch; null for a record withdrawn by REPLACE. */
  index: number | null;
  reference: string;
  outcome: RecordOutcome;
  /** The resulting (or, in a dry run, the would-be) version number. */
  version: number | null;
  activityId: string | null;
  /** The organisation (unit) the record belongs to after the batch; null when it failed before that was known. */
  organisationId?: string | null;
  /** When the batch moved the record here from another unit: that unit. */
  movedFrom?: string | null;
  errors: FieldError[];
}

export interface BatchSyncResult {
  organisationId: string;
  mode: SyncMode;
  dryRun: boolean;
  allOrNothing: boolean;
  /** Whether anything was written: false for dry runs, refused and rolled-back batches, and batches whose every record failed or was unchanged. */
  committed: boolean;
  /** True when this is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
  results: RecordResult[];
  /** Operation-level failures (batch too large, idempotency key reused for another request, …). */
  errors: FieldError[];
}
