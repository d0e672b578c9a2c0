/**
 * The search side of the public read model (docs/performance.md, "Search"), kept by PostgreSQL
 * from the current rows of public_processing_activity_version, in the transaction that writes
 * them (the projector's, public-scope.ts):
 *
 * - public_search_posting (lexeme, activity_id, score): one row per word of each visible record's
 *   search vector, scored with ts_rank_cd(vector, that word) — exactly the rank a one-word search
 *   has always had. Ordered by (lexeme, score desc, activity_id), a page of a one-word search is
 *   the first rows of one index range.
 * - public_search_facet (lexeme, facet, key, records): per word, how many visible records have
 *   it in total ('T', key ''), per organisation ('O'), legal basis ('L'), special category ('S')
 *   and country of transfer ('C'); the word '' counts every visible record. The facets and the
 *   total of a one-word search are its rows. Rows that drop to 0 stay (readers skip them) until a
 *   rebuild.
 *
 * Statement triggers on the read model (transition tables) write the postings at once, and queue
 * the records' words and facet keys in public_search_pending; a deferred constraint trigger adds
 * them up once per transaction, at commit (public_search_flush has a row per transaction that
 * queued something), so a sync batch of 100 records updates each count row once, not 100 times
 * (a count row updated N times in one transaction leaves N versions its later updates must walk).
 * Counts are therefore only complete once the writing transaction commits.
 *
 * Installed by the migration that creates the tables; `create or replace` keeps it idempotent.
 */
