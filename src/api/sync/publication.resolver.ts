import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { TokenScope } from '../../modules/auth/token-scope';
import { WithheldReason } from '../../modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { type PublicationResult, PublicationService } from '../../modules/sync/publication.service';
import { toGlobalId } from '../common/global-id';
import { requireCaller } from './auth-checker';
import { ActivityRefInput, FieldErrorType } from './common.types';
import { toActivityType } from './internal-records.resolver';
import { InternalProcessingActivityType } from './internal-records.type';
import { scopedActivity } from './scope';
import type { SyncContext } from './sync.context';
import { WithheldReasonEnum } from './sync.enums';

@InputType('PublishProcessingActivityInput')
export class PublishProcessingActivityInput {
  @Field(() => ActivityRefInput)
  activity!: ActivityRefInput;

  @Field(() => Int, { nullable: true, description: 'Which version to publish; default the newest.' })
  version?: number | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Not visible to the public before this moment; null = at once.' })
  publishFrom?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Refuse with STALE_VERSION if the record is no longer at this version.' })
  baseVersion?: number | null;
}

@InputType('SchedulePublicationInput')
export class SchedulePublicationInput {
  @Field(() => ActivityRefInput)
  activity!: ActivityRefInput;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => GraphQLDateTime, { description: 'The moment from which the public sees this version.' })
  publishFrom!: Date;

  @Field(() => Int, { nullable: true })
  baseVersion?: number | null;
}

@InputType('WithdrawProcessingActivityInput')
export class WithdrawProcessingActivityInput {
  @Field(() => ActivityRefInput)
  activity!: ActivityRefInput;

  @Field(() => Int, { nullable: true })
  baseVersion?: number | null;
}

@InputType('WithholdProcessingActivityInput')
export class WithholdProcessingActivityInput {
  @Field(() => ActivityRefInput)
  activity!: ActivityRefInput;

  @Field(() => WithheldReasonEnum)
  reason!: WithheldReason;

  @Field(() => String, { nullable: true, description: 'Kept in the audit log.' })
  explanation?: string | null;

  @Field(() => Int, { nullable: true })
  baseVersion?: number | null;
}

@InputType('UnwithholdProcessingActivityInput')
export class UnwithholdProcessingActivityInput {
  @Field(() => ActivityRefInput)
  activity!: ActivityRefInput;

  @Field(() => String, { nullable: true, description: 'Kept in the audit log.' })
  explanation?: string | null;

  @Field(() => Int, { nullable: true })
  baseVersion?: number | null;
}

@ObjectType('PublicationPayload')
export class PublicationPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the record concerned (null when it was not found).' })
  activityId!: string | null;

  @Field(() => InternalProcessingActivityType, {
    nullable: true,
    description: 'The record after the change, internal fields and drafts included: needs the INTERNAL_READ scope (a token without it gets FORBIDDEN for this field; select activityId instead).',
  })
  activity!: InternalProcessingActivityType | null;

  @Field(() => Int, { nullable: true, description: 'The version concerned.' })
  version!: number | null;

  @Field(() => Boolean, { description: 'Whether the publication state moved.' })
  changed!: boolean;

  @Field(() => [FieldErrorType], { description: 'STALE_VERSION, NOT_FOUND, REQUIRED_FOR_PUBLICATION (every missing field), PERSONAL_EMAIL, PHONE_NUMBER, BSN, WITHHELD_BY_LAW, CONFLICT.' })
  errors!: FieldErrorType[];
}

/** Publication state of one record. Every refusal is an entry in `errors`, never an exception. */
@Authorized(TokenScope.RECORDS_WRITE)
@Resolver()
export class PublicationResolver {
  @Mutation(() => PublicationPayload, { description: 'Publishes a version (default the newest) once it has the Article 30 fields and no personal contact data in public text.' })
  publishProcessingActivity(@Arg('input', () => PublishProcessingActivityInput) input: PublishProcessingActivityInput, @Ctx() ctx: SyncContext): Promise<PublicationPayload> {
    return this.run(ctx, input.activity, (service, id) => service.publish(id, { version: input.version, publishFrom: input.publishFrom, baseVersion: input.baseVersion }));
  }

  @Mutation(() => PublicationPayload, { description: 'Publishes a version from a given moment ("publish from"): published now, visible to the public from then.' })
  scheduleProcessingActivityPublication(@Arg('input', () => SchedulePublicationInput) input: SchedulePublicationInput, @Ctx() ctx: SyncContext): Promise<PublicationPayload> {
    return this.run(ctx, input.activity, (service, id) =>
      service.publish(id, { version: input.version, publishFrom: input.publishFrom, baseVersion: input.baseVersion, operation: 'scheduleProcessingActivityPublication' }),
    );
  }

  @Mutation(() => PublicationPayload, { description: 'Withdraws every published version of a record.' })
  withdrawProcessingActivity(@Arg('input', () => WithdrawProcessingActivityInput) input: WithdrawProcessingActivityInput, @Ctx() ctx: SyncContext): Promise<PublicationPayload> {
    return this.run(ctx, input.activity, (service, id) => service.withdraw(id, { baseVersion: input.baseVersion }));
  }

  @Mutation(() => PublicationPayload, { description: 'Keeps a record from the public whatever its status, with a reason.' })
  withholdProcessingActivity(@Arg('input', () => WithholdProcessingActivityInput) input: WithholdProcessingActivityInput, @Ctx() ctx: SyncContext): Promise<PublicationPayload> {
    return this.run(ctx, input.activity, (service, id) => service.withhold(id, { reason: input.reason, explanation: input.explanation, baseVersion: input.baseVersion }));
  }

  @Mutation(() => PublicationPayload, { description: 'Lifts withholding (not for processor and Wpg records, which are withheld by law).' })
  unwithholdProcessingActivity(@Arg('input', () => UnwithholdProcessingActivityInput) input: UnwithholdProcessingActivityInput, @Ctx() ctx: SyncContext): Promise<PublicationPayload> {
    return this.run(ctx, input.activity, (service, id) => service.unwithhold(id, { explanation: input.explanation, baseVersion: input.baseVersion }));
  }

  private async run(ctx: SyncContext, ref: ActivityRefInput, act: (service: PublicationService, activityId: string) => Promise<PublicationResult>): Promise<PublicationPayload> {
    const caller = requireCaller(ctx);
    const found = await scopedActivity(ctx, ref, ['activity']);
    if (found.error) return { activityId: null, activity: null, version: null, changed: false, errors: [found.error] };
    const result = await act(new PublicationService(ctx.em, caller.actor), found.value.id);
    const activity = await ctx.em.fork().findOneOrFail(ProcessingActivity, found.value.id, { populate: ['organisation'] });
    return { activityId: toGlobalId('ProcessingActivity', activity.id), activity: toActivityType(activity), version: result.versionNumber, changed: result.changed, errors: result.errors };
  }
}
