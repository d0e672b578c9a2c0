import { TALLY_COLUMNS, TALLY_SQL } from './record-facts';

/**
 * The statistics' read model, in SQL: THE definitions of a record's dashboard facts (its current
 * state's inputs, the Article 30 fields its newest version misses, its quality signals) and of
 * what counts as activity in the audit log, and the functions and triggers that keep two tables
 * current in the transaction of every write:
 *
 * - record_facts: one row per record (with a version), its facts as of its NEWEST version.
 *   record_facts_compute(ids) is the rule; record_facts_refresh(ids) writes what it computes.
 *   Every statement that writes records, versions or an organisation's contact data (whatever
 *   wrote it: sync, the publication mutations, the CLI, seeds, SQL by hand) queues the records
 *   it touched (statement-level triggers), and at commit one refresh computes them all (a
 *   deferred constraint trigger), when the content rows written with a version are in place. A
 *   version's content never changes after its transaction (versions are immutable), so the
 *   content tables need no triggers of their own. Time-dependent facts (SCHEDULED while
 *   publish_from lies ahead, review due) are not stored: the statistics compute them from
 *   publish_from and last_changed_at when asked (record-facts.ts).
 * - organisation_tally: per organisation, the counts of its records' facts (TALLY_SQL), as rows
 *   to be added up: every refresh appends the difference it made (the new facts' counts minus the
 *   old ones'), so writers never wait for each other on a shared row, and sums an organisation's
 *   rows into one once it has more than TALLY_ROWS_BEFORE_SUMMING (rows another transaction holds
 *   are left for a later refresh). The statistics add up at most a few rows per organisation
 *   instead of counting every record.
 * - audit_activity: the activity counts of each audited statement (per target organisation and
 *   moment; an audit insert gives all its rows one moment, so a sync batch is one row), written by
 *   a statement-level trigger on audit_log_entry. Counting a range from it is exact, like counting
 *   the log, at a fraction of the rows.
 *
 * Installed by Migration20261217110000 (earlier forms by Migration20261211100000) from its frozen copy (migrations/sql/); a change of a
 * definition here needs a migration that installs the current one and recomputes the tables
 * (test/foundation/statistics-definitions.test.ts fails until then). `create or replace` keeps it
 * idempotent. Rebuilt and verified by
 * `register statistics:rebuild [--verify]` (read-model.ts).
 */
/** audit_activity's rows for the audit-log entries of `source` (a table or the trigger's transition table). */
export const activityRowsSql = (source: string) => `select e.target_organisation_id organisation_id, e.occurred_at,
       count(*) filter (where e.kind = 'WRITTEN')::int versions_written, count(*) filter (where e.kind = 'PUBLISHED')::int published,
       count(*) filter (where e.kind = 'WITHDRAWN')::int withdrawn
  from (select target_organisation_id, occurred_at, audit_activity_kind(operation, outcome) kind from ${source}) e
 where e.kind is not null
 group by 1, 2`;

/** Sums of the tally columns of `source` (rows of organisation_tally, or counts of the rows before them), per organisation. */
export const tallySums = (source: string) => `select d.organisation_id, ${TALLY_COLUMNS.map((c) => `sum(d.${c})::int ${c}`).join(', ')} from (${source}) d group by d.organisation_id`;

/** organisation_tally's rows for the record_facts rows of `source` (alias f): one per organisation. */
export const tallyRowsSql = (source: string) => tallySums(`select f.organisation_id, ${TALLY_COLUMNS.map((c) => `(${TALLY_SQL[c]})::int ${c}`).join(', ')} from ${source} f`);

/** An organisation's delta rows are summed into one once it has more than this many. */
const TALLY_ROWS_BEFORE_SUMMING = 8;

