/**
 * The one home of the dashboard's definitions: a record's current state, which Article 30
 * fields it misses, and its quality signals, as SQL over each record's NEWEST version.
 * Statistics count these facts and the internal listing filters on them, so a number on the
 * dashboard and the list of records behind it can never disagree.
 */

/**
 * A record's current state, from its withheld flag and its newest version:
 * WITHHELD when the record is withheld (whatever its versions say); otherwise the newest
 * version's status, with a PUBLISHED version whose publishFrom lies in the future counted as
 * SCHEDULED. (An older published version may still be public while a newer draft is worked on;
 * such a record counts as DRAFT here: the state is where the record's work stands.)
 */
export enum RecordState {
  DRAFT = 'DRAFT',
  UNDER_REVIEW = 'UNDER_REVIEW',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
  WITHHELD = 'WITHHELD',
}

/** Article 30 fields a record's newest version can miss (each defined in MISSING_SQL below). */
export enum Art30Field {
  PURPOSE = 'PURPOSE',
  LEGAL_BASIS = 'LEGAL_BASIS',
  DATA_SUBJECT_GROUP = 'DATA_SUBJECT_GROUP',
  DATA_ITEMS = 'DATA_ITEMS',
  RETENTION_PERIOD = 'RETENTION_PERIOD',
  UNPARSED_RETENTION = 'UNPARSED_RETENTION',
  RECIPIENTS = 'RECIPIENTS',
  TRANSFER_STATEMENT = 'TRANSFER_STATEMENT',
  CONTROLLER_CONTACT = 'CONTROLLER_CONTACT',
}

/** Each field's "missing" condition over the columns of FACTS_SQL (alias f). */
export const MISSING_SQL: Record<Art30Field, string> = {
  // No purpose at all.
  [Art30Field.PURPOSE]: `f.purposes = 0`,
  // No purpose, or a purpose without a legal basis.
  [Art30Field.LEGAL_BASIS]: `(f.purposes = 0 or f.purposes_without_basis > 0)`,
  [Art30Field.DATA_SUBJECT_GROUP]: `f.groups = 0`,
  // No group, or a group without data items.
  [Art30Field.DATA_ITEMS]: `(f.groups = 0 or f.groups_without_items > 0)`,
  // A data item without a retention text.
  [Art30Field.RETENTION_PERIOD]: `f.items_without_retention > 0`,
  // A data item whose retention text did not parse into a single rule.
  [Art30Field.UNPARSED_RETENTION]: `f.items_unparsed_retention > 0`,
  // No recipient, and not declared "no recipients" either.
  [Art30Field.RECIPIENTS]: `(f.recipients = 0 and f.recipients_none is not true)`,
  // Transfers outside the EU not answered, or answered yes with neither a transfer nor a statement.
  [Art30Field.TRANSFER_STATEMENT]: `(f.third_country_transfers is null or (f.third_country_transfers and f.transfers = 0 and coalesce(btrim(f.third_country_transfers_statement), '') = ''))`,
  // No controller with a functional e-mail address or telephone number; a record naming no controller
  // is the owning organisation's, so that organisation's e-mail address or telephone number counts.
  [Art30Field.CONTROLLER_CONTACT]: `not f.controller_contact`,
};

export const INCOMPLETE_SQL = `(${Object.values(MISSING_SQL).join(' or ')})`;

/** The newest version of each record in the organisations bound to the first two parameters (uuid[]; null for the whole register). */
const LATEST_SQL = `select a.id, a.organisation_id, a.reference, a.withheld, v.id version_id,
         v.title, v.status, v.publish_from, v.legal_role,
         greatest(a.updated_at, v.created_at, v.published_at, v.withdrawn_at) last_changed_at,
         v.third_country_transfers, v.third_country_transfers_statement, v.recipients_none, v.automated_decision_making,
         v.legal_basis_codes, v.special_category_codes, v.transfer_country_codes
    from processing_activity a
    join processing_activity_version v on v.activity_id = a.id and v.version_number = a.latest_version_number
   where (?::uuid[] is null or a.organisation_id = any(?::uuid[]))`;

/**
 * Fills version_facts for the newest versions (of the organisations bound to the two parameters)
 * that have none yet: the first statistics after a sync pay for the versions it wrote, once.
 * Child tables are aggregated per table over just those versions.
 */
