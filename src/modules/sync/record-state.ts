import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { VersionStatus } from '../processing-activity/processing-activity.enums';

/** A record with the state of its latest version: what a batch compares its records with. */
export interface RecordState {
  id: string;
  organisation_id: string;
  reference: string;
  latest_version_number: number;
  content_hash: string | null;
  status: VersionStatus | null;
  publish_from: Date | string | null;
}

/** Versions that REPLACE withdraws: every published one, and a newest one still pending. */
const WITHDRAWABLE = `(v.status = 'PUBLISHED' or (v.version_number = a.latest_version_number and v.status in ('DRAFT', 'UNDER_REVIEW')))`;

const LATEST_VERSION = `left join processing_activity_version v on v.activity_id = a.id and v.version_number = a.latest_version_number`;

/**
 * The one "latest version of these records" query of a batch, for the dry run, the set-based write
 * and the planning of unit moves (record-plan.ts): every record of `organisationIds` whose
 * reference is one of `references`. A batch of one organisation asks for that organisation only;
 * a batch whose records name their units asks for those units and the tree a record may move
 * within. With `lock` the rows are locked in (reference, organisation) order, so concurrent
 * batches lock in one order and cannot deadlock.
 */
export async function recordStates(em: EntityManager, which: { organisationIds: readonly string[]; references: readonly string[] }, options: { lock?: boolean } = {}): Promise<RecordState[]> {
  const sql = `select a.id, a.organisation_id, a.reference, a.latest_version_number, v.content_hash, v.status, v.publish_from
     from (select id, organisation_id, reference, latest_version_number from processing_activity
            where organisation_id = any(?::uuid[]) and reference = any(?::text[])
            order by reference, organisation_id ${options.lock ? 'for update' : ''}) a
     ${LATEST_VERSION}
    order by a.reference, a.organisation_id`;
  return raw<RecordState>(em, sql, [[...new Set(which.organisationIds)], [...new Set(which.references)]]);
}

/** What REPLACE keeps: the records the batch named (by id), and, for records of the batch that failed, any record with their reference. */
export interface ReplaceExceptions {
  ids: readonly string[];
  references: readonly string[];
}

/**
 * REPLACE: the records of `organisationIds` (one organisation, or a whole subtree) that are not
 * among `except` and still have something to withdraw, locked like recordStates when `lock`.
 */
export async function replaceCandidates(em: EntityManager, organisationIds: readonly string[], except: ReplaceExceptions, options: { lock?: boolean } = {}): Promise<RecordState[]> {
  const sql = `select a.id, a.organisation_id, a.reference, a.latest_version_number, v.content_hash, v.status, v.publish_from
     from (select id, organisation_id, reference, latest_version_number from processing_activity a
            where organisation_id = any(?::uuid[]) and not (id = any(?::uuid[])) and not (reference = any(?::text[]))
              and exists (select 1 from processing_activity_version v where v.activity_id = a.id and ${WITHDRAWABLE})
            order by reference, organisation_id ${options.lock ? 'for update' : ''}) a
     ${LATEST_VERSION}
    order by a.reference, a.organisation_id`;
  return raw<RecordState>(em, sql, [[...organisationIds], [...except.ids], [...new Set(except.references)]]);
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
