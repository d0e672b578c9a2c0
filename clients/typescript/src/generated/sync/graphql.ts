/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Weeks start on Monday; both are in UTC. */
export type ActivityInterval =
  | 'MONTH'
  | 'WEEK';

/** A record, by global id, or by reference number within an organisation (default: the token's organisation). */
export type ActivityRefInput = {
  id?: string | null | undefined;
  organisation?: OrganisationRefInput | null | undefined;
  reference?: string | null | undefined;
};

export type AddressContentInput = {
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2. */
  countryCode?: string | null | undefined;
  line: string;
  postalCode?: string | null | undefined;
};

export type AdoptProcessingActivityInput = {
  /** The shared record: by its global id (the public one), or by its owner and reference, e.g. { organisation: { id: … }, reference: "GEM-CHATBOT" }. A record of an organisation outside the token's scope can be named once it is public. */
  activity: ActivityRefInput;
  /** The organisation that adopts it; default the token's own. Any organisation within the token's scope. */
  participant?: OrganisationRefInput | null | undefined;
};

/** An Article 30 field a record's newest version can miss. */
export type Art30Field =
  /** No controller with a functional e-mail address or telephone number. */
  | 'CONTROLLER_CONTACT'
  /** No data-subject group, or a group without data items. */
  | 'DATA_ITEMS'
  /** No data-subject group. */
  | 'DATA_SUBJECT_GROUP'
  /** No purpose, or a purpose without a legal basis. */
  | 'LEGAL_BASIS'
  /** No purpose. */
  | 'PURPOSE'
  /** No recipient, and not declared to have none (recipientsNone). */
  | 'RECIPIENTS'
  /** A data item without a retention text. */
  | 'RETENTION_PERIOD'
  /** Transfers outside the EU not answered, or answered yes with neither a transfer nor a statement. */
  | 'TRANSFER_STATEMENT'
  /** A data item whose retention text did not parse into a retention rule. */
  | 'UNPARSED_RETENTION';

export type AttachmentContentInput = {
  /** ISO 8601 date (YYYY-MM-DD) or date-time as the source has it (e.g. 2018-11-01T08:47:02); kept verbatim. */
  date?: string | null | undefined;
  description?: string | null | undefined;
  name: string;
  versionLabel?: string | null | undefined;
};

export type ContactPersonContentInput = {
  email?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
  role?: string | null | undefined;
};

export type DpiaScreeningContentInput = {
  /** Further screening questions: question → true, false, a text or null. */
  answers?: Record<string, unknown> | null | undefined;
  automatedProfiling?: boolean | null | undefined;
  conclusion?: string | null | undefined;
  dpiaPerformed?: boolean | null | undefined;
  largeScale?: boolean | null | undefined;
};

export type InternalContentInput = {
  attachments?: Array<AttachmentContentInput>;
  contactPersons?: Array<ContactPersonContentInput>;
  dpiaScreening?: DpiaScreeningContentInput | null | undefined;
  remarks?: Array<string>;
  security?: SecurityContentInput | null | undefined;
  systems?: Array<SystemContentInput>;
};

/** Filters of the internal record listing; every filter given narrows the list. The definitions are those of the statistics. */
export type InternalRecordFilter = {
  /** Records changed at or after this moment. */
  changedSince?: string | null | undefined;
  /** true: records missing any Article 30 field; false: complete records. */
  incomplete?: boolean | null | undefined;
  legalBasis?: LegalBasisCode | null | undefined;
  /** Records missing this Article 30 field. */
  missing?: Art30Field | null | undefined;
  /** true: records with any special category; false: records with none. */
  specialCategories?: boolean | null | undefined;
  specialCategory?: SpecialCategoryCode | null | undefined;
  /** Records in one of these states. */
  states?: Array<RecordState> | null | undefined;
};

