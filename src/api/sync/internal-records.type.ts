import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { VersionStatus, WithheldReason } from '../../modules/processing-activity/processing-activity.enums';
import { OrganisationType, PageInfoType } from './common.types';
import { RecordContentType } from './content.types';
import { VersionStatusEnum, WithheldReasonEnum } from './sync.enums';

@ObjectType('RecordVersion', { description: 'One immutable version of a record, with its publication state and full content (internal parts included).' })
export class RecordVersionType {
  /** Database id, for the content loader. */
  dbId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => VersionStatusEnum)
  status!: VersionStatus;

  @Field(() => GraphQLDateTime, { nullable: true })
  publishFrom!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => String)
  contentHash!: string;
}

@ObjectType('InternalProcessingActivity', { description: "One of the caller's own records, drafts included." })
export class InternalProcessingActivityType {
  dbId!: string;
  organisationDbId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  reference!: string;

  @Field(() => Boolean)
  withheld!: boolean;

  @Field(() => WithheldReasonEnum, { nullable: true })
  withheldReason!: WithheldReason | null;

  @Field(() => Int, { description: 'The newest version number (any status); send it as baseVersion with a change.' })
  latestVersionNumber!: number;

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => GraphQLDateTime)
  updatedAt!: Date;
}

@ObjectType('InternalProcessingActivityConnection')
export class InternalProcessingActivityConnection {
  @Field(() => [InternalProcessingActivityType])
  nodes!: InternalProcessingActivityType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('ExportedRecord', { description: 'A record exactly as SyncRecordInput takes it: push it back and the outcome is UNCHANGED.' })
export class ExportedRecordType extends RecordContentType {
  @Field(() => String)
  reference!: string;

  @Field(() => Int, { description: 'The exported version: use as baseVersion when sending a change.' })
  baseVersion!: number;
}

@ObjectType('ExportedRecordConnection', { description: 'A page of an export; follow pageInfo.endCursor until hasNextPage is false for the whole register.' })
export class ExportedRecordConnection {
  @Field(() => [ExportedRecordType])
  nodes!: ExportedRecordType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Records in the whole export (every page).' })
  totalCount!: number;
}

@ObjectType('AuditLogEntry', { description: 'One write on the register: who, with which token, what, when, and the outcome.' })
export class AuditLogEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTime)
  occurredAt!: Date;

  @Field(() => String, { description: 'Public prefix of the token that wrote, or "cli".' })
  actor!: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the organisation whose token wrote.' })
  actorOrganisationId!: string | null;

  @Field(() => String)
  operation!: string;

  @Field(() => String)
  outcome!: string;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true })
  activityId!: string | null;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => Int, { nullable: true })
  versionNumber!: number | null;

  @Field(() => String, { nullable: true })
  idempotencyKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Detail as JSON: error codes and paths, reasons given.' })
  details!: string | null;
}

@ObjectType('AuditLogConnection')
export class AuditLogConnection {
  @Field(() => [AuditLogEntryType])
  nodes!: AuditLogEntryType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@ObjectType('Viewer', { description: 'The calling token.' })
export class ViewerType {
  @Field(() => String)
  tokenPrefix!: string;

  @Field(() => String)
  tokenName!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field(() => [OrganisationType], { description: "The token's organisation and all its sub-organisations: what it may read and write." })
  organisations!: OrganisationType[];
}

/**
 * The types that carry internal data: a field returning one of them needs the INTERNAL_READ scope
 * wherever it is (requireReadScopeForInternalData in auth-checker.ts). The record content types
 * are reached only through these, so they need no entry of their own; RecordContent is listed as
 * well so that a future field returning it directly is guarded too.
 */
export const INTERNAL_DATA_TYPES: ReadonlySet<string> = new Set([
  'InternalProcessingActivity',
  'InternalProcessingActivityConnection',
  'RecordVersion',
  'RecordContent',
  'ExportedRecord',
  'ExportedRecordConnection',
  'AuditLogEntry',
  'AuditLogConnection',
  // Adoptions name records that may not be public (a participant's own register, an owner's participants).
  'Adoption',
  'AdoptionConnection',
]);

export { OrganisationType };
