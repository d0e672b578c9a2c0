/**
 * The search side's functions exactly as Migration20261215100000 installed them (frozen: the
 * migrations up to that one install the functions they were written with; Migration20261216100000
 * and later install the current ones from src/modules/publication/search/search-index-sql.ts).
 */
export const PUBLIC_SEARCH_SQL_20261215 = String.raw`
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
    -- public version): only what differs changes. Its postings whose word or score differ are
    -- replaced; with the same organisation and codes its counts move by the words it lost and
    -- gained only, else by all of them. The other rows are handled as a delete and an insert.
    with kept as materialized (
      select g.activity_id, g.search_vector as old_vector, f.search_vector as new_vector,
             (g.organisation_id, g.legal_basis_codes, g.special_category_codes, g.transfer_country_codes)
               is not distinct from (f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes) as same_keys,
             g.organisation_id as old_organisation_id, g.legal_basis_codes as old_legal_basis_codes, g.special_category_codes as old_special_category_codes,
             g.transfer_country_codes as old_transfer_country_codes,
             f.organisation_id, f.legal_basis_codes, f.special_category_codes, f.transfer_country_codes
        from gone g join fresh f on f.activity_id = g.activity_id and f.is_current
       where g.is_current
    ), stored as materialized (
      select p.ctid as row_id, p.lexeme, p.activity_id, p.score from public_search_posting p where p.activity_id in (select k.activity_id from kept k)
    ), wanted as materialized (
      select u.lexeme collate "C" as lexeme, k.activity_id, ts_rank_cd(k.new_vector, public_search_lexeme(u.lexeme)) as score from kept k, unnest(k.new_vector) u
    ), removed as (
      delete from public_search_posting p using (select s.row_id from stored s left join wanted w using (activity_id, lexeme, score) where w.lexeme is null) r
       where p.ctid = r.row_id
    ), added as (
      insert into public_search_posting (lexeme, activity_id, score)
      select w.lexeme, w.activity_id, w.score from wanted w left join stored s using (activity_id, lexeme, score) where s.lexeme is null
    ), queued as (
      insert into public_search_pending
      select -1, case when k.same_keys then array(select unnest(tsvector_to_array(k.old_vector)) except select unnest(tsvector_to_array(k.new_vector))) else tsvector_to_array(k.old_vector) end,
             k.old_organisation_id, k.old_legal_basis_codes, k.old_special_category_codes, k.old_transfer_country_codes from kept k
      union all
      select 1, case when k.same_keys then array(select unnest(tsvector_to_array(k.new_vector)) except select unnest(tsvector_to_array(k.old_vector))) else tsvector_to_array(k.new_vector) end,
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
