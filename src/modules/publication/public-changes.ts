import type { Knex } from '@mikro-orm/postgresql';
import { pooledStatement } from './pooled-statement';

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

/** An event with the record's current public version (the read model's row), or null when the record is not public now or the event is a tombstone. */
export type PublicChangeWithRecord<V> = PublicChangeRow & { current: V | null };

/**
 * The public change log, read forward from a position. Its rows are public by construction: the
 * projector appends one only for a change of the public register, and a REMOVED event (tombstone)
 * holds the record's id, organisation, reference and moment, nothing about why it left.
 */
export async function readPublicChanges<V>(
  knex: Knex,
  after: string,
  first: number,
  versionColumns: readonly (keyof V & string)[],
): Promise<{ rows: PublicChangeWithRecord<V>[]; hasNextPage: boolean; lastPosition: string }> {
  // One statement, so the events, their records and the log's head are of one snapshot; a mirror
  // reads a page of 100 events with their records many times a minute.
  const sql = changesStatement(versionColumns);
  // Each row is the record's version row (its own columns) plus the event's, prefixed: the row
  // itself serves as the record, without a copy.
  type Row = V & { last_position: string | null; c_position: string | null; c_kind: PublicChangeKind; c_activity_id: string; c_organisation_id: string; c_reference: string; c_occurred_at: string; version_id: string | null };
  const found = await pooledStatement<Row>(knex, sql, [after, first + 1]);
  const events = found[0]?.c_position === null ? [] : found;
  const rows = events.slice(0, first).map((r) => ({
    position: r.c_position!,
    kind: r.c_kind,
    activity_id: r.c_activity_id,
    organisation_id: r.c_organisation_id,
    reference: r.c_reference,
    occurred_at: r.c_occurred_at,
    current: r.version_id === null ? null : (r as V),
  }));
  return { rows, hasNextPage: events.length > first, lastPosition: found[0]?.last_position ?? '0' };
}

const statements = new Map<string, string>();

/** The page of events (left-joined to one row when the log holds none after the position, for the head), each with its record's current version. */
function changesStatement(versionColumns: readonly string[]): string {
  const key = versionColumns.join();
  let sql = statements.get(key);
  if (!sql) {
    for (const c of versionColumns) if (!/^[a-z_]+$/.test(c)) throw new Error(`not a column name: ${c}`);
    sql = `select (select max(position) from public_change)::text as last_position,
                  c.position::text as c_position, c.kind as c_kind, c.activity_id as c_activity_id, c.organisation_id as c_organisation_id,
                  c.reference as c_reference, c.occurred_at as c_occurred_at, ${versionColumns.map((c) => `v."${c}"`).join(', ')}
             from (select 1) one
             left join (select * from public_change where position > $1::bigint order by position limit $2::int) c on true
             left join public_processing_activity_version v on v.activity_id = c.activity_id and v.is_current and c.kind <> 'REMOVED'
            order by c.position`;
    statements.set(key, sql);
  }
  return sql;
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
