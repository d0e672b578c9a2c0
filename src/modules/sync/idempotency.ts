import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BatchSyncRequest, BatchSyncResult } from './batch-sync.types';
import { ReplaceScope, SyncMode } from './batch-sync.types';
import { ErrorCode, fieldError } from './field-error';
import { IdempotencyRecord } from './idempotency-record.entity';
import type { SyncRecordData } from './record-validation';

const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/**
 * The idempotency keys of one owner (the caller's organisation; the CLI has none of its own). A key
 * is claimed in the batch's transaction and answered with the batch's result when it commits, so a
 * retry either sees the stored answer or, while the first request still runs, waits for its row.
 */
export class IdempotencyStore {
  private readonly owner: string;

  constructor(ownerOrganisationId: string | null) {
    this.owner = ownerOrganisationId ?? NO_ORGANISATION;
  }

  /** Claims the key (null), or answers the stored result (a replay) or a refusal (the key was used for another request). */
  async claim(tx: EntityManager, key: string, requestHash: string): Promise<BatchSyncResult | null> {
    const inserted = await tx.execute(`insert into idempotency_record (organisation_id, key, request_hash) values (?, ?, ?) on conflict do nothing returning key`, [this.owner, key, requestHash]);
    if (inserted.length) return null;
    const existing = await tx.findOneOrFail(IdempotencyRecord, { organisationId: this.owner, key }, { refresh: true });
    if (existing.requestHash !== requestHash || !existing.response) return reused(key, existing.response as BatchSyncResult | null);
    return { ...(existing.response as BatchSyncResult), replayed: true };
  }

  /** Stores the answer of a claimed key (same transaction as the writes). */
  async answer(tx: EntityManager, key: string, result: BatchSyncResult): Promise<void> {
    await tx.nativeUpdate(IdempotencyRecord, { organisationId: this.owner, key }, { response: result });
  }

  /** Records the answer of a batch that wrote nothing (all-or-nothing rolled back), so a retry gets the same answer. */
  async remember(tx: EntityManager, key: string, requestHash: string, result: BatchSyncResult): Promise<void> {
    await tx.execute(`insert into idempotency_record (organisation_id, key, request_hash, response) values (?, ?, ?, ?) on conflict do nothing`, [this.owner, key, requestHash, JSON.stringify(result)]);
  }
}

function reused(key: string, stored: BatchSyncResult | null): BatchSyncResult {
  return {
    ...(stored ?? { organisationId: '', mode: SyncMode.UPSERT, dryRun: false, allOrNothing: false }),
    committed: false,
    replayed: false,
    results: [],
    errors: [fieldError(['idempotencyKey'], ErrorCode.IDEMPOTENCY_KEY_REUSED, `Idempotency key "${key}" was already used for a different request; use a new key for a new request.`)],
  };
}

/** A canonical hash of what the request asks (organisation, mode, records): the same request hashes the same. */
export function hashRequest(request: BatchSyncRequest, records: SyncRecordData[]): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    return value ?? null;
  };
  // A subtree REPLACE asks something else than an organisation's; the default adds nothing, so keys stored before it still match.
  const scope = request.mode === SyncMode.REPLACE && request.replaceScope === ReplaceScope.SUBTREE ? { replaceScope: ReplaceScope.SUBTREE } : {};
  const body = { organisation: request.organisation.id, mode: request.mode, allOrNothing: request.allOrNothing, ...scope, records };
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}
