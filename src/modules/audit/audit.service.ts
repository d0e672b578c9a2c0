import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditLogEntry } from './audit-log-entry.entity';

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

/** Appends to the audit log: in the caller's transaction, so an entry exists exactly when its write does (failed writes log in their own). */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async record(actor: Actor, events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    await this.em.insertMany(
      AuditLogEntry,
      events.map((e) => ({
        occurredAt: new Date(),
        tokenId: actor.tokenId,
        actor: actor.label,
        actorOrganisationId: actor.organisationId,
        operation: e.operation,
        outcome: e.outcome,
        targetOrganisationId: e.targetOrganisationId ?? null,
        activityId: e.activityId ?? null,
        reference: e.reference ?? null,
        versionNumber: e.versionNumber ?? null,
        idempotencyKey: e.idempotencyKey ?? null,
        details: e.details ?? null,
      })),
    );
  }
}
