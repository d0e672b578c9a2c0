/**
 * The columns of the two CSV downloads, each with what it holds: one definition that writes the
 * files and the documentation (docs/open-data.md lists these same names and descriptions).
 *
 * A cell that holds several items (purposes, recipients, …) joins them with LIST_SEPARATOR; empty
 * lists are empty cells; booleans are "true"/"false", unknown is an empty cell.
 */
export const LIST_SEPARATOR = ' | ';

/* eslint-disable @typescript-eslint/no-explicit-any -- records are the GraphQL answer's plain JSON */
type Node = any;

export interface CsvColumn<Row> {
  name: string;
  description: string;
  value(row: Row): string | number | boolean | null | undefined;
}

const list = (items: unknown[] | null | undefined): string => (items ?? []).filter((i) => i !== null && i !== undefined && i !== '').join(LIST_SEPARATOR);
const items = (activity: Node): Node[] => activity.dataSubjectGroups.flatMap((g: Node) => g.dataItems);

export const ACTIVITY_COLUMNS: CsvColumn<Node>[] = [
  { name: 'id', description: 'Global id of the record (the GraphQL `ProcessingActivity.id`).', value: (a) => a.id },
  { name: 'reference', description: "The organisation's own reference number, e.g. D2717.", value: (a) => a.reference },
  { name: 'title', description: 'Name of the processing activity.', value: (a) => a.title },
  { name: 'description', description: 'Description, as written.', value: (a) => a.description },
  { name: 'organisation', description: 'Name of the organisation whose register holds the record.', value: (a) => a.organisation.name },
  { name: 'organisation_id', description: 'Global id of that organisation.', value: (a) => a.organisation.id },
  { name: 'organisation_tooi', description: 'TOOI URI of that organisation, where known.', value: (a) => a.organisation.tooiUri },
  { name: 'shared_with', description: 'A shared record: names of the other organisations that adopted it and list it in their own register (empty when not shared).', value: (a) => list(a.sharedWith.map((o: Node) => o.name)) },
  { name: 'shared_with_ids', description: 'Global ids of those organisations, in the same order.', value: (a) => list(a.sharedWith.map((o: Node) => o.id)) },
  { name: 'legal_role', description: 'Always CONTROLLER in the public register.', value: (a) => a.legalRole },
  { name: 'version', description: 'Version number of the published content.', value: (a) => a.versionNumber },
  { name: 'published_at', description: 'When the record first became public (ISO 8601).', value: (a) => a.publishedAt },
  { name: 'updated_at', description: 'When its current version became public (ISO 8601).', value: (a) => a.updatedAt },
  { name: 'purposes', description: 'Purposes (doeleinden), as written.', value: (a) => list(a.purposes.map((p: Node) => p.description)) },
  { name: 'legal_bases', description: 'Legal basis of each purpose, as labels (same order as purposes; empty where none given).', value: (a) => a.purposes.map((p: Node) => p.legalBasis?.label ?? '').join(LIST_SEPARATOR) },
  { name: 'legal_basis_codes', description: 'The distinct legal-basis codes (GDPR Art. 6), e.g. PUBLIC_TASK.', value: (a) => list([...new Set(a.purposes.map((p: Node) => p.legalBasis?.code))]) },
  { name: 'statutory_references', description: 'Statutory references of the purposes (title, and URL in brackets where given).', value: (a) => list(a.purposes.flatMap((p: Node) => p.statutoryReferences.map((r: Node) => (r.url ? `${r.title} (${r.url})` : r.title)))) },
  { name: 'data_subject_groups', description: 'Groups of data subjects (betrokkenen).', value: (a) => list(a.dataSubjectGroups.map((g: Node) => g.description)) },
  { name: 'data_items', description: 'Personal data items of all groups (one row each in processing-activities-data-items.csv).', value: (a) => list(items(a).map((i: Node) => i.description)) },
  { name: 'special_categories', description: 'Special categories of personal data (GDPR Art. 9/10) processed, as labels.', value: (a) => list([...new Set(a.dataSubjectGroups.flatMap((g: Node) => g.specialCategories.map((c: Node) => c.label)))]) },
  { name: 'retention', description: 'Retention texts of the data items, as written.', value: (a) => list([...new Set(items(a).map((i: Node) => i.retention.text))]) },
  { name: 'recipients', description: 'Recipients (ontvangers).', value: (a) => list(a.recipients.map((r: Node) => r.description)) },
  { name: 'recipients_none', description: 'true when the record states there are no recipients.', value: (a) => a.recipientsNone },
  { name: 'third_country_transfers', description: 'true when data goes to a country outside the EU/EEA or an international organisation.', value: (a) => a.thirdCountryTransfers?.applies },
  { name: 'transfer_countries', description: 'Countries data goes to (ISO 3166-1 alpha-2).', value: (a) => list(a.thirdCountryTransfers?.transfers.map((t: Node) => t.country?.code)) },
  { name: 'transfer_safeguards', description: 'Safeguards of those transfers, as labels.', value: (a) => list(a.thirdCountryTransfers?.transfers.map((t: Node) => t.safeguard?.label)) },
  { name: 'automated_decision_making', description: 'true when automated decision-making (incl. profiling) takes place; empty when not stated.', value: (a) => a.automatedDecisionMaking?.applies },
  { name: 'controllers', description: 'Controllers (verwerkingsverantwoordelijken), by name.', value: (a) => list(a.controllers.map((c: Node) => c.name)) },
  { name: 'controller_roles', description: 'The role of each controller as written, e.g. burgemeester (same order as controllers; empty where none given).', value: (a) => a.controllers.map((c: Node) => c.roleDescription ?? '').join(LIST_SEPARATOR) },
  { name: 'processors', description: 'Processors (verwerkers), by name.', value: (a) => list(a.processors.map((p: Node) => p.name)) },
  { name: 'data_subject_rights', description: 'How data subjects exercise their rights, as written.', value: (a) => a.dataSubjectRights },
  { name: 'processing_location', description: 'Where the processing takes place, where stated.', value: (a) => a.processingLocation },
];

