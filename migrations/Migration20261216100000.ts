import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SEARCH_SQL } from '../src/modules/publication/search/search-index-sql';
import { PUBLIC_SCOPE_SQL_20261215 } from './sql/public-scope-20261215';
import { PUBLIC_SCOPE_SQL_20261216 } from './sql/public-scope-20261216';
import { PUBLIC_SEARCH_SQL_20261215 } from './sql/public-search-20261215';

/**
 * Less work per publishing write, most of it under the change log's order lock:
 * - The rule's decisions (public_scope_decisions) are apart from the rendering of the read
 *   model's rows (public_version_rows): the projector applies the rule once under the lock and
 *   renders the rows it writes from those decisions, where it applied the rule again for each
 *   statement that wrote rows (every published version of each record, each time).
 *   public_scope_versions(ids, at) is the two together, as before.
 * - A record whose only writes in a transaction were new published versions, numbered after its
 *   others, is decided from its current public version on (the note triggers tell such records
 *   from the others, public_register.whole), instead of deciding every public version in its
 *   history again: a publishing write's work no longer grows with the records' histories.
 * - Search's trigger (search/search-index-sql.ts), for a record whose current row is rewritten in
 *   place by a new public version, compares the two vectors word by word with their weights, and
 *   deletes and ranks only the postings of the words that were lost, gained or weighted anew,
 *   instead of reading, ranking and comparing every posting of the record.
 */
export class Migration20261216100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_SCOPE_SQL_20261216);
    this.addSql(PUBLIC_SEARCH_SQL);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists public_register_project(uuid[], boolean, uuid[]);`);
    this.addSql(PUBLIC_SCOPE_SQL_20261215);
    this.addSql(`drop function if exists public_projection_from_versions(uuid[], uuid[], timestamptz);`);
    this.addSql(`drop function if exists public_version_rows(public_version_decision[], uuid[], json[], tsvector[], json[]);`);
    this.addSql(`drop function if exists public_scope_decisions(uuid[], timestamptz, integer[]);`);
    this.addSql(PUBLIC_SEARCH_SQL_20261215);
  }
}
