import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261214 } from './sql/public-scope-20261214';
import { PUBLIC_SCOPE_SQL_20261215 } from './sql/public-scope-20261215';
import { PUBLIC_SEARCH_SQL_20261213 } from './sql/public-search-20261213';
import { PUBLIC_SEARCH_SQL_20261215 } from './sql/public-search-20261215';

/**
 * Lighter pages and lighter publishing writes (public-scope.ts, search/search-index-sql.ts):
 * - The parsed retention rules leave the read model's pre-rendered document for a column of their
 *   own, `data_item_retention_rules` (`public_document(vid, false)`,
 *   `public_data_item_retention_rules(vid)`). They were a quarter of a current document's text,
 *   which every page of records with nested content read, sent and parsed, while few pages show
 *   them; a page that does reads the column too, and the downloads put them back in place.
 *   Existing current rows are rendered anew; the down migration renders them whole again.
 * - The documents are kept as json instead of jsonb: PostgreSQL sends json as it is stored, while
 *   writing jsonb out as text was most of the work of a page of records in PostgreSQL.
 * - A record's current row that gives way to a new current version under the same organisation
 *   and reference is rewritten in place, and search's trigger changes only the postings and counts
 *   of the words that differ, instead of removing and adding every word of the record.
 */
export class Migration20261215100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "public_processing_activity_version" add column "data_item_retention_rules" json null;`);
    this.addSql(`alter table "public_processing_activity_version" alter column "document" type json using "document"::json;`);
    this.addSql(PUBLIC_SCOPE_SQL_20261215);
    this.addSql(PUBLIC_SEARCH_SQL_20261215);
    // Search reads neither column: its trigger would rewrite every posting for nothing.
    this.addSql(`alter table "public_processing_activity_version" disable trigger "public_search_updated";`);
    this.addSql(
      `update "public_processing_activity_version" set "document" = public_document("version_id", false)::json, "data_item_retention_rules" = public_data_item_retention_rules("version_id")::json where "is_current";`,
    );
    this.addSql(`alter table "public_processing_activity_version" enable trigger "public_search_updated";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists public_scope_versions(uuid[], timestamptz, uuid[], json[], tsvector[], json[], uuid[]);`);
    this.addSql(`drop function if exists public_document(uuid, boolean);`);
    this.addSql(`drop function if exists public_data_item_retention_rules(uuid);`);
    this.addSql(`alter table "public_processing_activity_version" drop column "data_item_retention_rules";`);
    this.addSql(`alter table "public_processing_activity_version" alter column "document" type jsonb using "document"::jsonb;`);
    this.addSql(PUBLIC_SCOPE_SQL_20261214);
    this.addSql(PUBLIC_SEARCH_SQL_20261213);
    this.addSql(`alter table "public_processing_activity_version" disable trigger "public_search_updated";`);
    this.addSql(`update "public_processing_activity_version" set "document" = public_document("version_id") where "is_current";`);
    this.addSql(`alter table "public_processing_activity_version" enable trigger "public_search_updated";`);
  }
}
