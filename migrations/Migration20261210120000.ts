import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261212 as PUBLIC_SCOPE_SQL } from './sql/public-scope-20261212';
import { PUBLIC_SCOPE_SQL_20261201 } from './sql/public-scope-20261201';

/**
 * Shared processings and controllers' roles:
 * - processing_activity_participant: the organisations that adopted a record of another
 *   organisation (a joint arrangement's processing that each municipality lists in its own
 *   register); written by the sync surface's adopt and leave mutations, with audit entries.
 * - public_processing_activity_participant: the public adoptions (those of visible records), kept
 *   by the projector in the same transaction as the rest of the read model, through a deferred
 *   constraint trigger like those on the versions.
 * - processing_party.role_description: the role a controller holds, as written ("burgemeester",
 *   "college van burgemeester en wethouders", "gemeenteraad"); in the public document too, so the
 *   current documents are rendered again.
 */
export class Migration20261210120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "processing_party" add column "role_description" text null;`);

    this.addSql(`create table "processing_activity_participant" ("activity_id" uuid not null, "organisation_id" uuid not null, "adopted_at" timestamptz not null default now(), constraint "processing_activity_participant_pkey" primary key ("activity_id", "organisation_id"));`);
    this.addSql(`create index "processing_activity_participant_organisation_id_index" on "processing_activity_participant" ("organisation_id");`);
    this.addSql(`alter table "processing_activity_participant" add constraint "processing_activity_participant_activity_id_foreign" foreign key ("activity_id") references "processing_activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "processing_activity_participant" add constraint "processing_activity_participant_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "public_processing_activity_participant" ("activity_id" uuid not null, "organisation_id" uuid not null, primary key ("activity_id", "organisation_id"));`);
    // The organisation filter looks adoptions up by organisation.
    this.addSql(`create index "pppa_organisation_idx" on "public_processing_activity_participant" ("organisation_id", "activity_id");`);

    this.addSql(PUBLIC_SCOPE_SQL);
    this.addSql(`create constraint trigger "public_register_participant_changed" after insert or update or delete on "processing_activity_participant" deferrable initially deferred for each row execute function public_register_track();`);

    // The documents now carry each party's roleDescription (null for every existing party).
    this.addSql(`update "public_processing_activity_version" set "document" = public_document("version_id") where "is_current";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "public_register_participant_changed" on "processing_activity_participant";`);
    this.addSql(`drop function if exists public_scope_participants(uuid[]);`);
    // The projector of the previous rule first: it no longer refers to the tables dropped below.
    this.addSql(PUBLIC_SCOPE_SQL_20261201);
    this.addSql(`drop table if exists "public_processing_activity_participant";`);
    this.addSql(`drop table if exists "processing_activity_participant";`);
    this.addSql(`alter table "processing_party" drop column if exists "role_description";`);
    this.addSql(`update "public_processing_activity_version" set "document" = public_document("version_id") where "is_current";`);
  }
}