export interface DataItemRow {
  activity: Node;
  group: Node;
  item: Node;
}

const rules = (row: DataItemRow): Node[] => row.item.retention.rules;

export const DATA_ITEM_COLUMNS: CsvColumn<DataItemRow>[] = [
  { name: 'activity_id', description: 'Global id of the record the data item belongs to.', value: (r) => r.activity.id },
  { name: 'reference', description: "The record's reference number.", value: (r) => r.activity.reference },
  { name: 'title', description: "The record's title.", value: (r) => r.activity.title },
  { name: 'organisation', description: "Name of the record's organisation.", value: (r) => r.activity.organisation.name },
  { name: 'data_subject_group', description: 'The group of data subjects the item is about.', value: (r) => r.group.description },
  { name: 'special_categories', description: "Special categories of that group, as labels.", value: (r) => list(r.group.specialCategories.map((c: Node) => c.label)) },
  { name: 'data_item', description: 'The personal data item, as written.', value: (r) => r.item.description },
  { name: 'source', description: 'Where the data comes from, as written.', value: (r) => r.item.source?.description },
  { name: 'source_is_data_subject', description: 'true when the data subject provides the data.', value: (r) => r.item.source?.isDataSubject },
  { name: 'retention_text', description: 'Retention period (bewaartermijn), as written.', value: (r) => r.item.retention.text },
  { name: 'retention_kinds', description: 'Kind of each parsed retention rule (DURATION, SELECTION_LIST, …); empty when the text did not parse into a rule.', value: (r) => list(rules(r).map((x) => x.kind)) },
  { name: 'retention_durations', description: 'ISO 8601 duration of each parsed rule (e.g. P2Y), in the same order.', value: (r) => rules(r).map((x) => x.duration ?? '').join(LIST_SEPARATOR) },
  { name: 'retention_events', description: 'Event each rule counts from, in the same order.', value: (r) => rules(r).map((x) => x.eventTrigger ?? '').join(LIST_SEPARATOR) },
  { name: 'retention_valuations', description: 'V (destroy) or B (keep) per rule, in the same order.', value: (r) => rules(r).map((x) => x.valuation ?? '').join(LIST_SEPARATOR) },
  { name: 'retention_selection_lists', description: 'Selection list and process number per rule, in the same order.', value: (r) => rules(r).map((x) => [x.selectionList, x.processNumber].filter(Boolean).join(' ')).join(LIST_SEPARATOR) },
];

/** The data-item rows of one record, in the record's order. */
export function dataItemRows(activity: Node): DataItemRow[] {
  return activity.dataSubjectGroups.flatMap((group: Node) => group.dataItems.map((item: Node) => ({ activity, group, item })));
}