export type LeaveProcessingActivityInput = {
  /** The adopted record, named as for adoptProcessingActivity (an adopted record can be named also when it is no longer public). */
  activity: ActivityRefInput;
  /** The organisation that stops listing it; default the token's own. Any organisation within the token's scope. */
  participant?: OrganisationRefInput | null | undefined;
};

/** AVG art. 6(1) legal bases. */
export type LegalBasisCode =
  | 'CONSENT'
  | 'CONTRACT'
  | 'LEGAL_OBLIGATION'
  | 'LEGITIMATE_INTERESTS'
  | 'PUBLIC_TASK'
  | 'VITAL_INTERESTS';

/** An organisation, by exactly one of: global id, TOOI URI or OIN. */
export type OrganisationRefInput = {
  id?: string | null | undefined;
  oin?: string | null | undefined;
  tooiUri?: string | null | undefined;
};

export type PublishProcessingActivityInput = {
  activity: ActivityRefInput;
  /** Refuse with STALE_VERSION if the record is no longer at this version. */
  baseVersion?: number | null | undefined;
  /** Not visible to the public before this moment; null = at once. */
  publishFrom?: string | null | undefined;
  /** Which version to publish; default the newest. */
  version?: number | null | undefined;
};

export type RecordOutcome =
  | 'CREATED'
  | 'FAILED'
  | 'UNCHANGED'
  | 'UPDATED'
  | 'WITHDRAWN';

/** A record's current state, from its withheld flag and its NEWEST version (whatever its status): WITHHELD when the record is withheld; otherwise the newest version's status, where a PUBLISHED version whose publishFrom lies in the future counts as SCHEDULED. A record whose newest version is a draft counts as DRAFT even while an older version is public. */
export type RecordState =
  /** The newest version is a draft (InBewerking). */
  | 'DRAFT'
  /** The newest version is published and visible (publishFrom passed or none). */
  | 'PUBLISHED'
  /** The newest version is published, from a moment still to come (publishFrom in the future). */
  | 'SCHEDULED'
  /** The newest version awaits review or adoption. */
  | 'UNDER_REVIEW'
  /** The newest version is withdrawn (Vervallen). */
  | 'WITHDRAWN'
  /** The record is withheld from the public, whatever its versions say. */
  | 'WITHHELD';

export type RelatedProcessingContentInput = {
  description?: string | null | undefined;
  organisationTooi?: string | null | undefined;
  reference: string;
};

/** What REPLACE reconciles. */
export type ReplaceScope =
  /** The batch's organisation: its records absent from the batch are withdrawn. */
  | 'ORGANISATION'
  /** The batch's organisation and all its sub-organisations: every record of the tree absent from the batch is withdrawn. */
  | 'SUBTREE';

export type SchedulePublicationInput = {
  activity: ActivityRefInput;
  baseVersion?: number | null | undefined;
  /** The moment from which the public sees this version. */
  publishFrom: string;
  version?: number | null | undefined;
};

export type SecurityContentInput = {
  access?: Array<string>;
  electronicChannels?: Array<string>;
  encryption?: string | null | undefined;
  explanation?: string | null | undefined;
  hasMeasures?: boolean | null | undefined;
  measures?: Array<string>;
  pseudonymisation?: string | null | undefined;
};

/** AVG art. 9 and 10 categories, and the BSN. */
export type SpecialCategoryCode =
  | 'BIOMETRIC_DATA'
  | 'CRIMINAL_DATA'
  | 'GENETIC_DATA'
  | 'HEALTH_DATA'
  | 'NATIONAL_IDENTIFICATION_NUMBER'
  | 'POLITICAL_OPINIONS'
  | 'RACIAL_OR_ETHNIC_ORIGIN'
  | 'RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS'
  | 'SEX_LIFE_OR_SEXUAL_ORIENTATION'
  | 'TRADE_UNION_MEMBERSHIP';

export type StatutoryReferenceContentInput = {
  /** e.g. "Wet open overheid, artikel 2.5" */
  title: string;
  url?: string | null | undefined;
};

