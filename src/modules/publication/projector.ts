import type { Knex } from '@mikro-orm/postgresql';

/**
 * The TypeScript side of the projector (the rule and the projector itself are SQL, public-scope.ts):
 * applying due publish-from moments, rebuilding the read model and verifying it.
 */

/** Advisory lock (pg_try_advisory_xact_lock(class, id)) under which one API process applies due publications. */
const SCHEDULER_LOCK = [7166361, 2] as const;

/**
 * Projects the records whose scheduled publish-from moment has passed; answers how many records it
 * projected. Each due moment is claimed by deleting its schedule row, so exactly one transaction
 * (of one process) applies it. With `onlyIfFree`, a process that finds another applying returns at
 * once (timers); without, it waits for that one to commit (a request that must see the register as
 * of its moment).
 */
export async function applyDuePublications(knex: Knex, options: { onlyIfFree?: boolean } = {}): Promise<number> {
  return knex.transaction(async (trx) => {
    if (options.onlyIfFree) {
      const { rows } = await trx.raw('select pg_try_advisory_xact_lock(?, ?) as free', [...SCHEDULER_LOCK]);
      if (!rows[0].free) return 0;
    }
    const { rows } = await trx.raw<{ rows: { activity_id: string }[] }>('delete from public_schedule where publish_from <= clock_timestamp() returning activity_id');
    if (!rows.length) return 0;
    await trx.raw('select public_register_project(?::uuid[])', [rows.map((r) => r.activity_id)]);
    return rows.length;
  });
}

/** The earliest scheduled publish-from moment (due or not), or null. */
export async function earliestScheduledPublication(knex: Knex): Promise<Date | null> {
  const [row] = await knex.from('public_schedule').min({ next: 'publish_from' });
  return row?.next ? new Date(row.next) : null;
}

const REBUILD_BATCH = 2_000;

/**
 * Recomputes the read model of every record from its versions (records that no longer exist
 * included). Whatever differed is corrected through the projector, so the change log records the
 * correction like any other change; the search tables, kept from the read model's rows, are
 * rewritten if they differ from those. Answers the number of change-log events it appended.
 */
export async function rebuildPublicRegister(knex: Knex): Promise<number> {
  const { rows } = await knex.raw<{ rows: { id: string }[] }>(
    'select id from processing_activity union select activity_id from public_processing_activity_version union select activity_id from public_processing_activity_participant union select activity_id from public_schedule order by 1',
  );
  let events = 0;
  for (let i = 0; i < rows.length; i += REBUILD_BATCH) {
    const ids = rows.slice(i, i + REBUILD_BATCH).map((r) => r.id);
    // thorough: rows whose decision stands are compared whole too (a changed rendering is corrected).
    const result = await knex.raw<{ rows: { events: number }[] }>('select public_register_project(?::uuid[], true) as events', [ids]);
    events += Number(result.rows[0].events);
  }
  if ((await knex.transaction((trx) => searchDifferences(trx), { isolationLevel: 'repeatable read', readOnly: true })).length) await knex.raw('select public_search_rewrite()');
  return events;
}

/** missing: the versions (for the search tables: the read model's rows) say it should be there; unexpected: it is there but should not be. */
type Problem = 'missing' | 'unexpected';

export type RegisterDifference =
  | { table: 'public_processing_activity_version' | 'public_schedule'; problem: Problem; activityId: string; versionId: string }
  /** A public adoption: the adopting organisation. */
  | { table: 'public_processing_activity_participant'; problem: Problem; activityId: string; organisationId: string }
  /** Postings of a record (all of its words that differ, as one difference). */
  | { table: 'public_search_posting'; problem: Problem; activityId: string; words: number }
  /** A count of records per word and facet key. */
  | { table: 'public_search_facet'; problem: Problem; word: string; facet: string; key: string; records: number };

/**
 * Compares the read model with what the rule computes from the versions now, row by row and
 * column by column (the document included), after applying due publications, and the search
 * tables with what the read model's current rows make of them. Empty when they agree.
 */
