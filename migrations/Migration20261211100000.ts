import { Migration } from '@mikro-orm/migrations';
import {
  ACTIVITY_ROWS_FROM_AUDIT_LOG_20261211 as ACTIVITY_ROWS_FROM_AUDIT_LOG,
  MISSING_COLUMNS_20261211 as MISSING_COLUMNS,
  STATISTICS_READ_MODEL_SQL_20261211 as STATISTICS_READ_MODEL_SQL,
  TALLY_COLUMNS_20261211 as TALLY_COLUMNS,
  TALLY_ROWS_FROM_RECORD_FACTS_20261211 as TALLY_ROWS_FROM_RECORD_FACTS,
} from './sql/statistics-read-model-20261211';

/**
 * The statistics' read model (docs/performance.md, "Statistics"), replacing version_facts (filled
 * lazily per version, so every statistics request still scanned every record's newest version):
 * - record_facts: one narrow row per record with its current facts, kept current in the
 *   transaction of every write (statement-level triggers queue the records a statement touched
 *   in record_facts_pending; at commit a deferred constraint trigger refreshes them in one go);
 *   the internal listing filters it.
 * - organisation_tally: per organisation, the counts of its records' facts, as rows to be added
 *   up (each refresh appends what it changed); the statistics add up a few rows per organisation.
 * - audit_activity: the activity counts per audited statement, written by a statement-level
 *   trigger on the audit log; activity over time sums it instead of the log.
 * Functions and definitions: src/modules/statistics/read-model.sql.ts, installed here as they were
 * when this migration was written (migrations/sql/statistics-read-model-20261211.ts). Backfilled here.
 */
export class Migration20261211100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "version_facts";`);
    this.addSql(`create table "record_facts" (
      "activity_id" uuid not null primary key,
      "organisation_id" uuid not null,
      "reference" varchar(64) not null,
      "version_id" uuid not null,
      "withheld" boolean not null,
      "status" "version_status" not null,
      "publish_from" timestamptz null,
      "legal_role" "legal_role" not null,
      "last_changed_at" timestamptz not null,
      "missing_purpose" boolean not null,
      "missing_legal_basis" boolean not null,
      "missing_data_subject_group" boolean not null,
      "missing_data_items" boolean not null,
      "missing_retention_period" boolean not null,
      "missing_unparsed_retention" boolean not null,
      "missing_recipients" boolean not null,
      "missing_transfer_statement" boolean not null,
      "missing_controller_contact" boolean not null,
      "special_categories" boolean not null,
      "transfers_outside_eu" boolean not null,
      "automated_decision_making" boolean not null,
      "processors_used" boolean not null
    );`);
    // The internal listing: an organisation's records in reference order (the keyset of the listing),
    // and, register-wide, the records behind each completeness number (one partial index per field).
    this.addSql(`create index "record_facts_organisation_reference_idx" on "record_facts" ("organisation_id", "reference", "activity_id");`);
    for (const column of MISSING_COLUMNS) {
      this.addSql(`create index "record_facts_${column}_idx" on "record_facts" ("reference", "activity_id") where "${column}";`);
    }

    // Statistics asked when: an organisation's last change and its records not changed since a
    // moment (review due), and its records published from a moment still to come (SCHEDULED).
    this.addSql(`create index "record_facts_organisation_changed_idx" on "record_facts" ("organisation_id", "last_changed_at");`);
    this.addSql(`create index "record_facts_organisation_publish_from_idx" on "record_facts" ("organisation_id", "publish_from") where "status" = 'PUBLISHED' and not "withheld";`);

    this.addSql(`create table "organisation_tally" ("organisation_id" uuid not null, ${TALLY_COLUMNS.map((c) => `"${c}" int not null`).join(', ')});`);
    this.addSql(`create index "organisation_tally_organisation_idx" on "organisation_tally" ("organisation_id");`);

    this.addSql(`create table "audit_activity" (
      "organisation_id" uuid null,
      "occurred_at" timestamptz not null,
      "versions_written" int not null,
      "published" int not null,
      "withdrawn" int not null
    );`);
    this.addSql(`create index "audit_activity_occurred_at_idx" on "audit_activity" ("occurred_at");`);
    this.addSql(`create index "audit_activity_organisation_idx" on "audit_activity" ("organisation_id", "occurred_at");`);

    this.addSql(STATISTICS_READ_MODEL_SQL);

    // Every statement that can change a record's facts queues the record; at commit, one refresh for all of them.
    this.addSql(`create unlogged table "record_facts_pending" ("transaction_id" xid8 not null default pg_current_xact_id(), "activity_id" uuid not null);`);
    this.addSql(`create index "record_facts_pending_transaction_idx" on "record_facts_pending" ("transaction_id");`);
    for (const [table, event, transition] of [
      ['processing_activity_version', 'insert', 'new table as new_rows'],
      ['processing_activity_version', 'update', 'new table as new_rows'],
      ['processing_activity_version', 'delete', 'old table as old_rows'],
      ['processing_activity', 'update', 'old table as old_rows new table as new_rows'],
      ['processing_activity', 'delete', 'old table as old_rows'],
      ['organisation', 'update', 'old table as old_rows new table as new_rows'],
    ]) {
      this.addSql(`create trigger "record_facts_${table}_${event}" after ${event} on "${table}" referencing ${transition} for each statement execute function record_facts_enqueue();`);
    }
    this.addSql(`create constraint trigger "record_facts_pending_drained" after insert on "record_facts_pending" deferrable initially deferred for each row execute function record_facts_drain();`);
    this.addSql(`create trigger "audit_activity_counted" after insert on "audit_log_entry" referencing new table as added for each statement execute function audit_activity_track();`);

    this.addSql(`insert into "record_facts" select * from record_facts_compute(array(select id from processing_activity));`);
    this.addSql(`insert into "organisation_tally" ${TALLY_ROWS_FROM_RECORD_FACTS};`);
    this.addSql(`insert into "audit_activity" ${ACTIVITY_ROWS_FROM_AUDIT_LOG};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_activity_counted" on "audit_log_entry";`);
    for (const [table, event] of [
      ['processing_activity_version', 'insert'],
      ['processing_activity_version', 'update'],
      ['processing_activity_version', 'delete'],
      ['processing_activity', 'update'],
      ['processing_activity', 'delete'],
      ['organisation', 'update'],
    ]) {
      this.addSql(`drop trigger if exists "record_facts_${table}_${event}" on "${table}";`);
    }
    this.addSql(`drop table if exists "record_facts_pending";`);
    this.addSql(`drop function if exists audit_activity_track();`);
    this.addSql(`drop function if exists audit_activity_kind(text, text);`);
    this.addSql(`drop function if exists record_facts_drain();`);
    this.addSql(`drop function if exists record_facts_enqueue();`);
    this.addSql(`drop function if exists record_facts_refresh(uuid[]);`);
    this.addSql(`drop function if exists record_facts_compute(uuid[]);`);
    this.addSql(`drop table if exists "audit_activity";`);
    this.addSql(`drop table if exists "organisation_tally";`);
    this.addSql(`drop table if exists "record_facts";`);
    this.addSql(`create table "version_facts" ("version_id" uuid not null, "purposes" int not null, "purposes_without_basis" int not null, "groups" int not null, "groups_without_items" int not null, "items_without_retention" int not null, "items_unparsed_retention" int not null, "recipients" int not null, "transfers" int not null, "controller" boolean not null, "controller_contact" boolean not null, "processor" boolean not null, constraint "version_facts_pkey" primary key ("version_id"));`);
    this.addSql(`alter table "version_facts" add constraint "version_facts_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
  }
}
