import type { Organisation } from '../organisation/organisation.entity';
import type { FieldError } from './field-error';
import type { SyncRecordData } from './record-validation';

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
  /** Whether anything was written: false for dry runs, refused and rolled-back batches, and batches whose every record failed or was unchanged. */
  committed: boolean;
  /** True when this is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
  results: RecordResult[];
  /** Operation-level failures (batch too large, idempotency key reused for another request, …). */
  errors: FieldError[];
}
