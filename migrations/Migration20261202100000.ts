import { Migration } from '@mikro-orm/migrations';
import { Art30Field } from '../src/modules/statistics/record-facts';
import { activityRowsSql, STATISTICS_READ_MODEL_SQL } from '../src/modules/statistics/read-model.sql';

/**
 * The statistics' read model (docs/performance.md, "Statistics"), replacing version_facts (filled
 * lazily per version, so every statistics request still scanned every record's newest version):
 * - record_facts: one narrow row per record with its current facts, kept current at commit of
 *   every write by deferred constraint triggers; the statistics count it in one scan.
 * - audit_activity: the activity counts per audited statement, written by a statement-level
 *   trigger on the audit log; activity over time sums it instead of the log.
 * Functions and definitions: src/modules/statistics/read-model.sql.ts. Backfilled here.
 */
export class Migration20261202100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "version_facts";`);
    this.addSql(`create table "record_facts" (
      "activity_id" uuid not null primary key references "processing_activity" ("id") on delete cascade,
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
    for (const field of Object.values(Art30Field)) {
      const column = `missing_${field.toLowerCase()}`;
      this.addSql(`create index "record_facts_${column}_idx" on "record_facts" ("reference", "activity_id") where "${column}";`);
    }

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

    // At commit, for every written row that can change a record's facts. A new version also
    // updates its record (latest_version_number): the version's trigger covers both.
    const track = 'deferrable initially deferred for each row';
    this.addSql(`create constraint trigger "record_facts_version_written" after insert or update on "processing_activity_version" ${track} execute function record_facts_track();`);
    this.addSql(`create constraint trigger "record_facts_version_deleted" after delete on "processing_activity_version" ${track} execute function record_facts_track();`);
    this.addSql(`create constraint trigger "record_facts_activity_updated" after update on "processing_activity" ${track}
      when (OLD.latest_version_number = NEW.latest_version_number and (OLD.organisation_id, OLD.reference, OLD.withheld, OLD.updated_at) is distinct from (NEW.organisation_id, NEW.reference, NEW.withheld, NEW.updated_at))
      execute function record_facts_track();`);
    this.addSql(`create constraint trigger "record_facts_organisation_contact_updated" after update on "organisation" ${track}
      when ((OLD.email, OLD.phone) is distinct from (NEW.email, NEW.phone)) execute function record_facts_track();`);
    this.addSql(`create trigger "audit_activity_counted" after insert on "audit_log_entry" referencing new table as added for each statement execute function audit_activity_track();`);

    this.addSql(`insert into "record_facts" select * from record_facts_compute(array(select id from processing_activity));`);
    this.addSql(`insert into "audit_activity" ${activityRowsSql('audit_log_entry')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_activity_counted" on "audit_log_entry";`);
    this.addSql(`drop trigger if exists "record_facts_organisation_contact_updated" on "organisation";`);
    this.addSql(`drop trigger if exists "record_facts_activity_updated" on "processing_activity";`);
    this.addSql(`drop trigger if exists "record_facts_version_deleted" on "processing_activity_version";`);
    this.addSql(`drop trigger if exists "record_facts_version_written" on "processing_activity_version";`);
    this.addSql(`drop function if exists audit_activity_track();`);
    this.addSql(`drop function if exists audit_activity_kind(text, text);`);
    this.addSql(`drop function if exists record_facts_track();`);
    this.addSql(`drop function if exists record_facts_refresh(uuid[]);`);
    this.addSql(`drop function if exists record_facts_compute(uuid[]);`);
    this.addSql(`drop table if exists "audit_activity";`);
    this.addSql(`drop table if exists "record_facts";`);
    this.addSql(`create table "version_facts" ("version_id" uuid not null, "purposes" int not null, "purposes_without_basis" int not null, "groups" int not null, "groups_without_items" int not null, "items_without_retention" int not null, "items_unparsed_retention" int not null, "recipients" int not null, "transfers" int not null, "controller" boolean not null, "controller_contact" boolean not null, "processor" boolean not null, constraint "version_facts_pkey" primary key ("version_id"));`);
    this.addSql(`alter table "version_facts" add constraint "version_facts_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
  }
}