export async function verifyPublicRegister(knex: Knex): Promise<RegisterDifference[]> {
  await applyDuePublications(knex);
  return knex.transaction(
    async (trx) => {
      const { rows } = await trx.raw<{ rows: { tbl: 'public_processing_activity_version' | 'public_processing_activity_participant' | 'public_schedule'; problem: Problem; activity_id: string; version_id: string }[] }>(
        `with expected as materialized (select * from public_scope_versions(null, clock_timestamp())),
              expected_participants as materialized (select * from public_scope_participants(array(select activity_id from expected where is_current))),
              expected_schedule as (select id as version_id, activity_id, publish_from from processing_activity_version where status = 'PUBLISHED' and publish_from > clock_timestamp())
         select 'public_processing_activity_version' tbl, 'missing' problem, (r->>'activity_id')::uuid as activity_id, (r->>'version_id')::uuid as version_id
           from (select to_jsonb(e) r from expected e except select to_jsonb(p) from public_processing_activity_version p) m
         union all
         select 'public_processing_activity_version', 'unexpected', (r->>'activity_id')::uuid, (r->>'version_id')::uuid
           from (select to_jsonb(p) r from public_processing_activity_version p except select to_jsonb(e) from expected e) u
         union all
         select 'public_processing_activity_participant', 'missing', activity_id, organisation_id from (select * from expected_participants except select * from public_processing_activity_participant) pm
         union all
         select 'public_processing_activity_participant', 'unexpected', activity_id, organisation_id from (select * from public_processing_activity_participant except select * from expected_participants) pu
         union all
         select 'public_schedule', 'missing', activity_id, version_id from (select version_id, activity_id, publish_from from expected_schedule except select version_id, activity_id, publish_from from public_schedule) sm
         union all
         select 'public_schedule', 'unexpected', activity_id, version_id from (select version_id, activity_id, publish_from from public_schedule except select version_id, activity_id, publish_from from expected_schedule) su
         order by 3, 4, 1, 2`,
      );
      const model = rows.map((r): RegisterDifference =>
        r.tbl === 'public_processing_activity_participant'
          ? { table: r.tbl, problem: r.problem, activityId: r.activity_id, organisationId: r.version_id }
          : { table: r.tbl, problem: r.problem, activityId: r.activity_id, versionId: r.version_id },
      );
      return [...model, ...(await searchDifferences(trx))];
    },
    // One snapshot for the whole comparison, so a commit in between cannot show as a difference.
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

/** The search tables (search/search-index-sql.ts) against the read model's current rows; count rows of 0 are as good as absent. */
async function searchDifferences(trx: Knex): Promise<RegisterDifference[]> {
  const postings = await trx.raw<{ rows: { problem: Problem; activity_id: string; words: string }[] }>(
    `with expected as materialized (select * from public_search_expected_postings()),
          actual as materialized (select lexeme, activity_id, score from public_search_posting)
     select 'missing' problem, activity_id, count(*) words from (select * from expected except all select * from actual) m group by activity_id
     union all
     select 'unexpected', activity_id, count(*) from (select * from actual except all select * from expected) u group by activity_id
     order by 2, 1`,
  );
  const facets = await trx.raw<{ rows: { problem: Problem; lexeme: string; facet: string; key: string; records: number }[] }>(
    `with expected as materialized (select * from public_search_expected_facets()),
          actual as materialized (select lexeme, facet, key, records from public_search_facet where records <> 0)
     select 'missing' problem, * from (select * from expected except all select * from actual) m
     union all
     select 'unexpected', * from (select * from actual except all select * from expected) u
     order by 2, 3, 4, 1`,
  );
  return [
    ...postings.rows.map((r): RegisterDifference => ({ table: 'public_search_posting', problem: r.problem, activityId: r.activity_id, words: Number(r.words) })),
    ...facets.rows.map((r): RegisterDifference => ({ table: 'public_search_facet', problem: r.problem, word: r.lexeme, facet: r.facet, key: r.key, records: r.records })),
  ];
}
