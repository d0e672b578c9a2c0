import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { LegalRole } from '../../modules/processing-activity/processing-activity.enums';
import { ReplaceScope, SyncMode } from '../../modules/sync/batch-sync.service';
import type { UnitRef } from '../../modules/sync/record-units';
import type { SyncRecordData } from '../../modules/sync/record-validation';
import type { LegalBasisCode, SpecialCategoryCode, TransferSafeguardCode } from '../../modules/vocabulary/vocabulary.codes';
import { OrganisationRefInput } from './common.types';
import {
  AutomatedDecisionMakingContentType,
  DataItemContentType,
  DataSubjectGroupContentType,
  PartyContentType,
  PurposeContentType,
  RecipientContentType,
  RecordContentType,
  ThirdCountryTransfersContentType,
  TransferContentType,
} from './content.types';
import { ReplaceScopeEnum, SyncModeEnum } from './sync.enums';

/*
 * The record input of a batch. It is RecordContentInput with the fields integrators most often get
 * wrong made lenient: required texts are nullable and vocabulary values are strings (a code or its
 * Dutch label). GraphQL would otherwise refuse the whole request when one record lacks a title or
 * misspells a code; here such a record fails alone, with a path, a stable code (REQUIRED,
 * INVALID_CODE) and a suggestion (BatchSyncService, record-input.ts). The TypeScript types stay
 * those of the content: the service checks the values before anything is written.
 */

const REQUIRED = 'Required: a record without it fails alone with REQUIRED.';
const CODE_OR_LABEL = (enumName: string, example: string) => `A ${enumName} code or its Dutch label (e.g. ${example}); an unknown value fails the record with INVALID_CODE and a suggestion.`;

@InputType('SyncDataItemInput')
export class SyncDataItemInput extends DataItemContentType {
  @Field(() => String, { nullable: true, description: `Persoonsgegevens. ${REQUIRED}` })
  declare description: string;
}

@InputType('SyncPurposeInput')
export class SyncPurposeInput extends PurposeContentType {
  @Field(() => String, { nullable: true, description: REQUIRED })
  declare description: string;

  @Field(() => String, { nullable: true, description: CODE_OR_LABEL('LegalBasisCode', '"LEGAL_OBLIGATION" or "Wettelijke verplichting"') })
  declare legalBasis?: LegalBasisCode | null;
}

@InputType('SyncDataSubjectGroupInput')
export class SyncDataSubjectGroupInput extends DataSubjectGroupContentType {
  @Field(() => String, { nullable: true, description: `Betrokkene(n). ${REQUIRED}` })
  declare description: string;

  @Field(() => [String], { description: CODE_OR_LABEL('SpecialCategoryCode', '"HEALTH_DATA" or "Gezondheid"') })
  specialCategories: SpecialCategoryCode[] = [];

  @Field(() => [SyncDataItemInput])
  dataItems: SyncDataItemInput[] = [];
}

@InputType('SyncRecipientInput')
export class SyncRecipientInput extends RecipientContentType {
  @Field(() => String, { nullable: true, description: REQUIRED })
  declare description: string;
}

@InputType('SyncTransferInput')
export class SyncTransferInput extends TransferContentType {
  @Field(() => String, { nullable: true, description: REQUIRED })
  declare recipientName: string;

  @Field(() => String, { nullable: true, description: CODE_OR_LABEL('TransferSafeguardCode', '"SCC_COMMISSION" or "Adequaatheidsbesluit"') })
  declare safeguard?: TransferSafeguardCode | null;
}

@InputType('SyncThirdCountryTransfersInput')
export class SyncThirdCountryTransfersInput extends ThirdCountryTransfersContentType {
  @Field(() => Boolean, { nullable: true, description: REQUIRED })
  declare applies: boolean;

  @Field(() => [SyncTransferInput])
  transfers: SyncTransferInput[] = [];
}

@InputType('SyncAutomatedDecisionMakingInput')
export class SyncAutomatedDecisionMakingInput extends AutomatedDecisionMakingContentType {
  @Field(() => Boolean, { nullable: true, description: REQUIRED })
  declare applies: boolean;
}

@InputType('SyncPartyInput')
export class SyncPartyInput extends PartyContentType {
  @Field(() => String, { nullable: true, description: REQUIRED })
  declare name: string;
}

