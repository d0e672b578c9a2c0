import type { EntityManager, Knex } from '@mikro-orm/postgresql';

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
    // One statement with one JSON parameter, however many entries (a sync batch logs one per record).
    const db = this.em.getTransactionContext<Knex.Transaction>() ?? this.em.getKnex();
    await db.raw(
      `insert into audit_log_entry (${AUDIT_COLUMNS}) select ${AUDIT_COLUMNS} from json_populate_recordset(null::audit_log_entry, ?::json)`,
      [JSON.stringify(rows)],
    );
  }
}

const AUDIT_COLUMNS = 'occurred_at, token_id, actor, actor_organisation_id, operation, outcome, target_organisation_id, activity_id, reference, version_number, idempotency_key, details';
