import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261214 as PUBLIC_SCOPE_SQL } from './sql/public-scope-20261214';
import { PUBLIC_SCOPE_SQL_20261213 } from './sql/public-scope-20261213';

/**
 * The projector compares the rule's decisions (which versions are public, which is current, under
 * which organisation and reference, published when and from when) with the read model's, and
 * renders and writes only the rows whose decision changed (public-scope.ts). It compared and
 * rewrote every public version of each record it projected, so a record published on every sync
 * made each projection of it slower. `public_register_project(ids, thorough)`: the rebuild passes
 * thorough, which also compares every row whole. The rule reads the deciding columns of a
 * record's versions before their content, and the schedule of future publish-from moments has an
 * index of its own (`pav_scheduled_idx`). A transaction notes each record it changes once, not
 * once per row (one record's 1,200 versions written in one transaction were projected 1,200 times,
 * one by one, once the notes overflowed). Rows stay as they are.
 */
export class Migration20261214100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_SCOPE_SQL);
    this.addSql(`create index "pav_scheduled_idx" on "processing_activity_version" ("activity_id") where status = 'PUBLISHED' and publish_from is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists public_register_project(uuid[], boolean);`);
    this.addSql(`drop function if exists public_scope_versions(uuid[], timestamptz, uuid[], jsonb[], tsvector[], uuid[]);`);
    this.addSql(PUBLIC_SCOPE_SQL_20261213);
    this.addSql(`drop type if exists public_version_decision;`);
    this.addSql(`drop index if exists "pav_scheduled_idx";`);
  }
}
