import type { Knex } from '@mikro-orm/postgresql';
import { TALLY_COLUMNS } from './record-facts';
import { activityRowsSql, tallyRowsSql, tallySums } from './read-model.sql';

/**
 * The TypeScript side of the statistics' read model (the rule and the triggers are SQL,
 * read-model.sql.ts): rebuilding it from the records and the audit log, and verifying it.
 */

export interface StatisticsDifference {
  table: 'record_facts' | 'organisation_tally' | 'audit_activity';
  /** missing: the source says it should be there; unexpected: it is there but should not be (a changed row is both). */
  problem: 'missing' | 'unexpected';
  /** record_facts: the record's id; organisation_tally: the organisation's id; audit_activity: the organisation's id (or "none") and the moment. */
  key: string;
}

/** Rows of the tables as their sources say they should be, against the tables, in one snapshot. */
const DIFFERENCES_SQL = `with expected_facts as materialized (select * from record_facts_compute(array(select id from processing_activity))),
  expected_tally as materialized (${tallyRowsSql('record_facts')}),
  actual_tally as (select * from (${tallySums('select * from organisation_tally')}) t where ${TALLY_COLUMNS.map((c) => `t.${c} <> 0`).join(' or ')}),
  expected_activity as materialized (${activityRowsSql('audit_log_entry')}),
  actual_activity as (select organisation_id, occurred_at, sum(versions_written)::int versions_written, sum(published)::int published, sum(withdrawn)::int withdrawn
                        from audit_activity group by 1, 2 having sum(versions_written) + sum(published) + sum(withdrawn) > 0)
select 'record_facts' tbl, 'missing' problem, activity_id::text key from (select * from expected_facts except select * from record_facts) m
union all
select 'record_facts', 'unexpected', activity_id::text from (select * from record_facts except select * from expected_facts) u
union all
select 'organisation_tally', 'missing', organisation_id::text from (select * from expected_tally except select * from actual_tally) tm
union all
select 'organisation_tally', 'unexpected', organisation_id::text from (select * from actual_tally except select * from expected_tally) tu
union all
select 'audit_activity', 'missing', coalesce(organisation_id::text, 'none') || ' ' || occurred_at from (select * from expected_activity except select * from actual_activity) am
union all
select 'audit_activity', 'unexpected', coalesce(organisation_id::text, 'none') || ' ' || occurred_at from (select * from actual_activity except select * from expected_activity) au
order by 1, 3, 2`;

/**
 * Compares record_facts with what the rule computes from the records now, row by row and column
 * by column; organisation_tally's sums per organisation with the counts of record_facts; and
 * audit_activity's sums per organisation and moment with the audit log. Empty when they agree.
 */
export async function verifyStatistics(knex: Knex): Promise<StatisticsDifference[]> {
  return knex.transaction(
    async (trx) => {
      const { rows } = await trx.raw<{ rows: { tbl: StatisticsDifference['table']; problem: StatisticsDifference['problem']; key: string }[] }>(DIFFERENCES_SQL);
      return rows.map((r) => ({ table: r.tbl, problem: r.problem, key: r.key }));
    },
    // One snapshot for the whole comparison, so a commit in between cannot show as a difference.
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

/**
 * Recomputes the tables from their sources: record_facts through the rule (only rows that differ
 * are written; writers of the same records wait for it, see record_facts_refresh), then
 * organisation_tally from record_facts and audit_activity from the audit log, each anew in one
 * statement (one snapshot: a write committing meanwhile is counted once, by its own trigger).
 * Answers how many record_facts rows it corrected and how many audit_activity rows it wrote.
 */
export async function rebuildStatistics(knex: Knex): Promise<{ recordFacts: number; auditActivity: number }> {
  return knex.transaction(async (trx) => {
    const facts = await trx.raw<{ rows: { changed: number }[] }>(
      'select record_facts_refresh(array(select id from processing_activity union select activity_id from record_facts)) as changed',
    );
    await trx.raw(`with gone as (delete from organisation_tally) insert into organisation_tally ${tallyRowsSql('record_facts')}`);
    const activity = await trx.raw<{ rowCount: number }>(`with gone as (delete from audit_activity) insert into audit_activity ${activityRowsSql('audit_log_entry')}`);
    return { recordFacts: Number(facts.rows[0].changed), auditActivity: activity.rowCount };
  });
}
