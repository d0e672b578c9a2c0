import type { Knex } from '@mikro-orm/postgresql';

/**
 * THE publication rule, in one place, and the projector that applies it.
 *
 * A record is visible when it is not withheld, and its newest PUBLISHED version whose publish-from
 * moment has passed is a controller record (processor and Wpg records are never public). That
 * version is the record's current public version; its history is every PUBLISHED, in-force
 * controller version. Drafts, versions under review and withdrawn versions never are public.
 * (Choosing the newest version before filtering the role matters: filtering first would let an
 * older controller version of a record that became a processor record through.)
 *
 * A shared record (one that other organisations adopted, processing_activity_participant) is
 * listed by those organisations too; an adoption is public exactly while its record is visible
 * (public_scope_participants).
 *
 * The rule is applied by the projector only: `public_register_project(activity ids)` writes the
 * public read model (`public_processing_activity_version`, the public adoptions
 * `public_processing_activity_participant`, the change log `public_change` and the schedule of
 * future publish-from moments `public_schedule`). PostgreSQL calls it at commit of every
 * transaction that changes publication state — whatever wrote it: sync, the publication
 * mutations, adopting and leaving, the CLI, seeds, an organisation move, SQL by hand — through
 * deferred constraint triggers on processing_activity, processing_activity_version and
 * processing_activity_participant, so the read model is written in the same transaction. The scheduler (projector.ts) calls it for due publish-from moments, the
 * rebuild command for everything. Nothing else decides what is public: the public surface reads
 * the read model only.
 *
 * Installed by the migration that creates the read model (and re-installed by any migration that
 * changes the rule); `create or replace` keeps it idempotent.
 */
