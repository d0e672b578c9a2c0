import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type Actor, AuditService } from '../audit/audit.service';
import type { Organisation } from '../organisation/organisation.entity';
import type { ProcessingActivity } from '../processing-activity/processing-activity.entity';
import { ErrorCode, type FieldError, fieldError } from '../sync/field-error';

export interface AdoptionResult {
  /** Whether the participant's register changed (adopted now, or left now). */
  changed: boolean;
  /** Whether the participant lists the record after the call. */
  adopted: boolean;
  /** When the participant adopted it (null when it does not list it). */
  adoptedAt: Date | null;
  errors: FieldError[];
}

/**
 * Adopting and leaving a shared record: an organisation (the participant) lists another
 * organisation's record in its own register, or stops listing it. The owner alone writes the
 * record; a participant's adoption touches nothing of it. Each call writes its audit entry in the
 * same transaction, and the projector brings the public adoptions up to date at commit (a
 * deferred trigger on processing_activity_participant, public-scope.ts). Which records a caller
 * may name is decided by the caller of this service (the sync surface's scope, sharing-scope.ts).
 */
export class SharingService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  async adopt(activity: ProcessingActivity, participant: Organisation): Promise<AdoptionResult> {
    return this.audited('adoptProcessingActivity', activity, participant, async (db) => {
      if (participant.id === activity.organisation.id) {
        return {
          changed: false,
          adopted: false,
          adoptedAt: null,
          errors: [fieldError(['participant'], ErrorCode.OWN_RECORD, 'The participant owns this record: an organisation lists its own records already, it cannot adopt them.')],
        };
      }
      const { rows } = await db.raw<{ rows: { adopted_at: Date }[] }>(
        `insert into processing_activity_participant (activity_id, organisation_id) values (?, ?) on conflict do nothing returning adopted_at`,
        [activity.id, participant.id],
      );
      if (rows.length) return { changed: true, adopted: true, adoptedAt: new Date(rows[0].adopted_at), errors: [] };
      const existing = await adoptedAt(db, activity.id, participant.id);
      return { changed: false, adopted: true, adoptedAt: existing, errors: [] };
    });
  }

  async leave(activity: ProcessingActivity, participant: Organisation): Promise<AdoptionResult> {
    return this.audited('leaveProcessingActivity', activity, participant, async (db) => {
      const { rows } = await db.raw<{ rows: unknown[] }>(`delete from processing_activity_participant where activity_id = ? and organisation_id = ? returning 1`, [activity.id, participant.id]);
      return { changed: rows.length > 0, adopted: false, adoptedAt: null, errors: [] };
    });
  }

  private audited(operation: string, activity: ProcessingActivity, participant: Organisation, body: (db: Knex) => Promise<AdoptionResult>): Promise<AdoptionResult> {
    return this.em.fork().transactional(async (em) => {
      const db = em.getTransactionContext<Knex.Transaction>()!;
      const result = await body(db);
      await new AuditService(em).record(this.actor, [
        {
          operation,
          outcome: result.errors.length ? 'FAILED' : result.changed ? 'CHANGED' : 'UNCHANGED',
          // The participant's register is what changes; the owner is named in the details.
          targetOrganisationId: participant.id,
          activityId: activity.id,
          reference: activity.reference,
          details: { owner: activity.organisation.id, ...(result.errors.length ? { errors: result.errors.map((e) => ({ code: e.code, path: e.path })) } : {}) },
        },
      ]);
      return result;
    });
  }
}

async function adoptedAt(db: Knex, activityId: string, organisationId: string): Promise<Date | null> {
  const row = await db.from('processing_activity_participant').where({ activity_id: activityId, organisation_id: organisationId }).first('adopted_at');
  return row ? new Date(row.adopted_at) : null;
}
