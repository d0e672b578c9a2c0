import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { SyncMode } from '../../modules/sync/batch-sync.service';
import type { SyncRecordData } from '../../modules/sync/record-validation';
import { OrganisationRefInput } from './common.types';
import { RecordContentType } from './content.types';
import { SyncModeEnum } from './sync.enums';

@InputType('SyncRecordInput', { description: "One record: the organisation's own reference number, the content of RecordContent, and write options." })
export class SyncRecordInput extends RecordContentType implements SyncRecordData {
  @Field(() => String, { description: "The organisation's own reference number, e.g. D2717: the key of the record." })
  reference!: string;

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

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and report what would happen, without writing anything.' })
  dryRun!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Write everything or nothing: one failing record rolls back the whole batch.' })
  allOrNothing!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Required (true) for REPLACE with no records, which withdraws every record of the organisation; without it such a batch is refused with CONFIRMATION_REQUIRED." })
  confirmWithdrawAll!: boolean;

  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first answer without writing again (per organisation, at most 200 characters).' })
  idempotencyKey?: string | null;
}