export const FILL_VERSION_FACTS_SQL = `with pending as (
  select l.version_id from (${LATEST_SQL}) l left join version_facts f on f.version_id = l.version_id where f.version_id is null
), purposes as (
  select p.version_id, count(*) n, count(*) filter (where p.legal_basis_code is null) without_basis
    from purpose p where p.version_id in (select version_id from pending) group by p.version_id
), groups as (
  select g.version_id, count(distinct g.id) n,
         count(*) filter (where i.id is null) without_items,
         count(i.id) filter (where coalesce(btrim(i.retention_text), '') = '') without_retention,
         count(i.id) filter (where coalesce(btrim(i.retention_text), '') <> '' and jsonb_array_length(i.retention_rules) = 0) unparsed_retention
    from data_subject_group g left join data_item i on i.group_id = g.id
   where g.version_id in (select version_id from pending) group by g.version_id
), recipients as (
  select r.version_id, count(*) n from recipient r where r.version_id in (select version_id from pending) group by r.version_id
), transfers as (
  select t.version_id, count(*) n from third_country_transfer t where t.version_id in (select version_id from pending) group by t.version_id
), parties as (
  select p.version_id,
         bool_or(p.role = 'CONTROLLER') controller,
         bool_or(p.role = 'CONTROLLER' and (coalesce(btrim(p.email), '') <> '' or coalesce(btrim(p.phone), '') <> '')) controller_contact,
         bool_or(p.role = 'PROCESSOR') processor
    from processing_party p where p.version_id in (select version_id from pending) group by p.version_id
)
insert into version_facts (version_id, purposes, purposes_without_basis, groups, groups_without_items, items_without_retention,
                           items_unparsed_retention, recipients, transfers, controller, controller_contact, processor)
select x.version_id, coalesce(p.n, 0), coalesce(p.without_basis, 0), coalesce(g.n, 0), coalesce(g.without_items, 0), coalesce(g.without_retention, 0),
       coalesce(g.unparsed_retention, 0), coalesce(r.n, 0), coalesce(t.n, 0), coalesce(pa.controller, false), coalesce(pa.controller_contact, false), coalesce(pa.processor, false)
  from pending x
  left join purposes p on p.version_id = x.version_id
  left join groups g on g.version_id = x.version_id
  left join recipients r on r.version_id = x.version_id
  left join transfers t on t.version_id = x.version_id
  left join parties pa on pa.version_id = x.version_id
on conflict (version_id) do nothing`;

/**
 * Facts of every record in the organisations bound to the two parameters (uuid[]; null for the
 * whole register), from the newest version and its version_facts (fill them first). Columns: see
 * the select list.
 */
export const FACTS_SQL = `select l.id, l.organisation_id, l.reference, l.title, l.legal_role::text legal_role, l.last_changed_at,
       case when l.withheld then 'WITHHELD'
            when l.status = 'PUBLISHED' and l.publish_from > now() then 'SCHEDULED'
            else l.status::text end state,
       l.third_country_transfers, l.third_country_transfers_statement, l.recipients_none,
       l.automated_decision_making is true automated_decision_making,
       l.legal_basis_codes, l.special_category_codes,
       cardinality(l.special_category_codes) > 0 special_categories,
       (l.third_country_transfers is true or cardinality(l.transfer_country_codes) > 0 or coalesce(vf.transfers, 0) > 0) transfers_outside_eu,
       coalesce(vf.processor, false) processors_used,
       -- A record naming no controller is the owning organisation's: that organisation's contact data counts.
       coalesce(vf.controller_contact, false) or (not coalesce(vf.controller, false) and (coalesce(btrim(o.email), '') <> '' or coalesce(btrim(o.phone), '') <> '')) controller_contact,
       coalesce(vf.purposes, 0) purposes, coalesce(vf.purposes_without_basis, 0) purposes_without_basis,
       coalesce(vf.groups, 0) groups, coalesce(vf.groups_without_items, 0) groups_without_items,
       coalesce(vf.items_without_retention, 0) items_without_retention, coalesce(vf.items_unparsed_retention, 0) items_unparsed_retention,
       coalesce(vf.recipients, 0) recipients, coalesce(vf.transfers, 0) transfers,
       vf.version_id is null facts_pending
  from (${LATEST_SQL}) l
  join organisation o on o.id = l.organisation_id
  left join version_facts vf on vf.version_id = l.version_id`;

/** A uuid[] parameter as PostgreSQL's array literal (knex would spread a JS array into a list); null stays null. */
export const uuidArray = (ids: readonly string[] | null) => (ids ? `{${ids.join(',')}}` : null);

/** FACTS_SQL's two parameters for a set of organisations (null: the whole register). */
export const factsParams = (organisationIds: readonly string[] | null) => [uuidArray(organisationIds), uuidArray(organisationIds)];
