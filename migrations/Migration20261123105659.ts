import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105659 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "organisation_kind" as enum ('MINISTRY', 'AGENCY', 'DIRECTORATE', 'MUNICIPALITY', 'JOINT_ARRANGEMENT', 'PROVINCE', 'WATER_BOARD', 'OTHER');`);
    this.addSql(`create type "withheld_reason" as enum ('NATIONAL_SECURITY', 'WPG_RECORD', 'PROCESSOR_RECORD', 'OTHER');`);
    this.addSql(`create type "version_status" as enum ('DRAFT', 'UNDER_REVIEW', 'PUBLISHED', 'WITHDRAWN');`);
    this.addSql(`create type "legal_role" as enum ('CONTROLLER', 'PROCESSOR', 'WPG_CONTROLLER');`);
    this.addSql(`create type "party_role" as enum ('CONTROLLER', 'PROCESSOR');`);
    this.addSql(`create type "retention_kind" as enum ('DURATION', 'UNTIL_EVENT', 'PERMANENT');`);
    this.addSql(`create type "retention_valuation" as enum ('DESTROY', 'KEEP');`);
    this.addSql(`create table "country" ("code" char(2) not null, "name_nl" text not null, "name_en" text not null, "retired_at" timestamptz null, constraint "country_pkey" primary key ("code"));`);

    this.addSql(`create table "legal_basis" ("code" varchar(64) not null, "label_nl" text not null, "label_en" text not null, "gdpr_article" varchar(64) null, "dpv_iri" text null, "retired_at" timestamptz null, constraint "legal_basis_pkey" primary key ("code"));`);

    this.addSql(`create table "organisation" ("id" uuid not null, "name" text not null, "abbreviation" varchar(32) null, "kind" "organisation_kind" not null, "parent_id" uuid null, "tooi_uri" text null, "oin" char(20) null, "website" text null, "email" text null, "phone" varchar(32) null, "visiting_line" text null, "visiting_postal_code" varchar(16) null, "visiting_city" text null, "visiting_country_code" char(2) null, "postal_line" text null, "postal_postal_code" varchar(16) null, "postal_city" text null, "postal_country_code" char(2) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "organisation_pkey" primary key ("id"), constraint organisation_oin_format check (oin ~ '^[0-9]{20}\$'));`);
    this.addSql(`create index "organisation_parent_id_index" on "organisation" ("parent_id");`);
    this.addSql(`alter table "organisation" add constraint "organisation_tooi_uri_unique" unique ("tooi_uri");`);
    this.addSql(`alter table "organisation" add constraint "organisation_oin_unique" unique ("oin");`);

    this.addSql(`create table "processing_activity" ("id" uuid not null, "organisation_id" uuid not null, "reference" varchar(64) not null, "withheld" boolean not null default false, "withheld_reason" "withheld_reason" null, "latest_version_number" int not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "processing_activity_pkey" primary key ("id"));`);
    this.addSql(`create index "processing_activity_organisation_id_index" on "processing_activity" ("organisation_id");`);
    this.addSql(`alter table "processing_activity" add constraint "processing_activity_organisation_reference_unique" unique ("organisation_id", "reference");`);

    this.addSql(`create table "processing_activity_version" ("id" uuid not null, "activity_id" uuid not null, "version_number" int not null, "status" "version_status" not null, "publish_from" timestamptz null, "published_at" timestamptz null, "withdrawn_at" timestamptz null, "created_at" timestamptz not null default now(), "content_hash" char(64) not null, "title" text not null, "description" text null, "legal_role" "legal_role" not null, "joint_controllership_arrangement" text null, "automated_decision_making" boolean null, "automated_decision_statement" text null, "automated_decision_logic" text null, "automated_decision_consequences" text null, "third_country_transfers" boolean null, "third_country_transfers_statement" text null, "transfer_safeguard_statement" text null, "recipients_none" boolean null, "related_processings_statement" text null, "data_subject_rights" text null, "processing_location" text null, "legal_basis_codes" text[] not null default '{}', "special_category_codes" text[] not null default '{}', "transfer_country_codes" text[] not null default '{}', "search_text" text not null default '', "search_vector" tsvector generated always as ((setweight(to_tsvector('dutch'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('dutch'::regconfig, COALESCE(description, ''::text)), 'B'::"char")) || setweight(to_tsvector('dutch'::regconfig, COALESCE(search_text, ''::text)), 'C'::"char")) stored null, constraint "processing_activity_version_pkey" primary key ("id"));`);
    this.addSql(`create index "pav_transfer_country_codes_idx" on "processing_activity_version" using gin ("transfer_country_codes");`);
    this.addSql(`create index "pav_special_category_codes_idx" on "processing_activity_version" using gin ("special_category_codes");`);
    this.addSql(`create index "pav_legal_basis_codes_idx" on "processing_activity_version" using gin ("legal_basis_codes");`);
    this.addSql(`create index "pav_search_vector_idx" on "processing_activity_version" using gin ("search_vector");`);
    this.addSql(`create index "processing_activity_version_public_idx" on "processing_activity_version" ("activity_id", "status", "version_number");`);
    this.addSql(`alter table "processing_activity_version" add constraint "processing_activity_version_number_unique" unique ("activity_id", "version_number");`);

    this.addSql(`create table "dpia_screening" ("id" uuid not null, "version_id" uuid not null, "dpia_performed" boolean null, "automated_profiling" boolean null, "large_scale" boolean null, "conclusion" text null, "answers" jsonb not null default '{}', constraint "dpia_screening_pkey" primary key ("id"));`);
    this.addSql(`alter table "dpia_screening" add constraint "dpia_screening_version_id_unique" unique ("version_id");`);

    this.addSql(`create table "data_subject_group" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "description" text not null, "no_special_categories" boolean null, constraint "data_subject_group_pkey" primary key ("id"));`);

    this.addSql(`create table "data_item" ("id" uuid not null, "group_id" uuid not null, "position" smallint not null, "description" text not null, "collection_purpose" text null, "retention_text" text null, "source_is_data_subject" boolean null, "source_description" text null, "provision_obligatory" boolean null, "provision_statement" text null, "consequences_of_not_providing" text null, constraint "data_item_pkey" primary key ("id"));`);

    this.addSql(`create table "contact_person" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "name" text not null, "role" text null, "email" text null, "phone" varchar(32) null, constraint "contact_person_pkey" primary key ("id"));`);

    this.addSql(`create table "attachment" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "name" text not null, "date" varchar(32) null, "version_label" varchar(32) null, "description" text null, constraint "attachment_pkey" primary key ("id"));`);

    this.addSql(`create table "processing_party" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "role" "party_role" not null, "name" text not null, "kind" text null, "organisation_id" uuid null, "email" text null, "phone" varchar(32) null, "visiting_line" text null, "visiting_postal_code" varchar(16) null, "visiting_city" text null, "visiting_country_code" char(2) null, "postal_line" text null, "postal_postal_code" varchar(16) null, "postal_city" text null, "postal_country_code" char(2) null, constraint "processing_party_pkey" primary key ("id"));`);

    this.addSql(`create table "processing_system" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "name" text not null, "description" text null, constraint "processing_system_pkey" primary key ("id"));`);

    this.addSql(`create table "purpose" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "description" text not null, "legal_basis_code" varchar(64) null, "legal_basis_explanation" text null, constraint "purpose_pkey" primary key ("id"));`);

    this.addSql(`create table "recipient" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "description" text not null, "explanation" text null, constraint "recipient_pkey" primary key ("id"));`);

    this.addSql(`create table "related_processing" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "reference" varchar(64) not null, "organisation_tooi" text null, "related_activity_id" uuid null, "description" text null, constraint "related_processing_pkey" primary key ("id"));`);

    this.addSql(`create table "remark" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "text" text not null, constraint "remark_pkey" primary key ("id"));`);

    this.addSql(`create table "retention_rule" ("id" uuid not null, "data_item_id" uuid not null, "position" smallint not null, "kind" "retention_kind" not null, "duration" varchar(32) null, "event_trigger" text null, "valuation" "retention_valuation" null, "selection_list" text null, "process_number" varchar(32) null, "process_title" text null, "applies_to" text null, "source_fragment" text not null, constraint "retention_rule_pkey" primary key ("id"));`);

    this.addSql(`create table "security_measures" ("id" uuid not null, "version_id" uuid not null, "has_measures" boolean null, "measures" text[] not null default '{}', "encryption" text null, "pseudonymisation" text null, "electronic_channels" text[] not null default '{}', "access" text[] not null default '{}', "explanation" text null, constraint "security_measures_pkey" primary key ("id"));`);
    this.addSql(`alter table "security_measures" add constraint "security_measures_version_id_unique" unique ("version_id");`);

    this.addSql(`create table "special_category" ("code" varchar(64) not null, "label_nl" text not null, "label_en" text not null, "gdpr_article" varchar(64) null, "dpv_iri" text null, "retired_at" timestamptz null, constraint "special_category_pkey" primary key ("code"));`);

    this.addSql(`create table "data_subject_group_special_category" ("data_subject_group_id" uuid not null, "special_category_code" varchar(64) not null, constraint "data_subject_group_special_category_pkey" primary key ("data_subject_group_id", "special_category_code"));`);

    this.addSql(`create table "statutory_reference" ("id" uuid not null, "purpose_id" uuid not null, "position" smallint not null, "title" text not null, "url" text null, constraint "statutory_reference_pkey" primary key ("id"));`);

    this.addSql(`create table "transfer_safeguard" ("code" varchar(64) not null, "label_nl" text not null, "label_en" text not null, "gdpr_article" varchar(64) null, "dpv_iri" text null, "retired_at" timestamptz null, constraint "transfer_safeguard_pkey" primary key ("code"));`);

    this.addSql(`create table "third_country_transfer" ("id" uuid not null, "version_id" uuid not null, "position" smallint not null, "country_code" char(2) null, "international_organisation" text null, "recipient_name" text not null, "safeguard_code" varchar(64) null, "explanation" text null, constraint "third_country_transfer_pkey" primary key ("id"));`);

    this.addSql(`alter table "organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "processing_activity" add constraint "processing_activity_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "processing_activity_version" add constraint "processing_activity_version_activity_id_foreign" foreign key ("activity_id") references "processing_activity" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "dpia_screening" add constraint "dpia_screening_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "data_subject_group" add constraint "data_subject_group_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "data_item" add constraint "data_item_group_id_foreign" foreign key ("group_id") references "data_subject_group" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "contact_person" add constraint "contact_person_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "attachment" add constraint "attachment_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "processing_party" add constraint "processing_party_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "processing_party" add constraint "processing_party_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "processing_system" add constraint "processing_system_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "purpose" add constraint "purpose_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "purpose" add constraint "purpose_legal_basis_code_foreign" foreign key ("legal_basis_code") references "legal_basis" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "recipient" add constraint "recipient_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "related_processing" add constraint "related_processing_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "related_processing" add constraint "related_processing_related_activity_id_foreign" foreign key ("related_activity_id") references "processing_activity" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "remark" add constraint "remark_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "retention_rule" add constraint "retention_rule_data_item_id_foreign" foreign key ("data_item_id") references "data_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "security_measures" add constraint "security_measures_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "data_subject_group_special_category" add constraint "data_subject_group_special_category_data_subject_703d1_foreign" foreign key ("data_subject_group_id") references "data_subject_group" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "data_subject_group_special_category" add constraint "data_subject_group_special_category_special_cate_10811_foreign" foreign key ("special_category_code") references "special_category" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "statutory_reference" add constraint "statutory_reference_purpose_id_foreign" foreign key ("purpose_id") references "purpose" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "third_country_transfer" add constraint "third_country_transfer_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "third_country_transfer" add constraint "third_country_transfer_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "third_country_transfer" add constraint "third_country_transfer_safeguard_code_foreign" foreign key ("safeguard_code") references "transfer_safeguard" ("code") on update cascade on delete restrict;`);
  }

}
