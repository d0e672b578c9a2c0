-- The external peer's database side: views of the public read model in a schema of their own
-- (bench_peer), which PostGraphile turns into a GraphQL schema. The bench (bench/lib/postgraphile.ts)
-- runs this file before starting the peer; every statement is idempotent.
--
-- Same visibility rule as the API: the only way in is `activity`, the current rows of the read
-- model (public_processing_activity_version, where the projector decided what is public). The
-- nested views are reachable only through their relation from a visible version (their root
-- fields are switched off by @behavior), as the API's loaders are keyed by the versions a page read.
--
-- Views have no keys or constraints PostgreSQL can tell PostGraphile about, so smart comments
-- declare them: @primaryKey/@unique/@foreignKey for the relations, and @notNull on the key and
-- order columns. Without @notNull, PostGraphile's cursor condition must allow for NULLs in the
-- order columns, which PostgreSQL cannot answer from the (title, activity_id) index: it scans
-- every row before the cursor. Nested lists are ordered by their primary key
-- (parent id, position), which is the order the API answers in.

create schema if not exists bench_peer;

create or replace view bench_peer.organisation as
  select o.id, o.name from public.organisation o;
comment on view bench_peer.organisation is E'@primaryKey id\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.organisation.id is '@notNull';
comment on column bench_peer.organisation.name is '@notNull';

create or replace view bench_peer.activity as
  select v.activity_id, v.version_id, v.reference, v.title, v.description,
         greatest(v.published_at, v.publish_from) as updated_at, v.organisation_id, v.third_country_transfers
    from public.public_processing_activity_version v
   where v.is_current;
comment on view bench_peer.activity is E'@primaryKey activity_id\n@unique version_id\n@foreignKey (organisation_id) references bench_peer.organisation (id)';
comment on column bench_peer.activity.activity_id is '@notNull';
comment on column bench_peer.activity.version_id is '@notNull';
comment on column bench_peer.activity.title is '@notNull';
comment on column bench_peer.activity.reference is '@notNull';
comment on column bench_peer.activity.organisation_id is '@notNull';
comment on column bench_peer.activity.updated_at is '@notNull';

create or replace view bench_peer.legal_basis as
  select lb.code, lb.label_nl as label from public.legal_basis lb;
comment on view bench_peer.legal_basis is E'@primaryKey code\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.legal_basis.code is '@notNull';

create or replace view bench_peer.country as
  select c.code, c.name_nl as name from public.country c;
comment on view bench_peer.country is E'@primaryKey code\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.country.code is '@notNull';

create or replace view bench_peer.purpose as
  select p.version_id, p.position, p.description, p.legal_basis_code from public.purpose p;
comment on view bench_peer.purpose is E'@primaryKey version_id,position\n@foreignKey (version_id) references bench_peer.activity (version_id)\n@foreignKey (legal_basis_code) references bench_peer.legal_basis (code)\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.purpose.version_id is '@notNull';
comment on column bench_peer.purpose.position is '@notNull';

create or replace view bench_peer.data_subject_group as
  select g.id, g.version_id, g.position, g.description from public.data_subject_group g;
comment on view bench_peer.data_subject_group is E'@primaryKey version_id,position\n@unique id\n@foreignKey (version_id) references bench_peer.activity (version_id)\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.data_subject_group.id is '@notNull';
comment on column bench_peer.data_subject_group.version_id is '@notNull';
comment on column bench_peer.data_subject_group.position is '@notNull';

create or replace view bench_peer.data_item as
  select d.group_id, d.position, d.description, d.retention_text from public.data_item d;
comment on view bench_peer.data_item is E'@primaryKey group_id,position\n@foreignKey (group_id) references bench_peer.data_subject_group (id)\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.data_item.group_id is '@notNull';
comment on column bench_peer.data_item.position is '@notNull';

create or replace view bench_peer.recipient as
  select r.version_id, r.position, r.description from public.recipient r;
comment on view bench_peer.recipient is E'@primaryKey version_id,position\n@foreignKey (version_id) references bench_peer.activity (version_id)\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.recipient.version_id is '@notNull';
comment on column bench_peer.recipient.position is '@notNull';

create or replace view bench_peer.transfer as
  select t.version_id, t.position, t.recipient_name, t.country_code from public.third_country_transfer t;
comment on view bench_peer.transfer is E'@primaryKey version_id,position\n@foreignKey (version_id) references bench_peer.activity (version_id)\n@foreignKey (country_code) references bench_peer.country (code)\n@behavior -query:resource:list -query:resource:connection -query:resource:single -node';
comment on column bench_peer.transfer.version_id is '@notNull';
comment on column bench_peer.transfer.position is '@notNull';