export const STATISTICS_READ_MODEL_SQL = String.raw`
-- THE RULE: the facts of these records (those with a newest version), as rows of record_facts.
create or replace function record_facts_compute(ids uuid[]) returns setof record_facts language sql stable as $fn$
select a.id, a.organisation_id, a.reference, v.id, a.withheld, v.status, v.publish_from, v.legal_role,
       greatest(a.updated_at, v.created_at, v.published_at, v.withdrawn_at),
       -- PURPOSE: no purpose at all.
       not p.any_purpose,
       -- LEGAL_BASIS: no purpose, or a purpose without a legal basis.
       not p.any_purpose or p.without_basis,
       -- DATA_SUBJECT_GROUP: no group.
       not g.any_group,
       -- DATA_ITEMS: no group, or a group without data items.
       not g.any_group or g.without_items,
       -- RETENTION_PERIOD: a data item without a retention text.
       i.without_retention,
       -- UNPARSED_RETENTION: a data item whose retention text did not parse into a rule.
       i.unparsed_retention,
       -- RECIPIENTS: no recipient, and not declared "no recipients" either.
       not r.any_recipient and v.recipients_none is not true,
       -- TRANSFER_STATEMENT: transfers outside the EU not answered, or answered yes with neither a transfer nor a statement.
       v.third_country_transfers is null or (v.third_country_transfers and not t.any_transfer and coalesce(btrim(v.third_country_transfers_statement), '') = ''),
       -- CONTROLLER_CONTACT: no controller with a functional e-mail address or telephone number; a record
       -- naming no controller is the owning organisation's, so that organisation's address or number counts.
       not (pa.controller_contact or (not pa.controller and (coalesce(btrim(o.email), '') <> '' or coalesce(btrim(o.phone), '') <> ''))),
       -- Quality signals.
       cardinality(v.special_category_codes) > 0,
       v.third_country_transfers is true or cardinality(v.transfer_country_codes) > 0 or t.any_transfer,
       v.automated_decision_making is true,
       pa.processor
  from processing_activity a
  join processing_activity_version v on v.activity_id = a.id and v.version_number = a.latest_version_number
  join organisation o on o.id = a.organisation_id
  cross join lateral (select count(*) > 0 any_purpose, coalesce(bool_or(x.legal_basis_code is null), false) without_basis
                        from purpose x where x.version_id = v.id) p
  cross join lateral (select count(*) > 0 any_group, coalesce(bool_or(not exists (select 1 from data_item d where d.group_id = x.id)), false) without_items
                        from data_subject_group x where x.version_id = v.id) g
  cross join lateral (select coalesce(bool_or(coalesce(btrim(d.retention_text), '') = ''), false) without_retention,
                             coalesce(bool_or(coalesce(btrim(d.retention_text), '') <> '' and jsonb_array_length(d.retention_rules) = 0), false) unparsed_retention
                        from data_subject_group x join data_item d on d.group_id = x.id where x.version_id = v.id) i
  cross join lateral (select exists (select 1 from recipient x where x.version_id = v.id) any_recipient) r
  cross join lateral (select exists (select 1 from third_country_transfer x where x.version_id = v.id) any_transfer) t
  cross join lateral (select coalesce(bool_or(x.role = 'CONTROLLER'), false) controller,
                             coalesce(bool_or(x.role = 'CONTROLLER' and (coalesce(btrim(x.email), '') <> '' or coalesce(btrim(x.phone), '') <> '')), false) controller_contact,
                             coalesce(bool_or(x.role = 'PROCESSOR'), false) processor
                        from processing_party x where x.version_id = v.id) pa
 where a.id = any(ids)
$fn$;

-- Brings the facts of these records up to date, in one statement whatever their number: rows
-- that differ are rewritten, rows of records without a newest version (any more) go. Answers how
-- many rows it wrote or deleted. PL/pgSQL with a generic plan, prepared once per session: the
-- triggers call it once per written row, and a custom plan for each call (PostgreSQL's choice,
-- as one id looks cheaper than the generic plan's guess of ten) cost more to plan than to run.
create or replace function record_facts_refresh(ids uuid[]) returns integer language plpgsql set plan_cache_mode = force_generic_plan as $fn$
declare
  changed integer;
begin
  -- Locks first, then reads (each statement sees what committed before it): a concurrent
  -- transaction that changes one of these records' organisations' contact data, or refreshes one
  -- of these records, commits before this computes, or waits until this commits and computes after.
  perform 1 from organisation o where o.id in (select a.organisation_id from processing_activity a where a.id = any(ids)) order by o.id for share;
  perform 1 from record_facts f where f.activity_id = any(ids) order by f.activity_id for update;
  with fresh as materialized (select * from record_facts_compute(ids)),
  -- The rows as they are before this statement (every part of one statement sees the same snapshot).
  old as materialized (select * from record_facts f where f.activity_id = any(ids)),
  gone as (
    delete from record_facts f where f.activity_id = any(ids) and not exists (select 1 from fresh n where n.activity_id = f.activity_id) returning 1
  ),
  written as (
    insert into record_facts select * from fresh
    on conflict (activity_id) do update set
      (organisation_id, reference, version_id, withheld, status, publish_from, legal_role, last_changed_at,
       missing_purpose, missing_legal_basis, missing_data_subject_group, missing_data_items, missing_retention_period,
       missing_unparsed_retention, missing_recipients, missing_transfer_statement, missing_controller_contact,
       special_categories, transfers_outside_eu, automated_decision_making, processors_used)
      = (excluded.organisation_id, excluded.reference, excluded.version_id, excluded.withheld, excluded.status, excluded.publish_from, excluded.legal_role, excluded.last_changed_at,
         excluded.missing_purpose, excluded.missing_legal_basis, excluded.missing_data_subject_group, excluded.missing_data_items, excluded.missing_retention_period,
         excluded.missing_unparsed_retention, excluded.missing_recipients, excluded.missing_transfer_statement, excluded.missing_controller_contact,
         excluded.special_categories, excluded.transfers_outside_eu, excluded.automated_decision_making, excluded.processors_used)
      -- An unchanged row is not rewritten: a record written twice in a transaction leaves no dead row.
      where record_facts is distinct from excluded
    returning 1
  ),
  -- What this refresh changed in its organisations' counts (nothing: no row).
  tallied as (
    insert into organisation_tally
    select * from (${tallySums(`select f.organisation_id, ${TALLY_COLUMNS.map((c) => `(${TALLY_SQL[c]})::int ${c}`).join(', ')} from fresh f
                                union all
                                select f.organisation_id, ${TALLY_COLUMNS.map((c) => `-(${TALLY_SQL[c]})::int`).join(', ')} from old f`)}) d
     where ${TALLY_COLUMNS.map((c) => `d.${c} <> 0`).join(' or ')}
  )
  select (select count(*) from gone) + (select count(*) from written) into changed;

  -- Sums the rows of these records' organisations that have too many, skipping rows another
  -- transaction holds (each row is summed once, by whoever deletes it).
  with crowded as (
    select t.organisation_id from organisation_tally t
     where t.organisation_id in (select a.organisation_id from processing_activity a where a.id = any(ids))
     group by t.organisation_id having count(*) > ${TALLY_ROWS_BEFORE_SUMMING}
  ), taken as (
    delete from organisation_tally t
     where t.ctid in (select x.ctid from organisation_tally x where x.organisation_id in (select organisation_id from crowded) for update skip locked)
    returning t.*
  )
  insert into organisation_tally ${tallySums('select * from taken')};
  return changed;
end
$fn$;

-- Statement-level triggers put the records a statement may have changed the facts of in
-- record_facts_pending, as one row per statement (rows of the writing transaction only, deleted
-- before it commits): the deferred trigger that drains the queue fires once per row, so a batch
-- of 100 records is one or two calls at commit, not 100 of which all but the first find nothing.
create or replace function record_facts_enqueue() returns trigger language plpgsql as $fn$
begin
  if TG_TABLE_NAME = 'processing_activity_version' then
    if TG_OP = 'DELETE' then
      insert into record_facts_pending (activity_ids) select array_agg(distinct activity_id) from old_rows having count(*) > 0;
    else
      insert into record_facts_pending (activity_ids) select array_agg(distinct activity_id) from new_rows having count(*) > 0;
    end if;
  elsif TG_TABLE_NAME = 'processing_activity' then
    if TG_OP = 'DELETE' then
      insert into record_facts_pending (activity_ids) select array_agg(id) from old_rows having count(*) > 0;
    else
      -- A new version also updates its record (latest_version_number): the version's trigger covers that.
      insert into record_facts_pending (activity_ids)
      select array_agg(n.id) from new_rows n join old_rows o on o.id = n.id
       where o.latest_version_number = n.latest_version_number
         and (o.organisation_id, o.reference, o.withheld, o.updated_at) is distinct from (n.organisation_id, n.reference, n.withheld, n.updated_at)
      having count(*) > 0;
    end if;
  else
    -- An organisation's contact data counts for its records that name no controller.
    insert into record_facts_pending (activity_ids)
    select array_agg(a.id) from new_rows n join old_rows o on o.id = n.id join processing_activity a on a.organisation_id = n.id
     where (o.email, o.phone) is distinct from (n.email, n.phone)
    having count(*) > 0;
  end if;
  return null;
end
$fn$;

-- At commit (a deferred constraint trigger on record_facts_pending): the first call refreshes
-- every record the transaction queued, in one go; the others find the queue empty.
create or replace function record_facts_drain() returns trigger language plpgsql as $fn$
declare
  ids uuid[];
begin
  with taken as (delete from record_facts_pending where transaction_id = pg_current_xact_id() returning activity_ids)
  select array_agg(distinct q.activity_id) into ids from taken, unnest(taken.activity_ids) q(activity_id);
  if ids is not null then
    perform record_facts_refresh(ids);
  end if;
  return null;
end
$fn$;

-- THE activity definitions: which audit-log entries count as a version written, a publication or
-- a withdrawal (null: none of them). Inlined where it is used.
create or replace function audit_activity_kind(operation text, outcome text) returns text language sql immutable as $fn$
select case
  when operation = 'syncProcessingActivities' and outcome in ('CREATED', 'UPDATED') then 'WRITTEN'
  when operation in ('publishProcessingActivity', 'scheduleProcessingActivityPublication') and outcome = 'CHANGED' then 'PUBLISHED'
  when (operation = 'withdrawProcessingActivity' and outcome = 'CHANGED') or (operation = 'syncProcessingActivities' and outcome = 'WITHDRAWN') then 'WITHDRAWN'
end
$fn$;

-- After every insert into the audit log (one call per statement, with the rows it inserted).
create or replace function audit_activity_track() returns trigger language plpgsql as $fn$
begin
  insert into audit_activity ${activityRowsSql('added')};
  return null;
end
$fn$;
`;
