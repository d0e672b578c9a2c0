import type { Knex } from '@mikro-orm/postgresql';
import { activityRowsSql } from './read-model.sql';

/**
 * The TypeScript side of the statistics' read model (the rule and the triggers are SQL,
 * read-model.sql.ts): rebuilding it from the records and the audit log, and verifying it.
 */

export interface StatisticsDifference {
  table: 'record_facts' | 'audit_activity';
  /** missing: the source says it should be there; unexpected: it is there but should not be (a changed row is both). */
  problem: 'missing' | 'unexpected';
  /** record_facts: the record's id; audit_activity: the organisation's id (or "none") and the moment. */
  key: string;
}

/** Rows of both tables as the sources say they should be, against the tables, in one snapshot. */
const DIFFERENCES_SQL = `with expected_facts as materialized (select * from record_facts_compute(array(select id from processing_activity))),
  expected_activity as materialized (${activityRowsSql('audit_log_entry')}),
  actual_activity as (select organisation_id, occurred_at, sum(versions_written)::int versions_written, sum(published)::int published, sum(withdrawn)::int withdrawn
                        from audit_activity group by 1, 2 having sum(versions_written) + sum(published) + sum(withdrawn) > 0)
select 'record_facts' tbl, 'missing' problem, activity_id::text key from (select * from expected_facts except select * from record_facts) m
union all
select 'record_facts', 'unexpected', activity_id::text from (select * from record_facts except select * from expected_facts) u
union all
select 'audit_activity', 'missing', coalesce(organisation_id::text, 'none') || ' ' || occurred_at from (select * from expected_activity except select * from actual_activity) am
union all
select 'audit_activity', 'unexpected', coalesce(organisation_id::text, 'none') || ' ' || occurred_at from (select * from actual_activity except select * from expected_activity) au
order by 1, 3, 2`;

/**
 * Compares record_facts with what the rule computes from the records now, row by row and column
 * by column, and audit_activity's sums per organisation and moment with the audit log. Empty
 * when they agree.
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
 * Recomputes both tables from their sources: record_facts through the rule (only rows that
 * differ are written; writers of the same records wait for it, see record_facts_refresh),
 * audit_activity anew from the audit log in one statement (one snapshot: an audited write
 * committing meanwhile is counted once, by its own trigger). Answers how many record_facts rows it
 * corrected and how many audit_activity rows it wrote.
 */
export async function rebuildStatistics(knex: Knex): Promise<{ recordFacts: number; auditActivity: number }> {
  return knex.transaction(async (trx) => {
    const facts = await trx.raw<{ rows: { changed: number }[] }>(
      'select record_facts_refresh(array(select id from processing_activity union select activity_id from record_facts)) as changed',
    );
    const activity = await trx.raw<{ rowCount: number }>(`with gone as (delete from audit_activity) insert into audit_activity ${activityRowsSql('audit_log_entry')}`);
    return { recordFacts: Number(facts.rows[0].changed), auditActivity: activity.rowCount };
  });
}
