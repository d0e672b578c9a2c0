import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "api_token_scope" as enum ('RECORDS_WRITE', 'INTERNAL_READ', 'OPERATOR');`);
    this.addSql(`create table "audit_log_entry" ("id" bigserial primary key, "occurred_at" timestamptz not null default now(), "token_id" uuid null, "actor" text not null, "actor_organisation_id" uuid null, "operation" text not null, "target_organisation_id" uuid null, "activity_id" uuid null, "reference" text null, "version_number" int null, "outcome" text not null, "idempotency_key" text null, "details" jsonb null);`);
    this.addSql(`create index "audit_log_entry_target_organisation_idx" on "audit_log_entry" ("target_organisation_id", "occurred_at");`);

    this.addSql(`create table "idempotency_record" ("organisation_id" uuid not null, "key" varchar(200) not null, "request_hash" char(64) not null, "response" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("organisation_id", "key"));`);

    this.addSql(`create table "api_token" ("id" uuid not null, "organisation_id" uuid not null, "name" text not null, "prefix" varchar(16) not null, "token_hash" char(64) not null, "scopes" "api_token_scope"[] not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`create index "api_token_organisation_id_index" on "api_token" ("organisation_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_prefix_unique" unique ("prefix");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "api_token" add constraint "api_token_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log_entry" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop type "api_token_scope";`);
  }

}