export const PUBLIC_SCOPE_SQL = String.raw`
-- The public rendering of one version's nested content (the document a mirror or an export reads
-- whole). Public columns only; related processings carry their reference, never the id of the
-- record they point to (that record may be hidden). A field without a value is left out rather
-- than stored as null: every page reads, sends and parses these documents, and half of their text
-- was keys of empty fields (readers take a missing field as null, public-document.ts).
-- with_retention_rules false leaves the data items' parsed retention rules out: the read model
-- keeps those in a column of their own (public_data_item_retention_rules), as they are a quarter of a
-- document's text and a page seldom shows them.
-- (Replaces the one-argument form, which a call with one argument would otherwise also match.)
drop function if exists public_document(uuid);
create or replace function public_document(vid uuid, with_retention_rules boolean default true) returns jsonb language sql stable as $fn$
select jsonb_strip_nulls(jsonb_build_object(
  'purposes', coalesce((select jsonb_agg(jsonb_build_object(
      'description', p.description, 'legalBasis', p.legal_basis_code, 'legalBasisExplanation', p.legal_basis_explanation,
      'statutoryReferences', coalesce((select jsonb_agg(jsonb_build_object('title', s.title, 'url', s.url) order by s.position) from statutory_reference s where s.purpose_id = p.id), '[]'))
    order by p.position) from purpose p where p.version_id = vid), '[]'),
  'dataSubjectGroups', coalesce((select jsonb_agg(jsonb_build_object(
      'description', g.description, 'noSpecialCategories', g.no_special_categories,
      'specialCategories', coalesce((select jsonb_agg(c.special_category_code order by c.special_category_code) from data_subject_group_special_category c where c.data_subject_group_id = g.id), '[]'),
      'dataItems', coalesce((select jsonb_agg(jsonb_build_object(
          'description', d.description, 'collectionPurpose', d.collection_purpose, 'retentionText', d.retention_text, 'retentionRules', case when with_retention_rules then d.retention_rules end,
          'sourceIsDataSubject', d.source_is_data_subject, 'sourceDescription', d.source_description, 'provisionObligatory', d.provision_obligatory,
          'provisionStatement', d.provision_statement, 'consequencesOfNotProviding', d.consequences_of_not_providing) order by d.position)
        from data_item d where d.group_id = g.id), '[]'))
    order by g.position) from data_subject_group g where g.version_id = vid), '[]'),
  'recipients', coalesce((select jsonb_agg(jsonb_build_object('description', r.description, 'explanation', r.explanation) order by r.position) from recipient r where r.version_id = vid), '[]'),
  'parties', coalesce((select jsonb_agg(jsonb_build_object(
      'role', p.role, 'name', p.name, 'roleDescription', p.role_description, 'kind', p.kind, 'organisationId', p.organisation_id, 'email', p.email, 'phone', p.phone,
      'visitingLine', p.visiting_line, 'visitingPostalCode', p.visiting_postal_code, 'visitingCity', p.visiting_city, 'visitingCountryCode', p.visiting_country_code,
      'postalLine', p.postal_line, 'postalPostalCode', p.postal_postal_code, 'postalCity', p.postal_city, 'postalCountryCode', p.postal_country_code)
    order by p.position) from processing_party p where p.version_id = vid), '[]'),
  'transfers', coalesce((select jsonb_agg(jsonb_build_object(
      'internationalOrganisation', t.international_organisation, 'recipientName', t.recipient_name, 'explanation', t.explanation,
      'countryCode', t.country_code, 'safeguardCode', t.safeguard_code) order by t.position) from third_country_transfer t where t.version_id = vid), '[]'),
  'relatedProcessings', coalesce((select jsonb_agg(jsonb_build_object('reference', r.reference, 'description', r.description) order by r.position)
    from related_processing r where r.version_id = vid), '[]')))
$fn$;

-- The parsed retention rules of one version's data items, aligned with its document: element g, i
-- is the list of rules of data item i of data-subject group g (both in document order). Fields
-- without a value are left out, as in the document.
create or replace function public_data_item_retention_rules(vid uuid) returns jsonb language sql stable as $fn$
select jsonb_strip_nulls(coalesce(jsonb_agg(coalesce((select jsonb_agg(d.retention_rules order by d.position) from data_item d where d.group_id = g.id), '[]') order by g.position), '[]'))
  from data_subject_group g where g.version_id = vid
$fn$;

-- A version's own words, as Dutch full-text search weighs them: title A, description B, the text
-- of its purposes, data-subject groups, data items and recipients C (search_text). Computed when
-- a version becomes a current public row, not stored with every version: most versions written
-- (drafts, and every version a newer one replaces) are never searched.
create or replace function public_version_vector(title text, description text, search_text text) returns tsvector language sql immutable parallel safe as $fn$
select setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(description, '')), 'B') || setweight(to_tsvector('dutch', coalesce(search_text, '')), 'C')
$fn$;

-- What public search finds a version by: the version's own vector (public_version_vector) and,
-- weighted lowest (D), the fields citizens look for besides: the names of its controllers and
-- processors and the sources of its data items. Without those the vector is the version's own.
create or replace function public_search_vector(vid uuid, own tsvector) returns tsvector language sql stable as $fn$
select coalesce(own, ''::tsvector) || setweight(to_tsvector('dutch', concat_ws(E'\n',
  (select string_agg(p.name, E'\n' order by p.position) from processing_party p where p.version_id = vid),
  (select string_agg(d.source_description, E'\n' order by g.position, d.position)
     from data_subject_group g join data_item d on d.group_id = g.id where g.version_id = vid and d.source_description is not null))), 'D')
$fn$;

-- A decision of the rule about one version: that it is public, whether it is its record's current
-- version, and under which organisation and reference, published when and from when.
do $do$ begin
  create type public_version_decision as (version_id uuid, activity_id uuid, is_current boolean, organisation_id uuid, reference text, published_at timestamptz, publish_from timestamptz);
exception when duplicate_object then null;
end $do$;

-- THE RULE: the public versions of these records (all records when ids is null) at the moment
-- "at", as decisions. is_current marks the version the public sees now.
-- from_versions (aligned with ids; null: all of them): decide the record's versions from this
-- version number on only. The projector passes its current public version's number for a record
-- whose only change since its last projection is new versions, numbered after that one: the
-- versions before it are decided as they were (their state did not change), and the record's
-- newest version in force is the current one or a newer one.
drop function if exists public_scope_decisions(uuid[], timestamptz);
create or replace function public_scope_decisions(ids uuid[], at timestamptz, from_versions integer[] default null) returns setof public_version_decision language sql stable as $fn$
with in_force as (
  -- The deciding columns only: a record may have hundreds of versions, and this is read twice.
  select v.id, v.activity_id, v.version_number, v.legal_role, v.published_at, v.publish_from from processing_activity_version v
   where ids is null
     and v.status = 'PUBLISHED' and v.published_at is not null and (v.publish_from is null or v.publish_from <= at)
  union all
  select v.id, v.activity_id, v.version_number, v.legal_role, v.published_at, v.publish_from
    from unnest(ids, from_versions) r(activity_id, from_version)
    join processing_activity_version v on v.activity_id = r.activity_id and v.version_number >= coalesce(r.from_version, -2147483648)
   where v.status = 'PUBLISHED' and v.published_at is not null and (v.publish_from is null or v.publish_from <= at)
), newest as (
  select distinct on (i.activity_id) i.activity_id, i.id, i.legal_role from in_force i order by i.activity_id, i.version_number desc
), visible as (
  select n.activity_id, n.id as current_id, a.organisation_id, a.reference
    from newest n join processing_activity a on a.id = n.activity_id
   where not a.withheld and n.legal_role = 'CONTROLLER'
)
select i.id, i.activity_id, i.id = s.current_id, s.organisation_id, s.reference, i.published_at, i.publish_from
  from in_force i join visible s on s.activity_id = i.activity_id
 where i.legal_role = 'CONTROLLER'
$fn$;

-- The rows of the read model for decisions of the rule (and for nothing else: this renders
-- whatever version it is given). Each version's public columns; only a current one carries the
-- pre-rendered document (its retention rules apart), the search vector (search finds current
-- versions only) and the retention rules, so projecting a record does not redo the work for every
-- version in its history. rendered_*: documents, vectors and rules already rendered, by version id
-- (the projector's, see there); a version's content never changes once written, so neither does
-- its rendering. The read model keeps documents as json, the text PostgreSQL sends as it is: every
-- page reads them, and writing jsonb out as text was most of a page's work in PostgreSQL. json has
-- no equality, so whole rows are compared as to_jsonb(row).
create or replace function public_version_rows(decisions public_version_decision[], rendered_ids uuid[] default null, rendered_documents json[] default null, rendered_vectors tsvector[] default null, rendered_rules json[] default null)
  returns setof public_processing_activity_version language sql stable as $fn$
select d.version_id, d.activity_id, d.is_current, d.organisation_id, d.reference, v.version_number, d.published_at, d.publish_from,
       v.title, v.description, v.legal_role, v.joint_controllership_arrangement,
       v.automated_decision_making, v.automated_decision_statement, v.automated_decision_logic, v.automated_decision_consequences,
       v.third_country_transfers, v.third_country_transfers_statement, v.transfer_safeguard_statement, v.recipients_none,
       v.related_processings_statement, v.data_subject_rights, v.processing_location,
       v.legal_basis_codes, v.special_category_codes, v.transfer_country_codes,
       case when d.is_current then coalesce(rendered_vectors[array_position(rendered_ids, d.version_id)], public_search_vector(d.version_id, public_version_vector(v.title, v.description, v.search_text))) end,
       case when d.is_current then coalesce(rendered_documents[array_position(rendered_ids, d.version_id)], public_document(d.version_id, false)::json) end,
       case when d.is_current then coalesce(rendered_rules[array_position(rendered_ids, d.version_id)], public_data_item_retention_rules(d.version_id)::json) end
  from unnest(decisions) d join processing_activity_version v on v.id = d.version_id
$fn$;

-- The rule's answer as rows of the read model (verify, and the bench's check of the projection).
-- (Replaces the earlier forms, which a call with fewer arguments would otherwise also match.)
drop function if exists public_scope_versions(uuid[], timestamptz, uuid[], jsonb[], tsvector[]);
drop function if exists public_scope_versions(uuid[], timestamptz, uuid[], jsonb[], tsvector[], uuid[]);
drop function if exists public_scope_versions(uuid[], timestamptz, uuid[], json[], tsvector[], json[], uuid[]);
create or replace function public_scope_versions(ids uuid[], at timestamptz) returns setof public_processing_activity_version language sql stable as $fn$
select f.* from public_version_rows(array(select d from public_scope_decisions(ids, at) d)) f
$fn$;

-- THE RULE for shared records: the organisations that adopted these visible records (ids: the
-- records visible now, i.e. the current decisions of public_scope_decisions), as rows of the public side
-- table. An adoption is public exactly while its record is; an adoption by the record's own
-- organisation (possible after a record moved to the organisation that had adopted it) is not one.
create or replace function public_scope_participants(visible uuid[]) returns setof public_processing_activity_participant language sql stable as $fn$
select p.activity_id, p.organisation_id
  from processing_activity_participant p join processing_activity a on a.id = p.activity_id
 where p.activity_id = any(visible) and p.organisation_id <> a.organisation_id
$fn$;

-- For the projector: per record of ids, the version number its projection may decide from (null:
-- its whole history). appended: the records whose only writes in the projecting transaction were new
-- published versions (the note triggers tell); such a record is decided from its current public
-- version on, unless a scheduled publish-from moment of one of its versions has passed (the
-- scheduler has yet to apply it: that version's decision changes by time alone).
create or replace function public_projection_from_versions(ids uuid[], appended uuid[], at timestamptz) returns integer[] language sql stable as $fn$
select array(
  select (select p.version_number from public_processing_activity_version p
           where p.activity_id = r.id and p.is_current and r.id = any(appended)
             and not exists (select 1 from public_schedule s where s.activity_id = r.id and s.publish_from <= at))
    from unnest(ids) with ordinality r(id, n) order by r.n)
$fn$;

-- The projector: brings the read model of these records up to date with the versions and their
-- adoptions, appends one change-log event per record whose current public version, organisation,
-- reference or set of adopting organisations changed (a tombstone, REMOVED, carries id,
-- organisation, reference and moment only), and keeps their future publish-from moments in
-- public_schedule. Answers the number of events.
--
-- A row of the read model is the rule's decision about a version (whether it is public, whether it
-- is current, under which organisation and reference, published when and from when) plus that
-- version's content, which never changes once written (only status, publish_from and published_at
-- of a version move: the triggers watch those). So the projector compares decisions, and renders
-- and writes only the rows whose decision changed: its work follows what changed, not the length of
-- a record's history. thorough (the rebuild) also compares every row whole, which corrects rows
-- whose rendering changed (a new public_document(), or content edited by hand).
drop function if exists public_register_project(uuid[]);
drop function if exists public_register_project(uuid[], boolean);
create or replace function public_register_project(ids uuid[], thorough boolean default false, appended uuid[] default null) returns integer language plpgsql as $fn$
declare
  at timestamptz := clock_timestamp();
  decided public_version_decision[];
  fresh public_processing_activity_version[];
  fresh_participants public_processing_activity_participant[];
  events integer;
  rendered_ids uuid[];
  rendered_documents json[];
  rendered_vectors tsvector[];
  rendered_rules json[];
  to_render public_version_decision[];
  from_versions integer[];
  to_write uuid[];
  to_replace_old uuid[];
  to_replace_new uuid[];
begin
  ids := array(select distinct i from unnest(ids) i where i is not null order by 1);
  if cardinality(ids) = 0 then return 0; end if;
  if thorough then appended := null; end if;
  -- Rendering the current versions' documents and search vectors is most of a projection's cost.
  -- It is done before the lock below (so concurrent writers render in parallel), for the versions
  -- that are current now but not in the read model as current (all of them when thorough). The
  -- rule is applied again under the lock, reusing these renderings by version id: what is public
  -- is decided under the lock, from what is committed then. The rule is applied once there, and
  -- the rows written are rendered from its decisions (public_version_rows), not decided again.
  -- (The floors are taken into a variable: as an argument in the statement they were computed
  -- twice. They are taken again under the lock, from what is committed then.)
  from_versions := public_projection_from_versions(ids, appended, at);
  select array_agg(d) into to_render from public_scope_decisions(ids, at, from_versions) d
   where d.is_current and (thorough or not exists (select 1 from public_processing_activity_version p where p.version_id = d.version_id and p.is_current));
  if cardinality(to_render) > 0 then
    select array_agg(f.version_id), array_agg(f.document), array_agg(f.search_vector), array_agg(f.data_item_retention_rules)
      into rendered_ids, rendered_documents, rendered_vectors, rendered_rules
      from public_version_rows(to_render) f;
  end if;
  -- Change-log positions must become visible in order: a mirror resumes after the last position it
  -- saw, so a smaller position committed later would be skipped. Projecting transactions take this
  -- lock at commit (deferred triggers) and hold it only until their commit is done.
  perform pg_advisory_xact_lock(7166361, 1);
  -- A record decided from its current public version on must stay visible under the same
  -- organisation and reference (a new version that is a processor's, say, removes it: then every
  -- record is decided whole).
  from_versions := public_projection_from_versions(ids, appended, at);
  select coalesce(array_agg(d), '{}') into decided from public_scope_decisions(ids, at, from_versions) d;
  if exists (select 1 from unnest(ids, from_versions) r(id, from_version)
              where r.from_version is not null
                and not exists (select 1 from unnest(decided) d join public_processing_activity_version p on p.activity_id = d.activity_id and p.is_current
                                 where d.activity_id = r.id and d.is_current and d.organisation_id = p.organisation_id and d.reference = p.reference)) then
    from_versions := null;
    select coalesce(array_agg(d), '{}') into decided from public_scope_decisions(ids, at) d;
  end if;
  if thorough then
    select coalesce(array_agg(f), '{}') into fresh from public_version_rows(decided, rendered_ids, rendered_documents, rendered_vectors, rendered_rules) f;
  end if;
  select coalesce(array_agg(p), '{}') into fresh_participants
    from public_scope_participants(array(select d.activity_id from unnest(decided) d where d.is_current)) p;

  insert into public_change (kind, activity_id, organisation_id, reference, version_id, occurred_at)
  select case when o.activity_id is null then 'PUBLISHED' when n.activity_id is null then 'REMOVED' else 'UPDATED' end,
         coalesce(n.activity_id, o.activity_id), coalesce(n.organisation_id, o.organisation_id), coalesce(n.reference, o.reference), n.version_id, at
    from (select * from unnest(decided) d where d.is_current) n
    full join (select * from public_processing_activity_version p where p.activity_id = any(ids) and p.is_current) o on o.activity_id = n.activity_id
   where o.activity_id is null or n.activity_id is null
      or (n.version_id, n.organisation_id, n.reference) is distinct from (o.version_id, o.organisation_id, o.reference)
      -- An adoption or a leave changes the listings of the organisations concerned: UPDATED.
      or array(select fp.organisation_id from unnest(fresh_participants) fp where fp.activity_id = n.activity_id order by 1)
         is distinct from array(select pp.organisation_id from public_processing_activity_participant pp where pp.activity_id = o.activity_id order by 1)
   order by coalesce(n.activity_id, o.activity_id);
  get diagnostics events = row_count;

  -- (Two statements: a NOT EXISTS under an OR is run once per row, not as one hashed anti-join.)
  -- The read model's rows of these records (from the versions their decisions start at), as
  -- decisions, are read once: the stored decisions the
  -- rule no longer makes are deleted, and the decisions no stored row stands for are the rows to
  -- render and write. (EXCEPT compares whole decisions, nulls alike.) A record whose current row
  -- gives way to another current row under the same organisation and reference (a new public
  -- version, a changed publish-from) keeps its row, rewritten in place: search's trigger then
  -- changes only the words and counts that differ between the two (search-index-sql.ts), not every
  -- word of the record twice. (A move or a new reference is deleted and inserted: rewriting rows in
  -- place could meet another record's row that still holds their key, as when two swap references.)
  with stored as materialized (
    select row(p.version_id, p.activity_id, p.is_current, p.organisation_id, p.reference, p.published_at, p.publish_from)::public_version_decision as decision
      from unnest(ids, from_versions) r(id, from_version)
      join public_processing_activity_version p on p.activity_id = r.id and p.version_number >= coalesce(r.from_version, -2147483648)
  ), gone_decisions as materialized (
    select s.decision from stored s except select d from unnest(decided) d
  ), new_decisions as materialized (
    select d as decision from unnest(decided) d except select s.decision from stored s
  ), replaced as materialized (
    select (g.decision).version_id as old_id, (n.decision).version_id as new_id
      from gone_decisions g join new_decisions n on (n.decision).activity_id = (g.decision).activity_id
     where (g.decision).is_current and (n.decision).is_current
       and (n.decision).organisation_id = (g.decision).organisation_id and (n.decision).reference = (g.decision).reference
  ), superseded as (
    delete from public_processing_activity_version p using gone_decisions g
     where p.version_id = (g.decision).version_id and p.version_id not in (select r.old_id from replaced r)
  )
  select (select array_agg((n.decision).version_id) from new_decisions n where (n.decision).version_id not in (select r.new_id from replaced r)),
         (select array_agg(r.old_id order by r.new_id) from replaced r), (select array_agg(r.new_id order by r.new_id) from replaced r)
    into to_write, to_replace_old, to_replace_new;
  if cardinality(to_replace_new) > 0 then
    update public_processing_activity_version p
       set (version_id, activity_id, is_current, organisation_id, reference, version_number, published_at, publish_from,
            title, description, legal_role, joint_controllership_arrangement,
            automated_decision_making, automated_decision_statement, automated_decision_logic, automated_decision_consequences,
            third_country_transfers, third_country_transfers_statement, transfer_safeguard_statement, recipients_none,
            related_processings_statement, data_subject_rights, processing_location,
            legal_basis_codes, special_category_codes, transfer_country_codes, search_vector, document, data_item_retention_rules) = row(f.*)
      from public_version_rows(array(select d from unnest(decided) d where d.version_id = any(to_replace_new)), rendered_ids, rendered_documents, rendered_vectors, rendered_rules) f
      join unnest(to_replace_old, to_replace_new) r(old_id, new_id) on r.new_id = f.version_id
     where p.version_id = r.old_id;
  end if;
  if thorough then
    -- Also the rows whose decision stands but whose content is not what the rule renders now.
    with redone as (
      delete from public_processing_activity_version p
       where p.activity_id = any(ids) and not exists (select 1 from unnest(fresh) f where f.version_id = p.version_id and to_jsonb(f) = to_jsonb(p))
      returning p.version_id
    )
    select coalesce(to_write, '{}') || array(select version_id from redone) into to_write;
  end if;
  if cardinality(to_write) > 0 then
    insert into public_processing_activity_version
    select f.* from public_version_rows(array(select d from unnest(decided) d where d.version_id = any(to_write)), rendered_ids, rendered_documents, rendered_vectors, rendered_rules) f;
  end if;

  delete from public_processing_activity_participant pp
   where pp.activity_id = any(ids)
     and not exists (select 1 from unnest(fresh_participants) fp where fp.activity_id = pp.activity_id and fp.organisation_id = pp.organisation_id);
  insert into public_processing_activity_participant
  select fp.* from unnest(fresh_participants) fp on conflict do nothing;

  delete from public_schedule s where s.activity_id = any(ids);
  insert into public_schedule (version_id, activity_id, publish_from)
  select v.id, v.activity_id, v.publish_from from processing_activity_version v
   where v.activity_id = any(ids) and v.status = 'PUBLISHED' and v.publish_from > at;

  -- API processes drop their response caches and re-read the schedule (response-cache.ts, projector.ts).
  perform pg_notify('public_register_changed', '');
  return events;
end
$fn$;

-- The records a transaction changed, noted as it writes them (immediate row triggers with the
-- same conditions as the deferred ones, installed by the migration that batches projection):
-- "<transaction id>:<id>,<id>,…" in a transaction-local setting, so a rolled-back savepoint takes
-- its notes with it. A record is noted once, however many of its rows the transaction writes (a
-- record deleted or withdrawn with hundreds of versions). Appending copies the list, so a
-- transaction that writes more than 1,000 such records stops noting ("<transaction id>:*") and
-- its records are projected one by one. The records written otherwise than by a new published
-- version numbered after all their others (a version's state changed or deleted, an older version
-- added, as an import of a record's history does, the record moved, withheld or deleted, an
-- adoption) are noted apart as well, in public_register.whole: their projection decides their
-- whole history; the others' from their current public version on (public_register_project).
create or replace function public_register_note() returns trigger language plpgsql as $fn$
declare
  xid text := pg_current_xact_id()::text;
  noted text := current_setting('public_register.pending', true);
  whole text := current_setting('public_register.whole', true);
  appended boolean;
  id uuid;
begin
  -- (Two statements: an expression naming a field the other table's row lacks fails even untaken.)
  if TG_TABLE_NAME = 'processing_activity' then
    id := coalesce(NEW.id, OLD.id);
  else
    id := coalesce(NEW.activity_id, OLD.activity_id);
  end if;
  appended := TG_TABLE_NAME = 'processing_activity_version' and TG_OP = 'INSERT';
  if appended then
    appended := NEW.version_number >= (select max(v.version_number) from processing_activity_version v where v.activity_id = NEW.activity_id);
  end if;
  if not appended then
    if whole is null or split_part(whole, ':', 1) <> xid then whole := xid || ':'; end if;
    if whole <> xid || ':*' and strpos(whole, id::text) = 0 then
      perform set_config('public_register.whole', case when length(whole) > 37000 then xid || ':*' else whole || id || ',' end, true);
    end if;
  end if;
  if noted is null or split_part(noted, ':', 1) <> xid then noted := xid || ':'; end if;
  if noted = xid || ':*' or strpos(noted, id::text) > 0 then return null; end if;
  perform set_config('public_register.pending', case when length(noted) > 37000 then xid || ':*' else noted || id || ',' end, true);
  return null;
end
$fn$;

-- Deferred constraint triggers call this at commit, once per written row that can change
-- publication state. The first call projects every record the transaction noted, in one call of
-- the projector (a sync batch of 100 records: one projection of 100 records, not 100 of one);
-- the others find nothing left and return. Without notes of this transaction (rows written where
-- the note triggers are not installed, or more than the notes hold), each call projects its own
-- row's record, as repeated calls for one record are cheap no-ops of the projector.
create or replace function public_register_track() returns trigger language plpgsql as $fn$
declare
  xid text := pg_current_xact_id()::text;
  noted text := current_setting('public_register.pending', true);
  whole text := current_setting('public_register.whole', true);
  ids uuid[];
begin
  if noted is not null and split_part(noted, ':', 1) = xid and noted <> xid || ':*' then
    if noted <> xid || ':' then
      perform set_config('public_register.pending', xid || ':', true);
      perform set_config('public_register.whole', xid || ':', true);
      ids := string_to_array(rtrim(split_part(noted, ':', 2), ','), ',')::uuid[];
      if whole is null or split_part(whole, ':', 1) <> xid then whole := xid || ':'; end if;
      perform public_register_project(ids, false, case when whole = xid || ':*' then '{}' else array(select i from unnest(ids) i where strpos(whole, i::text) = 0) end);
    end if;
  elsif TG_TABLE_NAME = 'processing_activity' then
    perform public_register_project(array[coalesce(NEW.id, OLD.id)]);
  else
    perform public_register_project(array[coalesce(NEW.activity_id, OLD.activity_id)]);
  end if;
  return null;
end
$fn$;
`;

/**
 * The next moment at which the public register changes by time alone: the earliest scheduled
 * publish-from still in the future. Whatever is derived from the register at `now` (e.g. a cached
 * response) is stale from then on. Null when nothing is scheduled.
 */
export async function nextScheduledPublication(knex: Knex, now: Date): Promise<Date | null> {
  const [row] = await knex.from('public_schedule').where('publish_from', '>', now).min({ next: 'publish_from' });
  return row?.next ? new Date(row.next) : null;
}
