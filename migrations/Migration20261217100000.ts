import { Migration } from '@mikro-orm/migrations';
import { PUBLIC_SCOPE_SQL } from '../src/modules/publication/public-scope';
import { PUBLIC_SCOPE_SQL_20261216 } from './sql/public-scope-20261216';

/**
 * Versions no longer store a search vector (a generated column computed on every insert, drafts
 * included, with Dutch stemming of all the version's text). The projector computes it when a
 * version becomes a current public row (public_version_vector, public-scope.ts): the read model
 * is the only thing searched. Dropping a generated column rewrites nothing.
 */
export class Migration20261217100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(PUBLIC_SCOPE_SQL);
    this.addSql(`alter table "processing_activity_version" drop column "search_vector";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "processing_activity_version" add column "search_vector" tsvector generated always as ((setweight(to_tsvector('dutch'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('dutch'::regconfig, COALESCE(description, ''::text)), 'B'::"char")) || setweight(to_tsvector('dutch'::regconfig, COALESCE(search_text, ''::text)), 'C'::"char")) stored;`,
    );
    this.addSql(PUBLIC_SCOPE_SQL_20261216);
    this.addSql(`drop function if exists public_version_vector(text, text, text);`);
  }
}
