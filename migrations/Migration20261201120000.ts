import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261201 as PUBLIC_SCOPE_SQL } from './sql/public-scope-20261201';

/**
 * The public read model (docs/performance.md, "The public read model"):
 * - public_processing_activity_version: every public version of every visible record, the current
 *   one flagged (is_current) and carrying the pre-rendered public document; the public surface
 *   reads nothing else to decide what is public.
 * - public_change: the change log a mirror follows (PUBLISHED, UPDATED, REMOVED tombstones).
 * - public_schedule: future publish-from moments, which the scheduler applies when they pass.
 * Written by the projector (public-scope.ts) at commit of every transaction that changes
 * publication state, through deferred constraint triggers; backfilled here from the versions.
 *
 * The statement-level NOTIFY triggers on the version and content tables go: the projector
 * notifies when the register changes. Organisations and vocabularies keep theirs (their names and
 * labels are public, and API processes cache them).
 */
const CONTENT_TABLES_NO_LONGER_NOTIFYING = [
  'processing_activity',
  'processing_activity_version',
  'purpose',
  'statutory_reference',
  'data_subject_group',
  'data_subject_group_special_category',
  'data_item',
  'recipient',
  'processing_party',
  'third_country_transfer',
  'related_processing',
];

const PUBLIC_VERSION_TABLE = `create table "public_processing_activity_version" (
  "version_id" uuid not null primary key,
  "activity_id" uuid not null,
  "is_current" boolean not null,
  "organisation_id" uuid not null,
  "reference" varchar(64) not null,
  "version_number" int not null,
  "published_at" timestamptz not null,
  "publish_from" timestamptz null,
  "title" text not null,
  "description" text null,
  "legal_role" "legal_role" not null,
  "joint_controllership_arrangement" text null,
  "automated_decision_making" boolean null,
  "automated_decision_statement" text null,
  "automated_decision_logic" text null,
  "automated_decision_consequences" text null,
  "third_country_transfers" boolean null,
  "third_country_transfers_statement" text null,
  "transfer_safeguard_statement" text null,
  "recipients_none" boolean null,
  "related_processings_statement" text null,
  "data_subject_rights" text null,
  "processing_location" text null,
  "legal_basis_codes" text[] not null,
  "special_category_codes" text[] not null,
  "transfer_country_codes" text[] not null,
  "search_vector" tsvector null,
  "document" jsonb null
);`;

export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_VERSION_TABLE);
    this.addSql(`create unique index "ppav_current_idx" on "public_processing_activity_version" ("activity_id") where is_current;`);
    this.addSql(`create index "ppav_history_idx" on "public_processing_activity_version" ("activity_id", "version_number");`);
    this.addSql(`create unique index "ppav_reference_idx" on "public_processing_activity_version" ("organisation_id", "reference") where is_current;`);
    this.addSql(`create index "ppav_title_idx" on "public_processing_activity_version" ("title", "activity_id") where is_current;`);
    this.addSql(`create index "ppav_reference_order_idx" on "public_processing_activity_version" ("reference", "activity_id") where is_current;`);
    this.addSql(`create index "ppav_search_vector_idx" on "public_processing_activity_version" using gin ("search_vector") where is_current;`);
    this.addSql(`create index "ppav_legal_basis_codes_idx" on "public_processing_activity_version" using gin ("legal_basis_codes") where is_current;`);
    this.addSql(`create index "ppav_special_category_codes_idx" on "public_processing_activity_version" using gin ("special_category_codes") where is_current;`);
    this.addSql(`create index "ppav_transfer_country_codes_idx" on "public_processing_activity_version" using gin ("transfer_country_codes") where is_current;`);

    this.addSql(`create table "public_change" (
      "position" bigserial primary key,
      "kind" varchar(16) not null check ("kind" in ('PUBLISHED', 'UPDATED', 'REMOVED')),
      "activity_id" uuid not null,
      "organisation_id" uuid not null,
      "reference" varchar(64) not null,
      "version_id" uuid null,
      "occurred_at" timestamptz not null
    );`);
    this.addSql(`create index "public_change_activity_idx" on "public_change" ("activity_id", "position");`);

    this.addSql(`create table "public_schedule" ("version_id" uuid not null primary key, "activity_id" uuid not null, "publish_from" timestamptz not null);`);
    this.addSql(`create index "public_schedule_publish_from_idx" on "public_schedule" ("publish_from");`);
    this.addSql(`create index "public_schedule_activity_idx" on "public_schedule" ("activity_id");`);

    this.addSql(PUBLIC_SCOPE_SQL);

    // At commit, for every written row that can change what is public.
    const track = 'deferrable initially deferred for each row';
    this.addSql(`create constraint trigger "public_register_version_inserted" after insert on "processing_activity_version" ${track} when (NEW.status = 'PUBLISHED') execute function public_register_track();`);
    this.addSql(`create constraint trigger "public_register_version_updated" after update on "processing_activity_version" ${track}
      when ((OLD.status = 'PUBLISHED' or NEW.status = 'PUBLISHED') and (OLD.status, OLD.publish_from, OLD.published_at) is distinct from (NEW.status, NEW.publish_from, NEW.published_at)) execute function public_register_track();`);
    this.addSql(`create constraint trigger "public_register_version_deleted" after delete on "processing_activity_version" ${track} when (OLD.status = 'PUBLISHED') execute function public_register_track();`);
    this.addSql(`create constraint trigger "public_register_activity_updated" after update on "processing_activity" ${track}
      when ((OLD.withheld, OLD.organisation_id, OLD.reference) is distinct from (NEW.withheld, NEW.organisation_id, NEW.reference)) execute function public_register_track();`);
    this.addSql(`create constraint trigger "public_register_activity_deleted" after delete on "processing_activity" ${track} execute function public_register_track();`);

    for (const table of CONTENT_TABLES_NO_LONGER_NOTIFYING) this.addSql(`drop trigger if exists "${table}_public_register_changed" on "${table}";`);

    // Backfill: the register as it is, without change-log events (a mirror starts from a bulk
    // download or from position 0, which then begins with what is published from here on).
    this.addSql(`insert into "public_processing_activity_version" select * from public_scope_versions(null, clock_timestamp());`);
    this.addSql(`insert into "public_schedule" (version_id, activity_id, publish_from)
      select id, activity_id, publish_from from processing_activity_version where status = 'PUBLISHED' and publish_from > clock_timestamp();`);
  }

  override async down(): Promise<void> {
    for (const table of CONTENT_TABLES_NO_LONGER_NOTIFYING) {
      this.addSql(`create trigger "${table}_public_register_changed" after insert or update or delete or truncate on "${table}" for each statement execute function notify_public_register_changed();`);
    }
    for (const [table, trigger] of [
      ['processing_activity_version', 'public_register_version_inserted'],
      ['processing_activity_version', 'public_register_version_updated'],
      ['processing_activity_version', 'public_register_version_deleted'],
      ['processing_activity', 'public_register_activity_updated'],
      ['processing_activity', 'public_register_activity_deleted'],
    ]) {
      this.addSql(`drop trigger if exists "${trigger}" on "${table}";`);
    }
    this.addSql(`drop function if exists public_register_track();`);
    this.addSql(`drop function if exists public_register_project(uuid[]);`);
    this.addSql(`drop function if exists public_scope_versions(uuid[], timestamptz);`);
    this.addSql(`drop function if exists public_document(uuid);`);
    this.addSql(`drop table if exists "public_schedule";`);
    this.addSql(`drop table if exists "public_change";`);
    this.addSql(`drop table if exists "public_processing_activity_version";`);
  }
}
