import { Migration } from '@mikro-orm/migrations';

/**
 * The register-wide read scope for supervisors and the register's own staff (REGISTER_READ), and
 * version_facts: per version, the content counts the statistics judge completeness by, filled
 * the first time statistics need them (record-facts.ts).
 */
export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "api_token_scope" add value if not exists 'REGISTER_READ';`);
    this.addSql(`create table "version_facts" ("version_id" uuid not null, "purposes" int not null, "purposes_without_basis" int not null, "groups" int not null, "groups_without_items" int not null, "items_without_retention" int not null, "items_unparsed_retention" int not null, "recipients" int not null, "transfers" int not null, "controller" boolean not null, "controller_contact" boolean not null, "processor" boolean not null, constraint "version_facts_pkey" primary key ("version_id"));`);
    this.addSql(`alter table "version_facts" add constraint "version_facts_version_id_foreign" foreign key ("version_id") references "processing_activity_version" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "version_facts" cascade;`);
    // PostgreSQL cannot drop an enum value: rebuild the type without it (tokens holding it are revoked first).
    this.addSql(`update "api_token" set "scopes" = array_remove("scopes", 'REGISTER_READ'), "revoked_at" = coalesce("revoked_at", now()) where 'REGISTER_READ' = any("scopes");`);
    this.addSql(`alter type "api_token_scope" rename to "api_token_scope_old";`);
    this.addSql(`create type "api_token_scope" as enum ('RECORDS_WRITE', 'INTERNAL_READ', 'OPERATOR');`);
    this.addSql(`alter table "api_token" alter column "scopes" type "api_token_scope"[] using "scopes"::text[]::"api_token_scope"[];`);
    this.addSql(`drop type "api_token_scope_old";`);
  }
}
