import type { Knex } from '@mikro-orm/postgresql';

/** An adoption with what its participant may know of the record: the owner, the reference and, while the record is public, its public title. */
export interface AdoptionRow {
  activity_id: string;
  /** The participant. */
  organisation_id: string;
  owner_id: string;
  reference: string;
  adopted_at: Date;
  /** Whether the public sees the adoption now (the projector's side table, public-scope.ts). */
  is_public: boolean;
  /** The title of the record's current public version; null while the record is not public. */
  public_title: string | null;
}

/** Where a row stands in the order of adoptions: [reference, activity id, participant id]. */
export type AdoptionKeyset = [string, string, string];

function adoptions(knex: Knex): Knex.QueryBuilder {
  return knex
    .from({ p: 'processing_activity_participant' })
    .join({ a: 'processing_activity' }, 'a.id', 'p.activity_id')
    .leftJoin({ pub: 'public_processing_activity_participant' }, (j) => j.on('pub.activity_id', 'p.activity_id').andOn('pub.organisation_id', 'p.organisation_id'))
    .leftJoin({ v: 'public_processing_activity_version' }, (j) => j.on('v.activity_id', 'p.activity_id').andOnVal('v.is_current', true))
    .select('p.activity_id', 'p.organisation_id', { owner_id: 'a.organisation_id' }, 'a.reference', 'p.adopted_at', knex.raw('pub.activity_id is not null as is_public'), knex.raw('case when pub.activity_id is not null then v.title end as public_title'));
}

/** The adoptions by these organisations (participants), by the owner's reference, a page at a time. */
export async function adoptionsBy(knex: Knex, participantIds: readonly string[], page: { first: number; after: AdoptionKeyset | null }): Promise<{ rows: AdoptionRow[]; hasNextPage: boolean; totalCount: number }> {
  const q = adoptions(knex).whereIn('p.organisation_id', participantIds);
  if (page.after) q.whereRaw('(a.reference, p.activity_id, p.organisation_id) > (?, ?, ?)', page.after);
  const [rows, [{ count }]] = await Promise.all([
    q.orderBy([{ column: 'a.reference' }, { column: 'p.activity_id' }, { column: 'p.organisation_id' }]).limit(page.first + 1) as Promise<AdoptionRow[]>,
    knex.from('processing_activity_participant').whereIn('organisation_id', participantIds).count({ count: '*' }) as Promise<{ count: string }[]>,
  ]);
  return { rows: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: Number(count) };
}

/** The adoptions of these records (for their owner), by record, oldest adoption first. */
export async function adoptionsOf(knex: Knex, activityIds: readonly string[]): Promise<Map<string, AdoptionRow[]>> {
  const byActivity = new Map<string, AdoptionRow[]>(activityIds.map((id) => [id, []]));
  if (!activityIds.length) return byActivity;
  const rows: AdoptionRow[] = await adoptions(knex).whereIn('p.activity_id', activityIds).orderBy([{ column: 'p.adopted_at' }, { column: 'p.organisation_id' }]);
  for (const row of rows) byActivity.get(row.activity_id)?.push(row);
  return byActivity;
}

/** Whether one of these organisations adopted the record. */
export async function adoptedByAny(knex: Knex, activityId: string, organisationIds: readonly string[]): Promise<boolean> {
  const row = await knex.from('processing_activity_participant').where('activity_id', activityId).whereIn('organisation_id', organisationIds).first(knex.raw('1 as found'));
  return Boolean(row);
}
