import type { Knex } from '@mikro-orm/postgresql';

/**
 * Where the public register stands: the newest change-log position and when it was written
 * ("0" and null before the first change). Everything derived from the public register as a
 * whole (downloads, the catalogue) is current exactly as long as this does not move.
 */
export async function registerHead(knex: Knex): Promise<{ position: string; modifiedAt: Date | null }> {
  const row = await knex.from('public_change').select('position', 'occurred_at').orderBy('position', 'desc').first();
  return row ? { position: String(row.position), modifiedAt: new Date(row.occurred_at) } : { position: '0', modifiedAt: null };
}