export type SyncAutomatedDecisionMakingInput = {
  /** Required: a record without it fails alone with REQUIRED. */
  applies?: boolean | null | undefined;
  consequences?: string | null | undefined;
  logic?: string | null | undefined;
  statement?: string | null | undefined;
};

export type SyncDataItemInput = {
  collectionPurpose?: string | null | undefined;
  consequencesOfNotProviding?: string | null | undefined;
  /** Persoonsgegevens. Required: a record without it fails alone with REQUIRED. */
  description?: string | null | undefined;
  provisionObligatory?: boolean | null | undefined;
  provisionStatement?: string | null | undefined;
  /** Bewaartermijn, verbatim (or an ISO 8601 duration such as P6M). */
  retentionText?: string | null | undefined;
  sourceDescription?: string | null | undefined;
  sourceIsDataSubject?: boolean | null | undefined;
};

export type SyncDataSubjectGroupInput = {
  dataItems?: Array<SyncDataItemInput>;
  /** Betrokkene(n). Required: a record without it fails alone with REQUIRED. */
  description?: string | null | undefined;
  /** Explicitly answered: no special categories. */
  noSpecialCategories?: boolean | null | undefined;
  /** A SpecialCategoryCode code or its Dutch label (e.g. "HEALTH_DATA" or "Gezondheid"); an unknown value fails the record with INVALID_CODE and a suggestion. */
  specialCategories?: Array<string>;
};

export type SyncMode =
  | 'REPLACE'
  | 'UPSERT';

export type SyncPartyInput = {
  email?: string | null | undefined;
  kind?: string | null | undefined;
  /** Required: a record without it fails alone with REQUIRED. */
  name?: string | null | undefined;
  organisationOin?: string | null | undefined;
  organisationTooi?: string | null | undefined;
  phone?: string | null | undefined;
  postalAddress?: AddressContentInput | null | undefined;
  /** The role in which the party acts, as written, e.g. "burgemeester", "college van burgemeester en wethouders" or "gemeenteraad": list each controller of a processing with its own role. */
  roleDescription?: string | null | undefined;
  visitingAddress?: AddressContentInput | null | undefined;
};

export type SyncProcessingActivitiesInput = {
  /** Write everything or nothing: one failing record rolls back the whole batch. */
  allOrNothing?: boolean;
  /** Required (true) for REPLACE with no records, which withdraws every record of the organisation; without it such a batch is refused with CONFIRMATION_REQUIRED. */
  confirmWithdrawAll?: boolean;
  /** Validate and report what would happen, without writing anything. */
  dryRun?: boolean;
  /** Retrying with the same key returns the first answer without writing again (per organisation, at most 200 characters). */
  idempotencyKey?: string | null | undefined;
  mode?: SyncMode;
  /** Whose records these are; default the token's organisation. Must be within the token's scope. */
  organisation?: OrganisationRefInput | null | undefined;
  /** At most 500 records. */
  records: Array<SyncRecordInput>;
  /** With REPLACE: withdraw the absent records of the batch's organisation only (default), or of its whole subtree (SUBTREE: one batch for a whole organisation tree, its records naming their units). */
  replaceScope?: ReplaceScope;
};

export type SyncPurposeInput = {
  /** Required: a record without it fails alone with REQUIRED. */
  description?: string | null | undefined;
  /** A LegalBasisCode code or its Dutch label (e.g. "LEGAL_OBLIGATION" or "Wettelijke verplichting"); an unknown value fails the record with INVALID_CODE and a suggestion. */
  legalBasis?: string | null | undefined;
  legalBasisExplanation?: string | null | undefined;
  statutoryReferences?: Array<StatutoryReferenceContentInput>;
};

export type SyncRecipientInput = {
  /** Required: a record without it fails alone with REQUIRED. */
  description?: string | null | undefined;
  explanation?: string | null | undefined;
};

