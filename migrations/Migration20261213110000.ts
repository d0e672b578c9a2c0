import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SEARCH_POSTING_BY_RECORD_INDEX_SQL } from '../src/modules/publication/search/search-index-sql';
import { PUBLIC_SEARCH_SQL_20261213 as PUBLIC_SEARCH_SQL } from './sql/public-search-20261213';

/**
 * The search postings of a record whose current row goes are removed by the record (an index on
 * public_search_posting.activity_id) instead of word by word with each word's score computed again
 * (public_search_track in search-index-sql.ts): a publishing sync batch replaces the postings of
 * every record it changes, inside the projector and so under the change log's order lock.
 */
export class Migration20261213110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_SEARCH_POSTING_BY_RECORD_INDEX_SQL);
    this.addSql(PUBLIC_SEARCH_SQL);
  }

  override async down(): Promise<void> {
    // The function as it was: each word's posting looked up by its whole key.
    const byRecord = 'delete from public_search_posting p using (select distinct g.activity_id from g) d where p.activity_id = d.activity_id),';
    if (!PUBLIC_SEARCH_SQL.includes(byRecord)) throw new Error('public_search_track no longer deletes postings by record: write this down migration anew');
    this.addSql(
      PUBLIC_SEARCH_SQL.replace(
        byRecord,
        `delete from public_search_posting p
       using (select u.lexeme, g.activity_id, ts_rank_cd(g.search_vector, public_search_lexeme(u.lexeme)) as score from g, unnest(g.search_vector) u) d
       where p.lexeme = d.lexeme and p.score = d.score and p.activity_id = d.activity_id),`,
      ),
    );
    this.addSql(`drop index if exists "public_search_posting_activity_idx";`);
  }
}
