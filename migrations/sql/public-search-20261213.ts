/**
 * The search side's functions exactly as Migration20261213110000 installed them (frozen: the
 * migrations up to that one install the functions they were written with; Migration20261215110000
 * and later install the current ones from src/modules/publication/search/search-index-sql.ts).
 */
export const PUBLIC_SEARCH_SQL_20261213 = String.raw`
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
  if TG_OP in ('DELETE', 'UPDATE') then
    with g as (select * from gone where is_current),
    postings as (
      delete from public_search_posting p using (select distinct g.activity_id from g) d where p.activity_id = d.activity_id),
    queued as (
      insert into public_search_pending
      select -1, tsvector_to_array(g.search_vector), g.organisation_id, g.legal_basis_codes, g.special_category_codes, g.transfer_country_codes from g)
    insert into public_search_flush select txid_current() where exists (select 1 from g) on conflict do nothing;
  end if;
  if TG_OP in ('INSERT', 'UPDATE') then
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