export const PUBLIC_SEARCH_SQL = String.raw`
-- A lexeme as a one-word tsquery (no stemming: it is a lexeme already).
create or replace function public_search_lexeme(l text) returns tsquery language sql immutable strict parallel safe as $fn$
  select ('''' || replace(replace(l, '\', '\\'), '''', '''''') || '''')::tsquery
$fn$;

create or replace function public_search_track() returns trigger language plpgsql as $fn$
begin
  if TG_OP = 'TRUNCATE' then
    truncate public_search_posting, public_search_facet, public_search_pending;
    return null;
  end if;
  -- One statement per side (the projector's statements that change nothing cost as little as possible).
  -- A record's postings are those of its current row, and a record has one current row at a time:
  -- the postings of a current row that goes are all its record's postings (found by the record,
  -- one index range, instead of one lookup per word with its score computed again).
  if TG_OP = 'UPDATE' then
    -- A record current before and after (the projector rewrites its current row in place for a new
    -- public version): only what differs changes. A word's posting score, its one-word
    -- ts_rank_cd, depends on nothing but that word's weights in the vector (each occurrence counts
    -- its weight; positions, other words and the vector's length do not count): so the postings
    -- of the words whose weights are the same before and after stay as they are, and only the
    -- words the record lost or whose weights changed are deleted, and only the words it gained or
    -- whose weights changed are ranked and inserted. With the same organisation and codes its
    -- counts move by the words it lost and gained only, else by all of them. The other rows are
    -- handled as a delete and an insert.
    with kept as materialized (
      select g.activity_id, g.search_vector as old_vector, f.search_vector as new_vector,
             (g.organisation_id, g.legal_basis_codes, g.special_category_codes, g.transfer_country_codes)
               is not distinct from (f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes) as same_keys,
             g.organisation_id as old_organisation_id, g.legal_basis_codes as old_legal_basis_codes, g.special_category_codes as old_special_category_codes,
             g.transfer_country_codes as old_transfer_country_codes,
             f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes
        from gone g join fresh f on f.activity_id = g.activity_id and f.is_current
       where g.is_current
    ), old_words as materialized (
      select k.activity_id, u.lexeme, u.weights from kept k, unnest(k.old_vector) u
    ), new_words as materialized (
      select k.activity_id, u.lexeme, u.weights from kept k, unnest(k.new_vector) u
    ), lost as materialized (
      select activity_id, lexeme from old_words except select activity_id, lexeme from new_words
    ), gained as materialized (
      select activity_id, lexeme from new_words except select activity_id, lexeme from old_words
    ), reweighted as materialized (
      select o.activity_id, o.lexeme from old_words o join new_words n using (activity_id, lexeme) where o.weights is distinct from n.weights
    ), removed as (
      delete from public_search_posting p using (select * from lost union all select * from reweighted) r
       where p.activity_id = r.activity_id and p.lexeme = r.lexeme collate "C"
    ), added as (
      insert into public_search_posting (lexeme, activity_id, score)
      select w.lexeme, w.activity_id, ts_rank_cd(k.new_vector, public_search_lexeme(w.lexeme))
        from (select * from gained union all select * from reweighted) w join kept k on k.activity_id = w.activity_id
    ), queued as (
      insert into public_search_pending
      select -1, case when k.same_keys then array(select l.lexeme from lost l where l.activity_id = k.activity_id) else tsvector_to_array(k.old_vector) end,
             k.old_organisation_id, k.old_legal_basis_codes, k.old_special_category_codes, k.old_transfer_country_codes from kept k
      union all
      select 1, case when k.same_keys then array(select n.lexeme from gained n where n.activity_id = k.activity_id) else tsvector_to_array(k.new_vector) end,
             k.organisation_id, k.legal_basis_codes, k.special_category_codes, k.transfer_country_codes from kept k
    )
    insert into public_search_flush select txid_current() where exists (select 1 from kept) on conflict do nothing;
    -- The other rows, as a delete and an insert: the same statements as the DELETE and INSERT
    -- branches below, written out again because a statement naming "fresh" cannot run in a DELETE
    -- trigger (it has no such table), nor one naming "gone" in an INSERT trigger.
    with g as (select * from gone g where g.is_current and not exists (select 1 from fresh f where f.activity_id = g.activity_id and f.is_current)),
    postings as (
      delete from public_search_posting p using (select distinct g.activity_id from g) d where p.activity_id = d.activity_id),
    queued as (
      insert into public_search_pending
      select -1, tsvector_to_array(g.search_vector), g.organisation_id, g.legal_basis_codes, g.special_category_codes, g.transfer_country_codes from g)
    insert into public_search_flush select txid_current() where exists (select 1 from g) on conflict do nothing;
    with f as (select * from fresh f where f.is_current and not exists (select 1 from gone g where g.activity_id = f.activity_id and g.is_current)),
    postings as (
      insert into public_search_posting (lexeme, activity_id, score)
      select u.lexeme, f.activity_id, ts_rank_cd(f.search_vector, public_search_lexeme(u.lexeme)) from f, unnest(f.search_vector) u),
    queued as (
      insert into public_search_pending
      select 1, tsvector_to_array(f.search_vector), f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes from f)
    insert into public_search_flush select txid_current() where exists (select 1 from f) on conflict do nothing;
    return null;
  end if;
  if TG_OP = 'DELETE' then
    with g as (select * from gone where is_current),
    postings as (
      delete from public_search_posting p using (select distinct g.activity_id from g) d where p.activity_id = d.activity_id),
    queued as (
      insert into public_search_pending
      select -1, tsvector_to_array(g.search_vector), g.organisation_id, g.legal_basis_codes, g.special_category_codes, g.transfer_country_codes from g)
    insert into public_search_flush select txid_current() where exists (select 1 from g) on conflict do nothing;
  end if;
  if TG_OP = 'INSERT' then
    with f as (select * from fresh where is_current),
    postings as (
      insert into public_search_posting (lexeme, activity_id, score)
      select u.lexeme, f.activity_id, ts_rank_cd(f.search_vector, public_search_lexeme(u.lexeme)) from f, unnest(f.search_vector) u),
    queued as (
      insert into public_search_pending
      select 1, tsvector_to_array(f.search_vector), f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes from f)
    insert into public_search_flush select txid_current() where exists (select 1 from f) on conflict do nothing;
  end if;
  return null;
end
$fn$;

-- Adds the queued records to the counts: one upsert per (word, facet, key) for the whole queue.
create or replace function public_search_fold_pending() returns void language sql as $fn$
  with d as (delete from public_search_pending returning *)
  insert into public_search_facet as c (lexeme, facet, key, records)
  select w.lexeme, k.facet, k.key, sum(d.sign)
    from d
   cross join lateral (select '' union all select unnest(d.lexemes)) w(lexeme)
   cross join lateral (select 'T'::"char", ''::text
                       union all select 'O', d.organisation_id::text
                       union all select 'L', x from unnest(d.legal_basis_codes) x
                       union all select 'S', x from unnest(d.special_category_codes) x
                       union all select 'C', x from unnest(d.transfer_country_codes) x) k(facet, key)
   group by 1, 2, 3
  having sum(d.sign) <> 0
  on conflict (lexeme, facet, key) do update set records = c.records + excluded.records
$fn$;

create or replace function public_search_flush() returns trigger language plpgsql as $fn$
begin
  delete from public_search_flush where txid = NEW.txid;
  perform public_search_fold_pending();
  return null;
end
$fn$;

-- The search tables as the current rows of the read model make them (verify and rebuild).
create or replace function public_search_expected_postings() returns table (lexeme text, activity_id uuid, score real) language sql stable as $fn$
  select u.lexeme, f.activity_id, ts_rank_cd(f.search_vector, public_search_lexeme(u.lexeme))
    from public_processing_activity_version f, unnest(f.search_vector) u where f.is_current
$fn$;

create or replace function public_search_expected_facets() returns table (lexeme text, facet "char", key text, records integer) language sql stable as $fn$
  select w.lexeme, k.facet, k.key, count(*)::integer
    from public_processing_activity_version f
   cross join lateral (select '' union all select unnest(tsvector_to_array(f.search_vector))) w(lexeme)
   cross join lateral (select 'T'::"char", ''::text
                       union all select 'O', f.organisation_id::text
                       union all select 'L', x from unnest(f.legal_basis_codes) x
                       union all select 'S', x from unnest(f.special_category_codes) x
                       union all select 'C', x from unnest(f.transfer_country_codes) x) k(facet, key)
   where f.is_current
   group by 1, 2, 3
$fn$;

-- Rewrites both tables from the read model (public:rebuild, when verify found a difference).
create or replace function public_search_rewrite() returns void language plpgsql as $fn$
begin
  perform pg_advisory_xact_lock(7166361, 1);
  delete from public_search_posting;
  insert into public_search_posting select * from public_search_expected_postings();
  delete from public_search_facet;
  insert into public_search_facet select * from public_search_expected_facets() order by 1, 2, 3;
end
$fn$;
`;

