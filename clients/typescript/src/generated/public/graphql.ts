/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Grondslag: the six legal grounds of AVG (GDPR) article 6(1). Stable codes. */
export type LegalBasisCode =
  | 'CONSENT'
  | 'CONTRACT'
  | 'LEGAL_OBLIGATION'
  | 'LEGITIMATE_INTERESTS'
  | 'PUBLIC_TASK'
  | 'VITAL_INTERESTS';

/** Which register a record belongs to. Only controller (verwerkingsverantwoordelijke) records are public. */
export type LegalRole =
  | 'CONTROLLER'
  | 'PROCESSOR'
  | 'WPG_CONTROLLER';

/** Narrows a listing of published processing activities. All given conditions must hold. */
export type ProcessingActivityFilterInput = {
  /** Records with (true) or without (false) automated decision-making. */
  automatedDecisionMaking?: boolean | null | undefined;
  /** Text contained in a data-subject group (betrokkenen), case-insensitive. */
  dataSubject?: string | null | undefined;
  /** true: records processing some special category; false: records processing none. */
  hasSpecialCategories?: boolean | null | undefined;
  /** true: records with transfers outside the EU; false: records without. */
  hasThirdCountryTransfers?: boolean | null | undefined;
  /** Records with a purpose on any of these legal bases. */
  legalBases?: Array<LegalBasisCode> | null | undefined;
  /** Legal role of the record. */
  legalRole?: LegalRole | null | undefined;
  /** Organisation (global id): its own records, those of all its sub-organisations, and the records any of them adopted from another organisation (shared records; edges say which with isAdopted). Each record once. */
  organisation?: string | null | undefined;
  /** Text contained in a recipient (ontvanger), case-insensitive. */
  recipient?: string | null | undefined;
  /** Records processing this special category. */
  specialCategory?: SpecialCategoryCode | null | undefined;
  /** Records transferring data to this country (ISO 3166-1 alpha-2). */
  transferCountry?: string | null | undefined;
  /** Records whose current version became public at or after this moment. */
  updatedSince?: string | null | undefined;
};

/** Bijzondere persoonsgegevens (AVG art. 9), strafrechtelijke gegevens (art. 10) and the burgerservicenummer. Stable codes. */
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

export type PublicActivitiesQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
  filter?: ProcessingActivityFilterInput | null | undefined;
  search?: string | null | undefined;
}>;


export type PublicActivitiesQuery = { processingActivities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, reference: string, title: string, updatedAt: string, organisation: { id: string, name: string } } }> } };

export type PublicFacetsQueryVariables = Exact<{
  filter?: ProcessingActivityFilterInput | null | undefined;
  search?: string | null | undefined;
}>;


export type PublicFacetsQuery = { facets: { total: number } };


export const PublicActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProcessingActivityFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processingActivities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublicActivitiesQuery, PublicActivitiesQueryVariables>;
export const PublicFacetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicFacets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProcessingActivityFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"facets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<PublicFacetsQuery, PublicFacetsQueryVariables>;