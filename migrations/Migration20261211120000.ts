import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL_20261212 as PUBLIC_SCOPE_SQL } from './sql/public-scope-20261212';
import { PUBLIC_SEARCH_INDEXES_SQL, PUBLIC_SEARCH_TABLES_SQL, PUBLIC_SEARCH_TRIGGERS_SQL } from '../src/modules/publication/search/search-index-sql';
import { PUBLIC_SEARCH_SQL_20261213 as PUBLIC_SEARCH_SQL } from './sql/public-search-20261213';

/**
 * Search on the read model (docs/performance.md, "Search"): the postings and per-word facet
 * counts (search-index-sql.ts), and the read model's search vector widened to the names of
 * controllers and processors and the sources of data items (public_search_vector in
 * public-scope.ts). Existing rows get the wider vector, then the tables are filled from them.
 */
export class Migration20261211120000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of PUBLIC_SEARCH_TABLES_SQL) this.addSql(sql);
    this.addSql(PUBLIC_SCOPE_SQL);
    this.addSql(PUBLIC_SEARCH_SQL);
    this.addSql(`update "public_processing_activity_version" p set "search_vector" = public_search_vector(p.version_id, v.search_vector) from "processing_activity_version" v where v.id = p.version_id;`);
    this.addSql(`insert into "public_search_posting" select * from public_search_expected_postings();`);
    // In key order: the counts of one word are then a few adjacent pages (a one-word search reads them all).
    this.addSql(`insert into "public_search_facet" select * from public_search_expected_facets() order by 1, 2, 3;`);
    for (const sql of PUBLIC_SEARCH_INDEXES_SQL) this.addSql(sql);
    for (const sql of PUBLIC_SEARCH_TRIGGERS_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const trigger of ['public_search_inserted', 'public_search_deleted', 'public_search_updated', 'public_search_truncated']) {
      this.addSql(`drop trigger if exists "${trigger}" on "public_processing_activity_version";`);
    }
    // The rule's vector becomes the version's own again.
    this.addSql(`create or replace function public_search_vector(vid uuid, own tsvector) returns tsvector language sql stable as $fn$ select own $fn$;`);
    this.addSql(`update "public_processing_activity_version" p set "search_vector" = v.search_vector from "processing_activity_version" v where v.id = p.version_id;`);
    this.addSql(`drop table if exists "public_search_flush", "public_search_pending", "public_search_facet", "public_search_posting";`);
    for (const fn of ['public_search_rewrite()', 'public_search_expected_facets()', 'public_search_expected_postings()', 'public_search_flush()', 'public_search_fold_pending()', 'public_search_track()', 'public_search_lexeme(text)']) {
      this.addSql(`drop function if exists ${fn};`);
    }
  }
}
