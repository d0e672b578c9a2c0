import type { Knex } from '@mikro-orm/postgresql';

export enum PublicChangeKind {
  PUBLISHED = 'PUBLISHED',
  UPDATED = 'UPDATED',
  REMOVED = 'REMOVED',
}

/** One event of the public change log, as the projector wrote it (public-scope.ts). */
export interface PublicChangeRow {
  /** bigint as text. */
  position: string;
  kind: PublicChangeKind;
  activity_id: string;
  organisation_id: string;
  reference: string;
  occurred_at: Date | string;
}

/**
 * The public change log, read forward from a position. Its rows are public by construction: the
 * projector appends one only for a change of the public register, and a REMOVED event (tombstone)
 * holds the record's id, organisation, reference and moment, nothing about why it left.
 */
export async function readPublicChanges(knex: Knex, after: string, first: number): Promise<{ rows: PublicChangeRow[]; hasNextPage: boolean; lastPosition: string }> {
  const [rows, [head]] = await Promise.all([
    knex
      .select('position', 'kind', 'activity_id', 'organisation_id', 'reference', 'occurred_at')
      .from('public_change')
      .where('position', '>', after)
      .orderBy('position')
      .limit(first + 1) as Promise<PublicChangeRow[]>,
    knex.from('public_change').max({ last: 'position' }) as Promise<{ last: string | null }[]>,
  ]);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, lastPosition: String(head?.last ?? '0') };
}

export interface RegisterHead {
  /** bigint as text. */
  position: string;
  modifiedAt: Date | null;
}

/**
 * Where the public register stands: the newest change-log position and when it was written
 * ("0" and null before the first change). Everything derived from the public register as a whole
 * (downloads, the catalogue) is current exactly as long as this does not move.
 */
export async function registerHead(knex: Knex): Promise<RegisterHead> {
  const row = await knex.from('public_change').select('position', 'occurred_at').orderBy('position', 'desc').first();
  return row ? { position: String(row.position), modifiedAt: new Date(row.occurred_at) } : { position: '0', modifiedAt: null };
}