/** One record: the organisation's own reference number, the content of RecordContent, and write options. Problems of one record fail that record only. */
export type SyncRecordInput = {
  /** null = not answered. */
  automatedDecisionMaking?: SyncAutomatedDecisionMakingInput | null | undefined;
  /** The version this change is based on (0 for a record you expect to be new). A record that moved on refuses the change with STALE_VERSION. */
  baseVersion?: number | null | undefined;
  controllers?: Array<SyncPartyInput>;
  dataSubjectGroups?: Array<SyncDataSubjectGroupInput>;
  dataSubjectRights?: string | null | undefined;
  description?: string | null | undefined;
  internal?: InternalContentInput | null | undefined;
  jointControllershipArrangement?: string | null | undefined;
  /** CONTROLLER, PROCESSOR or WPG_CONTROLLER (see LegalRole). Required: a record without it fails alone with REQUIRED. A misspelt value fails it with INVALID_CODE. */
  legalRole?: string | null | undefined;
  processingLocation?: string | null | undefined;
  processors?: Array<SyncPartyInput>;
  /** Publish the resulting version; the Article 30 fields and the publication lint then apply. */
  publish?: boolean;
  /** With publish: not visible to the public before this moment. */
  publishFrom?: string | null | undefined;
  purposes?: Array<SyncPurposeInput>;
  recipients?: Array<SyncRecipientInput>;
  /** True when the register states explicitly that there are no recipients. */
  recipientsNone?: boolean | null | undefined;
  /** The organisation's own reference number, e.g. D2717: the key of the record. */
  reference: string;
  relatedProcessings?: Array<RelatedProcessingContentInput>;
  relatedProcessingsStatement?: string | null | undefined;
  /** Bewaartermijn stated once for the whole record, verbatim (or an ISO 8601 duration such as P6M): it applies to every data item whose retentionText is null, and is shown so publicly. */
  retentionText?: string | null | undefined;
  /** Bron stated once for the whole record: it applies, with sourceIsDataSubject, to every data item that gives neither sourceDescription nor sourceIsDataSubject. */
  sourceDescription?: string | null | undefined;
  /** With sourceDescription: true when the data subjects provide the data themselves. */
  sourceIsDataSubject?: boolean | null | undefined;
  /** null = not answered. */
  thirdCountryTransfers?: SyncThirdCountryTransfersInput | null | undefined;
  /** Omschrijving / Naam. Required: a record without it fails alone with REQUIRED. */
  title?: string | null | undefined;
  /** The organisation this record belongs to, when it is not the batch's: any organisation within the token's scope, so one batch can carry a whole tree. Unknown or out of scope fails the record with NOT_FOUND. A record whose unit has no record with its reference, while exactly one other unit of the batch organisation's tree has one, is that record moving: same id and history, a new version in this unit. */
  unit?: SyncUnitRefInput | null | undefined;
};

export type SyncThirdCountryTransfersInput = {
  /** Required: a record without it fails alone with REQUIRED. */
  applies?: boolean | null | undefined;
  safeguardStatement?: string | null | undefined;
  statement?: string | null | undefined;
  transfers?: Array<SyncTransferInput>;
};

export type SyncTransferInput = {
  /** ISO 3166-1 alpha-2, e.g. "US". Either this or internationalOrganisation. */
  countryCode?: string | null | undefined;
  explanation?: string | null | undefined;
  internationalOrganisation?: string | null | undefined;
  /** Required: a record without it fails alone with REQUIRED. */
  recipientName?: string | null | undefined;
  /** A TransferSafeguardCode code or its Dutch label (e.g. "SCC_COMMISSION" or "Adequaatheidsbesluit"); an unknown value fails the record with INVALID_CODE and a suggestion. */
  safeguard?: string | null | undefined;
};

