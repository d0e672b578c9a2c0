/**
 * The dashboard's definitions as conditions over record_facts (alias f), the read model with one
 * row per record holding its newest version's facts (the rule that computes them:
 * read-model.sql.ts). Statistics count these conditions and the internal listing filters on them,
 * so a number on the dashboard and the list of records behind it can never disagree.
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

/** Article 30 fields a record's newest version can miss (each defined in read-model.sql.ts). */
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

/** Each field's "missing" condition: a column of record_facts. */
export const MISSING_SQL = Object.fromEntries(Object.values(Art30Field).map((field) => [field, `f.missing_${field.toLowerCase()}`])) as Record<Art30Field, string>;

export const INCOMPLETE_SQL = `(${Object.values(MISSING_SQL).join(' or ')})`;

/**
 * Each state's condition, evaluated when asked: whether a published version is SCHEDULED or
 * PUBLISHED depends on the moment (now(), the statement's start), so it is not stored.
 */
export const STATE_SQL: Record<RecordState, string> = {
  [RecordState.WITHHELD]: `f.withheld`,
  [RecordState.SCHEDULED]: `(not f.withheld and f.status = 'PUBLISHED' and f.publish_from > now())`,
  [RecordState.PUBLISHED]: `(not f.withheld and f.status = 'PUBLISHED' and (f.publish_from is null or f.publish_from <= now()))`,
  [RecordState.DRAFT]: `(not f.withheld and f.status = 'DRAFT')`,
  [RecordState.UNDER_REVIEW]: `(not f.withheld and f.status = 'UNDER_REVIEW')`,
  [RecordState.WITHDRAWN]: `(not f.withheld and f.status = 'WITHDRAWN')`,
};

/** The state as one value (for a listing's rows). */
export const STATE_VALUE_SQL = `case ${Object.entries(STATE_SQL)
  .map(([state, condition]) => `when ${condition} then '${state}'`)
  .join(' ')} end`;

/** Quality signals: columns of record_facts; review due is computed when asked (it depends on the moment). */
export const QUALITY_SQL = {
  specialCategories: 'f.special_categories',
  transfersOutsideEu: 'f.transfers_outside_eu',
  automatedDecisionMaking: 'f.automated_decision_making',
  processorsUsed: 'f.processors_used',
} as const;

/**
 * The counters kept per organisation in organisation_tally (read-model.sql.ts), each a condition
 * counted once per record. Everything the statistics count except what depends on the moment:
 * `published` includes the SCHEDULED records (those are counted when asked, and subtracted), and
 * review due and the last change are read from record_facts' index when asked.
 */
export const TALLY_SQL = {
  records: 'true',
  withheld: STATE_SQL.WITHHELD,
  draft: STATE_SQL.DRAFT,
  under_review: STATE_SQL.UNDER_REVIEW,
  published: `(not f.withheld and f.status = 'PUBLISHED')`,
  withdrawn: STATE_SQL.WITHDRAWN,
  controller: `f.legal_role = 'CONTROLLER'`,
  processor: `f.legal_role = 'PROCESSOR'`,
  wpg_controller: `f.legal_role = 'WPG_CONTROLLER'`,
  ...(Object.fromEntries(Object.values(Art30Field).map((field) => [`missing_${field.toLowerCase()}`, MISSING_SQL[field]])) as Record<`missing_${Lowercase<Art30Field>}`, string>),
  complete: `not ${INCOMPLETE_SQL}`,
  special_categories: QUALITY_SQL.specialCategories,
  transfers_outside_eu: QUALITY_SQL.transfersOutsideEu,
  automated_decision_making: QUALITY_SQL.automatedDecisionMaking,
  processors_used: QUALITY_SQL.processorsUsed,
};
export type TallyColumn = keyof typeof TALLY_SQL;
export const TALLY_COLUMNS = Object.keys(TALLY_SQL) as TallyColumn[];

/** A uuid[] parameter as PostgreSQL's array literal (knex would spread a JS array into a list); null stays null. */
export const uuidArray = (ids: readonly string[] | null) => (ids ? `{${ids.join(',')}}` : null);
