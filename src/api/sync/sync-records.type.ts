import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RecordOutcome, SyncMode } from '../../modules/sync/batch-sync.service';
import { FieldErrorType, OrganisationType } from './common.types';
import { SyncModeEnum, RecordOutcomeEnum } from './sync.enums';

@ObjectType('SyncRecordResult')
export class SyncRecordResultType {
  @Field(() => Int, { nullable: true, description: 'Position in the batch; null for a record withdrawn by REPLACE.' })
  index!: number | null;

  @Field(() => String)
  reference!: string;

  @Field(() => RecordOutcomeEnum)
  outcome!: RecordOutcome;

  @Field(() => Int, { nullable: true, description: 'The resulting version number (in a dry run: the would-be one).' })
  version!: number | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the record.' })
  activityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the organisation (unit) the record belongs to.' })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'When the batch moved the record here from another unit of the tree: global id of that unit (the record keeps its id and history).' })
  movedFromOrganisationId!: string | null;

  @Field(() => [FieldErrorType])
  errors!: FieldErrorType[];
}

@ObjectType('SyncSummary')
export class SyncSummaryType {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int) failed!: number;
}

@ObjectType('SyncProcessingActivitiesPayload')
export class SyncProcessingActivitiesPayload {
  @Field(() => OrganisationType, { nullable: true })
  organisation!: OrganisationType | null;

  @Field(() => SyncModeEnum)
  mode!: SyncMode;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean)
  allOrNothing!: boolean;

  @Field(() => Boolean, { description: 'Whether anything was written.' })
  committed!: boolean;

  @Field(() => Boolean, { description: 'This is the stored answer to an earlier request with the same idempotency key; nothing was written now.' })
  replayed!: boolean;

  @Field(() => [SyncRecordResultType])
  results!: SyncRecordResultType[];

  @Field(() => SyncSummaryType)
  summary!: SyncSummaryType;

  @Field(() => [FieldErrorType], { description: 'Operation-level failures: organisation not found, batch too large, idempotency key reused.' })
  errors!: FieldErrorType[];
}