/** The organisation (unit) a record belongs to: exactly one of its global id (or the UUID organisation:list prints), TOOI URI, OIN or name. It must be within the token's scope; a name is unique among siblings, and one that several organisations in scope share fails the record with AMBIGUOUS. */
export type SyncUnitRefInput = {
  id?: string | null | undefined;
  /** The exact name, in any case, e.g. "Afdeling Burgerzaken". */
  name?: string | null | undefined;
  oin?: string | null | undefined;
  tooiUri?: string | null | undefined;
};

export type SystemContentInput = {
  description?: string | null | undefined;
  name: string;
};

export type UnwithholdProcessingActivityInput = {
  activity: ActivityRefInput;
  baseVersion?: number | null | undefined;
  /** Kept in the audit log. */
  explanation?: string | null | undefined;
};

export type WithdrawProcessingActivityInput = {
  activity: ActivityRefInput;
  baseVersion?: number | null | undefined;
};

export type WithheldReason =
  | 'NATIONAL_SECURITY'
  | 'OTHER'
  | 'PROCESSOR_RECORD'
  | 'WPG_RECORD';

export type WithholdProcessingActivityInput = {
  activity: ActivityRefInput;
  baseVersion?: number | null | undefined;
  /** Kept in the audit log. */
  explanation?: string | null | undefined;
  reason: WithheldReason;
};

export type AdoptionPayloadFieldsFragment = { activityId: string | null, adopted: boolean, adoptedAt: string | null, changed: boolean, owner: { id: string, name: string } | null, participant: { id: string, name: string } | null, errors: Array<{ path: Array<string>, code: string, message: string }> };

export type AdoptProcessingActivityMutationVariables = Exact<{
  input: AdoptProcessingActivityInput;
}>;


