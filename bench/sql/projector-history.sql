-- What a projection costs when records have a long history: gives 50 current records of the
-- bench register :hist older published versions each (inside a transaction that is rolled back),
-- projects them once, then times projections that change nothing, which is what the history adds
-- to every projection of such a record (docs/performance.md, "The projector follows what changed").
--   psql "$BENCH_DB_URL" -v hist=100 -f bench/sql/projector-history.sql
\set ON_ERROR_STOP on
\timing off
begin;
-- The versions are written without the triggers, and projected below in one call.
set local session_replication_role = replica;
create temp table history_ids on commit drop as
  select activity_id as id from public_processing_activity_version where is_current order by activity_id limit 50;
insert into processing_activity_version (id, activity_id, version_number, status, publish_from, published_at, created_at, content_hash, title, description, legal_role,
                                         legal_basis_codes, special_category_codes, transfer_country_codes, search_text, retention_rules)
select gen_random_uuid(), v.activity_id, -g, v.status, null, v.published_at - g * interval '1 day', v.created_at, v.content_hash, v.title || ' ' || g, v.description, v.legal_role,
       v.legal_basis_codes, v.special_category_codes, v.transfer_country_codes, v.search_text, v.retention_rules
  from public_processing_activity_version p join processing_activity_version v on v.id = p.version_id, generate_series(1, :hist) g
 where p.is_current and p.activity_id in (select id from history_ids);
set local session_replication_role = origin;
select public_register_project(array(select id from history_ids), true) as events_of_the_first_projection;
select count(*) as read_model_rows from public_processing_activity_version where activity_id in (select id from history_ids);
\timing on
select public_register_project(array(select id from history_ids)) as events;
select public_register_project(array(select id from history_ids)) as events;
select public_register_project(array(select id from history_ids)) as events;
select public_register_project(array(select id from history_ids)) as events;
select public_register_project(array(select id from history_ids)) as events;
rollback;
