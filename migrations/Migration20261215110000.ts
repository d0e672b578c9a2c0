import { Migration } from '@mikro-orm/migrations';

/** The GIN indexes of the versions, by name, with the column each covers. */
const VERSION_GIN_INDEXES = {
  pav_search_vector_idx: 'search_vector',
  pav_legal_basis_codes_idx: 'legal_basis_codes',
  pav_special_category_codes_idx: 'special_category_codes',
  pav_transfer_country_codes_idx: 'transfer_country_codes',
} as const;

/**
 * Drops the GIN indexes of the versions' search vector and code arrays. Public search and filters
 * read the public read model (its own indexes, and the search postings) since it exists; nothing
 * reads these any more, while every version written — drafts and imports too — paid for them.
 */
export class Migration20261215110000 extends Migration {
  override async up(): Promise<void> {
    for (const name of Object.keys(VERSION_GIN_INDEXES)) this.addSql(`drop index if exists "${name}";`);
  }

  override async down(): Promise<void> {
    for (const [name, column] of Object.entries(VERSION_GIN_INDEXES)) this.addSql(`create index "${name}" on "processing_activity_version" using gin ("${column}");`);
  }
}