export type AdoptProcessingActivityMutation = { adoptProcessingActivity: { activityId: string | null, adopted: boolean, adoptedAt: string | null, changed: boolean, owner: { id: string, name: string } | null, participant: { id: string, name: string } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type LeaveProcessingActivityMutationVariables = Exact<{
  input: LeaveProcessingActivityInput;
}>;


export type LeaveProcessingActivityMutation = { leaveProcessingActivity: { activityId: string | null, adopted: boolean, adoptedAt: string | null, changed: boolean, owner: { id: string, name: string } | null, participant: { id: string, name: string } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type AdoptionsQueryVariables = Exact<{
  organisation?: OrganisationRefInput | null | undefined;
  includeSubOrganisations?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdoptionsQuery = { adoptions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ activityId: string, reference: string, adoptedAt: string, isPublic: boolean, publicTitle: string | null, owner: { id: string, name: string }, participant: { id: string, name: string } }> } };

export type StatisticsSummaryFieldsFragment = { records: number, publishedPercentage: number | null, lastChangedAt: string | null, completeRecords: number, incompleteRecords: number, byState: { draft: number, underReview: number, scheduled: number, published: number, withdrawn: number, withheld: number }, byLegalRole: { controller: number, processor: number, wpgController: number }, missing: Array<{ field: Art30Field, records: number }>, quality: { reviewDue: number, specialCategories: number, transfersOutsideEu: number, automatedDecisionMaking: number, processorsUsed: number } };

export type RegisterStatisticsQueryVariables = Exact<{
  organisation?: OrganisationRefInput | null | undefined;
  reviewAfterMonths?: number;
  activityInterval?: ActivityInterval;
  activityFrom?: string | null | undefined;
  activityTo?: string | null | undefined;
}>;


export type RegisterStatisticsQuery = { statistics: { reviewAfterMonths: number, total: { records: number, publishedPercentage: number | null, lastChangedAt: string | null, completeRecords: number, incompleteRecords: number, byState: { draft: number, underReview: number, scheduled: number, published: number, withdrawn: number, withheld: number }, byLegalRole: { controller: number, processor: number, wpgController: number }, missing: Array<{ field: Art30Field, records: number }>, quality: { reviewDue: number, specialCategories: number, transfersOutsideEu: number, automatedDecisionMaking: number, processorsUsed: number } }, organisations: Array<{ parentId: string | null, organisation: { id: string, name: string, abbreviation: string | null }, own: { records: number, publishedPercentage: number | null, lastChangedAt: string | null, completeRecords: number, incompleteRecords: number, byState: { draft: number, underReview: number, scheduled: number, published: number, withdrawn: number, withheld: number }, byLegalRole: { controller: number, processor: number, wpgController: number }, missing: Array<{ field: Art30Field, records: number }>, quality: { reviewDue: number, specialCategories: number, transfersOutsideEu: number, automatedDecisionMaking: number, processorsUsed: number } }, withSubOrganisations: { records: number, publishedPercentage: number | null, lastChangedAt: string | null, completeRecords: number, incompleteRecords: number, byState: { draft: number, underReview: number, scheduled: number, published: number, withdrawn: number, withheld: number }, byLegalRole: { controller: number, processor: number, wpgController: number }, missing: Array<{ field: Art30Field, records: number }>, quality: { reviewDue: number, specialCategories: number, transfersOutsideEu: number, automatedDecisionMaking: number, processorsUsed: number } } }>, activity: Array<{ periodStart: string, versionsWritten: number, published: number, withdrawn: number }> } };

export type IncompleteRecordsQueryVariables = Exact<{
  organisation?: OrganisationRefInput | null | undefined;
  field: Art30Field;
  includeSubOrganisations?: boolean;
  first?: number;
  after?: string | null | undefined;
}>;


export type IncompleteRecordsQuery = { processingActivities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, reference: string, organisation: { name: string }, facts: { state: RecordState, title: string, lastChangedAt: string, missing: Array<Art30Field> } | null }> } };

export type FilteredRecordsQueryVariables = Exact<{
  organisation?: OrganisationRefInput | null | undefined;
  includeSubOrganisations?: boolean;
  filter?: InternalRecordFilter | null | undefined;
  first?: number;
  after?: string | null | undefined;
}>;


export type FilteredRecordsQuery = { processingActivities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, reference: string, withheld: boolean, latestVersionNumber: number, facts: { state: RecordState, title: string, lastChangedAt: string, missing: Array<Art30Field> } | null }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { tokenPrefix: string, tokenName: string, scopes: Array<string>, organisation: { id: string, name: string }, organisations: Array<{ id: string, name: string }> } };

export type SyncProcessingActivitiesMutationVariables = Exact<{
  input: SyncProcessingActivitiesInput;
}>;


