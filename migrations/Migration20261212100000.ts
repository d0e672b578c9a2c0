import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261212 as PUBLIC_SCOPE_SQL } from './sql/public-scope-20261212';

/**
 * Projection once per transaction instead of once per written row (public-scope.ts,
 * public_register_note and public_register_track): immediate row triggers note the records a
 * transaction changes, with the same conditions as the deferred triggers, and the first deferred
 * trigger at commit projects all of them in one call of the projector. A sync batch that publishes
 * 100 records made 100 calls of the projector of one record each.
 */
const NOTE_TRIGGERS: [table: string, name: string, event: string, when: string | null][] = [
  ['processing_activity_version', 'public_register_note_version_inserted', 'insert', `NEW.status = 'PUBLISHED'`],
  [
    'processing_activity_version',
    'public_register_note_version_updated',
    'update',
    `(OLD.status = 'PUBLISHED' or NEW.status = 'PUBLISHED') and (OLD.status, OLD.publish_from, OLD.published_at) is distinct from (NEW.status, NEW.publish_from, NEW.published_at)`,
  ],
  ['processing_activity_version', 'public_register_note_version_deleted', 'delete', `OLD.status = 'PUBLISHED'`],
  ['processing_activity', 'public_register_note_activity_updated', 'update', `(OLD.withheld, OLD.organisation_id, OLD.reference) is distinct from (NEW.withheld, NEW.organisation_id, NEW.reference)`],
  ['processing_activity', 'public_register_note_activity_deleted', 'delete', null],
  // Adoptions (shared processings) change the read model too; without a note, a transaction that
  // also noted other records would leave them to a deferred call that finds the notes taken.
  ['processing_activity_participant', 'public_register_note_participant_changed', 'insert or update or delete', null],
];

export class Migration20261212100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_SCOPE_SQL);
    for (const [table, name, event, when] of NOTE_TRIGGERS) {
      this.addSql(`create trigger "${name}" after ${event} on "${table}" for each row ${when ? `when (${when}) ` : ''}execute function public_register_note();`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, name] of NOTE_TRIGGERS) this.addSql(`drop trigger if exists "${name}" on "${table}";`);
    this.addSql(`drop function if exists public_register_note();`);
  }
}
