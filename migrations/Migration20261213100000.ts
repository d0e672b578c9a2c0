import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261212 } from './sql/public-scope-20261212';
import { PUBLIC_SCOPE_SQL_20261213 } from './sql/public-scope-20261213';

/**
 * Lighter projection and lighter pages (public-scope.ts; figures in docs/performance.md):
 * - The rule computes the search vector of a record's current version only. It computed one for
 *   every public version in the record's history, on every projection of the record, although
 *   search reads current versions only: a record published on every sync made each sync slower.
 * - The pre-rendered document leaves out fields without a value instead of storing them as null.
 * - The projector renders documents and search vectors before it takes the change log's order
 *   lock, and decides under the lock reusing them (concurrent publishing writers rendered one
 *   after the other).
 * Existing rows are brought to what the rule now computes.
 */
export class Migration20261213100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_SCOPE_SQL_20261213);
    // Neither update changes what search reads (current rows' vectors): its trigger would rewrite every posting for nothing.
    this.addSql(`alter table "public_processing_activity_version" disable trigger "public_search_updated";`);
    this.addSql(`update "public_processing_activity_version" set "search_vector" = null where not "is_current" and "search_vector" is not null;`);
    this.addSql(`update "public_processing_activity_version" set "document" = jsonb_strip_nulls("document") where "document" is not null;`);
    this.addSql(`alter table "public_processing_activity_version" enable trigger "public_search_updated";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists public_scope_versions(uuid[], timestamptz, uuid[], jsonb[], tsvector[]);`);
    this.addSql(PUBLIC_SCOPE_SQL_20261212);
    this.addSql(`alter table "public_processing_activity_version" disable trigger "public_search_updated";`);
    this.addSql(`update "public_processing_activity_version" p set "search_vector" = public_search_vector(p.version_id, v.search_vector) from "processing_activity_version" v where v.id = p.version_id and not p.is_current;`);
    this.addSql(`update "public_processing_activity_version" set "document" = public_document("version_id") where "is_current";`);
    this.addSql(`alter table "public_processing_activity_version" enable trigger "public_search_updated";`);
  }
}