export type SyncProcessingActivitiesMutation = { syncProcessingActivities: { mode: SyncMode, dryRun: boolean, allOrNothing: boolean, committed: boolean, replayed: boolean, organisation: { id: string, name: string } | null, results: Array<{ index: number | null, reference: string, outcome: RecordOutcome, version: number | null, activityId: string | null, organisationId: string | null, movedFromOrganisationId: string | null, errors: Array<{ path: Array<string>, code: string, message: string }> }>, summary: { created: number, updated: number, unchanged: number, withdrawn: number, failed: number }, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type PublicationPayloadFieldsFragment = { version: number | null, changed: boolean, activity: { id: string, reference: string, withheld: boolean, withheldReason: WithheldReason | null, latestVersionNumber: number } | null, errors: Array<{ path: Array<string>, code: string, message: string }> };

export type PublishProcessingActivityMutationVariables = Exact<{
  input: PublishProcessingActivityInput;
}>;


export type PublishProcessingActivityMutation = { publishProcessingActivity: { version: number | null, changed: boolean, activity: { id: string, reference: string, withheld: boolean, withheldReason: WithheldReason | null, latestVersionNumber: number } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type ScheduleProcessingActivityPublicationMutationVariables = Exact<{
  input: SchedulePublicationInput;
}>;


export type ScheduleProcessingActivityPublicationMutation = { scheduleProcessingActivityPublication: { version: number | null, changed: boolean, activity: { id: string, reference: string, withheld: boolean, withheldReason: WithheldReason | null, latestVersionNumber: number } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type WithdrawProcessingActivityMutationVariables = Exact<{
  input: WithdrawProcessingActivityInput;
}>;


export type WithdrawProcessingActivityMutation = { withdrawProcessingActivity: { version: number | null, changed: boolean, activity: { id: string, reference: string, withheld: boolean, withheldReason: WithheldReason | null, latestVersionNumber: number } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type WithholdProcessingActivityMutationVariables = Exact<{
  input: WithholdProcessingActivityInput;
}>;


export type WithholdProcessingActivityMutation = { withholdProcessingActivity: { version: number | null, changed: boolean, activity: { id: string, reference: string, withheld: boolean, withheldReason: WithheldReason | null, latestVersionNumber: number } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type UnwithholdProcessingActivityMutationVariables = Exact<{
  input: UnwithholdProcessingActivityInput;
}>;


export type UnwithholdProcessingActivityMutation = { unwithholdProcessingActivity: { version: number | null, changed: boolean, activity: { id: string, reference: string, withheld: boolean, withheldReason: WithheldReason | null, latestVersionNumber: number } | null, errors: Array<{ path: Array<string>, code: string, message: string }> } };

export type AuditLogQueryVariables = Exact<{
  organisation?: OrganisationRefInput | null | undefined;
  reference?: string | null | undefined;
  first?: number;
  after?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  operations?: Array<string> | string | null | undefined;
  outcomes?: Array<string> | string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { nodes: Array<{ id: string, occurredAt: string, actor: string, operation: string, outcome: string, organisationId: string | null, activityId: string | null, reference: string | null, versionNumber: number | null, details: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExportProcessingActivitiesQueryVariables = Exact<{
  organisation?: OrganisationRefInput | null | undefined;
  references?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExportProcessingActivitiesQuery = { exportProcessingActivities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ reference: string, baseVersion: number, title: string }> } };

export const AdoptionPayloadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdoptionPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdoptionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adopted"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<AdoptionPayloadFieldsFragment, unknown>;
export const StatisticsSummaryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"}},{"kind":"Field","name":{"kind":"Name","value":"byState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draft"}},{"kind":"Field","name":{"kind":"Name","value":"underReview"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byLegalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controller"}},{"kind":"Field","name":{"kind":"Name","value":"processor"}},{"kind":"Field","name":{"kind":"Name","value":"wpgController"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeRecords"}},{"kind":"Field","name":{"kind":"Name","value":"incompleteRecords"}},{"kind":"Field","name":{"kind":"Name","value":"missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"records"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"specialCategories"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOutsideEu"}},{"kind":"Field","name":{"kind":"Name","value":"automatedDecisionMaking"}},{"kind":"Field","name":{"kind":"Name","value":"processorsUsed"}}]}}]}}]} as unknown as DocumentNode<StatisticsSummaryFieldsFragment, unknown>;
export const PublicationPayloadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicationPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"withheldReason"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PublicationPayloadFieldsFragment, unknown>;
export const AdoptProcessingActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdoptProcessingActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdoptProcessingActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adoptProcessingActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdoptionPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdoptionPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdoptionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adopted"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<AdoptProcessingActivityMutation, AdoptProcessingActivityMutationVariables>;
export const LeaveProcessingActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveProcessingActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveProcessingActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveProcessingActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdoptionPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdoptionPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdoptionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adopted"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<LeaveProcessingActivityMutation, LeaveProcessingActivityMutationVariables>;
export const AdoptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Adoptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRefInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeSubOrganisations"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adoptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeSubOrganisations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeSubOrganisations"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"publicTitle"}}]}}]}}]}}]} as unknown as DocumentNode<AdoptionsQuery, AdoptionsQueryVariables>;
export const RegisterStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegisterStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRefInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reviewAfterMonths"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"12"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityInterval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityInterval"}}},"defaultValue":{"kind":"EnumValue","value":"MONTH"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"Argument","name":{"kind":"Name","value":"reviewAfterMonths"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reviewAfterMonths"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewAfterMonths"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsSummaryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"abbreviation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"own"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsSummaryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withSubOrganisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsSummaryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityInterval"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"versionsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"}},{"kind":"Field","name":{"kind":"Name","value":"byState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draft"}},{"kind":"Field","name":{"kind":"Name","value":"underReview"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byLegalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controller"}},{"kind":"Field","name":{"kind":"Name","value":"processor"}},{"kind":"Field","name":{"kind":"Name","value":"wpgController"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publishedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeRecords"}},{"kind":"Field","name":{"kind":"Name","value":"incompleteRecords"}},{"kind":"Field","name":{"kind":"Name","value":"missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"records"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"specialCategories"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOutsideEu"}},{"kind":"Field","name":{"kind":"Name","value":"automatedDecisionMaking"}},{"kind":"Field","name":{"kind":"Name","value":"processorsUsed"}}]}}]}}]} as unknown as DocumentNode<RegisterStatisticsQuery, RegisterStatisticsQueryVariables>;
export const IncompleteRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncompleteRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRefInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"field"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Art30Field"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeSubOrganisations"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processingActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeSubOrganisations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeSubOrganisations"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"missing"},"value":{"kind":"Variable","name":{"kind":"Name","value":"field"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IncompleteRecordsQuery, IncompleteRecordsQueryVariables>;
export const FilteredRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilteredRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRefInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeSubOrganisations"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InternalRecordFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processingActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeSubOrganisations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeSubOrganisations"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"facts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FilteredRecordsQuery, FilteredRecordsQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"tokenName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SyncProcessingActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncProcessingActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncProcessingActivitiesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProcessingActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"allOrNothing"}},{"kind":"Field","name":{"kind":"Name","value":"committed"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"movedFromOrganisationId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SyncProcessingActivitiesMutation, SyncProcessingActivitiesMutationVariables>;
export const PublishProcessingActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishProcessingActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishProcessingActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishProcessingActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicationPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicationPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"withheldReason"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PublishProcessingActivityMutation, PublishProcessingActivityMutationVariables>;
export const ScheduleProcessingActivityPublicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleProcessingActivityPublication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SchedulePublicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleProcessingActivityPublication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicationPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicationPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"withheldReason"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ScheduleProcessingActivityPublicationMutation, ScheduleProcessingActivityPublicationMutationVariables>;
export const WithdrawProcessingActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawProcessingActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawProcessingActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawProcessingActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicationPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicationPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"withheldReason"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<WithdrawProcessingActivityMutation, WithdrawProcessingActivityMutationVariables>;
export const WithholdProcessingActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithholdProcessingActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithholdProcessingActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withholdProcessingActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicationPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicationPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"withheldReason"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<WithholdProcessingActivityMutation, WithholdProcessingActivityMutationVariables>;
export const UnwithholdProcessingActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnwithholdProcessingActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnwithholdProcessingActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unwithholdProcessingActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicationPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicationPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"withheldReason"}},{"kind":"Field","name":{"kind":"Name","value":"latestVersionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<UnwithholdProcessingActivityMutation, UnwithholdProcessingActivityMutationVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRefInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operations"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcomes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"operations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operations"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcomes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcomes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const ExportProcessingActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportProcessingActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRefInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"references"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportProcessingActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"Argument","name":{"kind":"Name","value":"references"},"value":{"kind":"Variable","name":{"kind":"Name","value":"references"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"baseVersion"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<ExportProcessingActivitiesQuery, ExportProcessingActivitiesQueryVariables>;