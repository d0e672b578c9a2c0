import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { VersionStatus } from '../processing-activity/processing-activity.enums';

/** A record of an organisation with the state of its latest version: what a batch compares its records with. */
export interface RecordState {
  id: string;
  reference: string;
  latest_version_number: number;
  content_hash: string | null;
  status: VersionStatus | null;
  publish_from: Date | string | null;
}

/** Versions that REPLACE withdraws: every published one, and a newest one still pending. */
const WITHDRAWABLE = `(v.status = 'PUBLISHED' or (v.version_number = a.latest_version_number and v.status in ('DRAFT', 'UNDER_REVIEW')))`;

/**
 * The one "latest version of these records" query of a batch, for the dry run, the set-based write
 * and REPLACE. `references` selects the records of the batch; `except` selects the organisation's
 * other records that still have something to withdraw (REPLACE). With `lock` the records' rows are
 * locked in reference order, so concurrent batches lock in one order and cannot deadlock.
 */
export async function recordStates(em: EntityManager, organisationId: string, which: { references: string[] } | { except: string[] }, options: { lock?: boolean } = {}): Promise<RecordState[]> {
  const absent = 'except' in which;
  const sql = `select a.id, a.reference, a.latest_version_number, v.content_hash, v.status, v.publish_from
     from (select id, reference, latest_version_number from processing_activity a
            where organisation_id = ? and ${absent ? 'not ' : ''}(reference = any(?::text[]))
              ${absent ? `and exists (select 1 from processing_activity_version v where v.activity_id = a.id and ${WITHDRAWABLE})` : ''}
            order by reference ${options.lock ? 'for update' : ''}) a
     left join processing_activity_version v on v.activity_id = a.id and v.version_number = a.latest_version_number
    order by a.reference`;
  return raw<RecordState>(em, sql, [organisationId, absent ? which.except : which.references]);
}

/** REPLACE: withdraws these records' withdrawable versions (rows locked by the caller); answers the ids that changed. */
export async function withdrawVersions(em: EntityManager, activityIds: string[]): Promise<Set<string>> {
  if (!activityIds.length) return new Set();
  const changed = await raw<{ activity_id: string }>(
    em,
    `update processing_activity_version v set status = 'WITHDRAWN', withdrawn_at = now()
       from processing_activity a
      where v.activity_id = a.id and a.id = any(?::uuid[]) and ${WITHDRAWABLE}
      returning v.activity_id`,
    [activityIds],
  );
  return new Set(changed.map((c) => c.activity_id));
}

/** Through knex, in the caller's transaction when there is one: knex passes arrays as PostgreSQL arrays (any(?::text[])). */
async function raw<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const db = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  return (await db.raw(sql, params as Knex.RawBinding[])).rows;
}
