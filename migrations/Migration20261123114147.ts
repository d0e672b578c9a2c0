import { Migration } from '@mikro-orm/migrations';

/**
 * NOTIFY public_register_changed after every statement that writes a table the public surface
 * reads, from any writer (API processes, CLI, seeds, manual SQL). API processes LISTEN and drop
 * their response caches (src/server/response-cache.ts). Statement-level triggers: one
 * notification per statement, folded into one per transaction by PostgreSQL, sent at commit.
 * Triggers are not part of MikroORM's schema diff.
 */
const PUBLIC_TABLES = [
  'organisation',
  'processing_activity',
  'processing_activity_version',
  'purpose',
  'statutory_reference',
  'data_subject_group',
  'data_subject_group_special_category',
  'data_item',
  'retention_rule',
  'recipient',
  'processing_party',
  'third_country_transfer',
  'related_processing',
  'legal_basis',
  'special_category',
  'country',
  'transfer_safeguard',
];

export class Migration20261123114147 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function notify_public_register_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('public_register_changed', '');
  return null;
end $$;`);
    for (const table of PUBLIC_TABLES) {
      this.addSql(`create trigger "${table}_public_register_changed" after insert or update or delete or truncate on "${table}" for each statement execute function notify_public_register_changed();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of PUBLIC_TABLES) this.addSql(`drop trigger if exists "${table}_public_register_changed" on "${table}";`);
    this.addSql(`drop function if exists notify_public_register_changed();`);
  }

}
