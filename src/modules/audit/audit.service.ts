import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { insertRowsSql, rowsJson } from '../../database/json-rows';

/** Who acts: a token (id, public prefix, its organisation) or the command line. */
export interface Actor {
  tokenId: string | null;
  /** The token's public prefix, or "cli". */
  label: string;
  organisationId: string | null;
}

export const CLI_ACTOR: Actor = { tokenId: null, label: 'cli', organisationId: null };

export interface AuditEvent {
  operation: string;
  outcome: string;
  targetOrganisationId?: string | null;
  activityId?: string | null;
  reference?: string | null;
  versionNumber?: number | null;
  idempotencyKey?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends to the audit log (table of AuditLogEntry): in the caller's transaction, so an entry exists exactly when its write does (failed writes log in their own). */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async record(actor: Actor, events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    const { table, rows } = auditEntries(actor, events);
    // One statement with one JSON parameter, however many entries (a sync batch logs one per record).
    const db = this.em.getTransactionContext<Knex.Transaction>() ?? this.em.getKnex();
    await db.raw(insertRowsSql(table, rows), [rowsJson(rows)]);
  }
}

/** The audit log's rows for these events, all at one moment (for a statement that inserts them along with what they record, see writeVersions). */
export function auditEntries(actor: Actor, events: AuditEvent[]): { table: 'audit_log_entry'; rows: Record<string, unknown>[] } {
  const occurredAt = new Date();
  const rows = events.map((e) => ({
    occurred_at: occurredAt,
    token_id: actor.tokenId,
    actor: actor.label,
    actor_organisation_id: actor.organisationId,
    operation: e.operation,
    outcome: e.outcome,
    target_organisation_id: e.targetOrganisationId ?? null,
    activity_id: e.activityId ?? null,
    reference: e.reference ?? null,
    version_number: e.versionNumber ?? null,
    idempotency_key: e.idempotencyKey ?? null,
    details: e.details ?? null,
  }));
  return { table: 'audit_log_entry', rows };
}
