import { Migration } from '@mikro-orm/migrations';

/**
 * Record-wide retention and source (issue 12, section 4): a register that states one retention
 * period or one source for the whole record sends it once. The version keeps it (shown publicly
 * on the record), and every data item without its own carries a copy flagged as the record's,
 * so every reader of items sees the retention that applies and an export gives back what was sent.
 */
export class Migration20261202101200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "processing_activity_version" add column "retention_text" text null, add column "retention_rules" jsonb not null default '[]', add column "source_description" text null, add column "source_is_data_subject" boolean null;`);
    this.addSql(`alter table "data_item" add column "retention_from_record" boolean not null default false, add column "source_from_record" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "data_item" drop column "retention_from_record", drop column "source_from_record";`);
    this.addSql(`alter table "processing_activity_version" drop column "retention_text", drop column "retention_rules", drop column "source_description", drop column "source_is_data_subject";`);
  }
}