/** The tables, their indexes and triggers (migration Migration20261210120000). */
export const PUBLIC_SEARCH_TABLES_SQL = [
  `create table "public_search_posting" ("lexeme" text collate "C" not null, "activity_id" uuid not null, "score" real not null);`,
  // fillfactor: count rows are updated in place all the time; room on the page keeps those updates HOT.
  `create table "public_search_facet" ("lexeme" text collate "C" not null, "facet" "char" not null, "key" text collate "C" not null, "records" integer not null, constraint "public_search_facet_pkey" primary key ("lexeme", "facet", "key")) with (fillfactor = 70);`,
  `create table "public_search_pending" ("sign" smallint not null, "lexemes" text[] not null, "organisation_id" uuid not null, "legal_basis_codes" text[] not null, "special_category_codes" text[] not null, "transfer_country_codes" text[] not null);`,
  `create table "public_search_flush" ("txid" bigint not null primary key);`,
];

/** A record's postings, removed together when its current row goes (public_search_track; added by Migration20261213110000). */
export const PUBLIC_SEARCH_POSTING_BY_RECORD_INDEX_SQL = `create index if not exists "public_search_posting_activity_idx" on "public_search_posting" ("activity_id");`;

export const PUBLIC_SEARCH_INDEXES_SQL = [
  `create index "public_search_posting_rank_idx" on "public_search_posting" ("lexeme", "score" desc, "activity_id");`,
  PUBLIC_SEARCH_POSTING_BY_RECORD_INDEX_SQL,
  // The register's words (prefix expansion): one entry per word.
  `create index "public_search_facet_word_idx" on "public_search_facet" ("lexeme") where facet = 'T' and key = '';`,
];

export const PUBLIC_SEARCH_TRIGGERS_SQL = [
  `create trigger "public_search_inserted" after insert on "public_processing_activity_version" referencing new table as fresh for each statement execute function public_search_track();`,
  `create trigger "public_search_deleted" after delete on "public_processing_activity_version" referencing old table as gone for each statement execute function public_search_track();`,
  `create trigger "public_search_updated" after update on "public_processing_activity_version" referencing old table as gone new table as fresh for each statement execute function public_search_track();`,
  `create trigger "public_search_truncated" after truncate on "public_processing_activity_version" for each statement execute function public_search_track();`,
  `create constraint trigger "public_search_flush" after insert on "public_search_flush" deferrable initially deferred for each row execute function public_search_flush();`,
];

/** Tables written by SQL only (never through entities); the schema diff leaves them alone. */
export const PUBLIC_SEARCH_TABLES = ['public_search_posting', 'public_search_facet', 'public_search_pending', 'public_search_flush'] as const;