@InputType('SyncUnitRefInput', { description: "The organisation (unit) a record belongs to: exactly one of its global id (or the UUID organisation:list prints), TOOI URI, OIN or name. It must be within the token's scope; a name is unique among siblings, and one that several organisations in scope share fails the record with AMBIGUOUS." })
export class SyncUnitRefInput implements UnitRef {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  tooiUri?: string | null;

  @Field(() => String, { nullable: true })
  oin?: string | null;

  @Field(() => String, { nullable: true, description: 'The exact name, in any case, e.g. "Afdeling Burgerzaken".' })
  name?: string | null;
}

@InputType('SyncRecordInput', { description: "One record: the organisation's own reference number, the content of RecordContent, and write options. Problems of one record fail that record only." })
export class SyncRecordInput extends RecordContentType implements SyncRecordData {
  @Field(() => String, { description: "The organisation's own reference number, e.g. D2717: the key of the record." })
  reference!: string;

  @Field(() => SyncUnitRefInput, {
    nullable: true,
    description:
      "The organisation this record belongs to, when it is not the batch's: any organisation within the token's scope, so one batch can carry a whole tree. Unknown or out of scope fails the record with NOT_FOUND. A record whose unit has no record with its reference, while exactly one other unit of the batch organisation's tree has one, is that record moving: same id and history, a new version in this unit.",
  })
  unit?: SyncUnitRefInput | null;

  @Field(() => String, { nullable: true, description: `Omschrijving / Naam. ${REQUIRED}` })
  declare title: string;

  @Field(() => String, { nullable: true, description: `CONTROLLER, PROCESSOR or WPG_CONTROLLER (see LegalRole). ${REQUIRED} A misspelt value fails it with INVALID_CODE.` })
  declare legalRole: LegalRole;

  @Field(() => [SyncPurposeInput])
  purposes: SyncPurposeInput[] = [];

  @Field(() => [SyncDataSubjectGroupInput])
  dataSubjectGroups: SyncDataSubjectGroupInput[] = [];

  @Field(() => [SyncRecipientInput])
  recipients: SyncRecipientInput[] = [];

  @Field(() => SyncAutomatedDecisionMakingInput, { nullable: true, description: 'null = not answered.' })
  declare automatedDecisionMaking?: SyncAutomatedDecisionMakingInput | null;

  @Field(() => SyncThirdCountryTransfersInput, { nullable: true, description: 'null = not answered.' })
  declare thirdCountryTransfers?: SyncThirdCountryTransfersInput | null;

  @Field(() => [SyncPartyInput])
  controllers: SyncPartyInput[] = [];

  @Field(() => [SyncPartyInput])
  processors: SyncPartyInput[] = [];

  @Field(() => Int, { nullable: true, description: 'The version this change is based on (0 for a record you expect to be new). A record that moved on refuses the change with STALE_VERSION.' })
  baseVersion?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Publish the resulting version; the Article 30 fields and the publication lint then apply.' })
  publish?: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'With publish: not visible to the public before this moment.' })
  publishFrom?: Date | null;
}

@InputType('SyncProcessingActivitiesInput')
export class SyncProcessingActivitiesInput {
  @Field(() => OrganisationRefInput, { nullable: true, description: "Whose records these are; default the token's organisation. Must be within the token's scope." })
  organisation?: OrganisationRefInput | null;

  @Field(() => [SyncRecordInput], { description: 'At most 500 records.' })
  records!: SyncRecordInput[];

  @Field(() => SyncModeEnum, { defaultValue: SyncMode.UPSERT })
  mode!: SyncMode;

  @Field(() => ReplaceScopeEnum, {
    defaultValue: ReplaceScope.ORGANISATION,
    description: "With REPLACE: withdraw the absent records of the batch's organisation only (default), or of its whole subtree (SUBTREE: one batch for a whole organisation tree, its records naming their units).",
  })
  replaceScope!: ReplaceScope;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and report what would happen, without writing anything.' })
  dryRun!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Write everything or nothing: one failing record rolls back the whole batch.' })
  allOrNothing!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Required (true) for REPLACE with no records, which withdraws every record of the organisation; without it such a batch is refused with CONFIRMATION_REQUIRED." })
  confirmWithdrawAll!: boolean;

  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first answer without writing again (per organisation, at most 200 characters).' })
  idempotencyKey?: string | null;
}
