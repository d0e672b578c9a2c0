import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ActivityInterval } from '../../modules/statistics/statistics.service';
import { Art30Field, RecordState } from '../../modules/statistics/record-facts';
import { OrganisationType } from './common.types';
import { LegalBasisCodeEnum, SpecialCategoryCodeEnum } from './sync.enums';

export const RecordStateEnum = { ...RecordState };
export const Art30FieldEnum = { ...Art30Field };
export const ActivityIntervalEnum = { ...ActivityInterval };

registerEnumType(RecordStateEnum, {
  name: 'RecordState',
  description:
    "A record's current state, from its withheld flag and its NEWEST version (whatever its status): WITHHELD when the record is withheld; otherwise the newest version's status, where a PUBLISHED version whose publishFrom lies in the future counts as SCHEDULED. A record whose newest version is a draft counts as DRAFT even while an older version is public.",
  valuesConfig: {
    DRAFT: { description: 'The newest version is a draft (InBewerking).' },
    UNDER_REVIEW: { description: 'The newest version awaits review or adoption.' },
    SCHEDULED: { description: 'The newest version is published, from a moment still to come (publishFrom in the future).' },
    PUBLISHED: { description: 'The newest version is published and visible (publishFrom passed or none).' },
    WITHDRAWN: { description: 'The newest version is withdrawn (Vervallen).' },
    WITHHELD: { description: 'The record is withheld from the public, whatever its versions say.' },
  },
});
registerEnumType(Art30FieldEnum, {
  name: 'Art30Field',
  description: "An Article 30 field a record's newest version can miss.",
  valuesConfig: {
    PURPOSE: { description: 'No purpose.' },
    LEGAL_BASIS: { description: 'No purpose, or a purpose without a legal basis.' },
    DATA_SUBJECT_GROUP: { description: 'No data-subject group.' },
    DATA_ITEMS: { description: 'No data-subject group, or a group without data items.' },
    RETENTION_PERIOD: { description: 'A data item without a retention text.' },
    UNPARSED_RETENTION: { description: 'A data item whose retention text did not parse into a retention rule.' },
    RECIPIENTS: { description: 'No recipient, and not declared to have none (recipientsNone).' },
    TRANSFER_STATEMENT: { description: 'Transfers outside the EU not answered, or answered yes with neither a transfer nor a statement.' },
    CONTROLLER_CONTACT: { description: 'No controller with a functional e-mail address or telephone number.' },
  },
});
registerEnumType(ActivityIntervalEnum, { name: 'ActivityInterval', description: 'Weeks start on Monday; both are in UTC.' });

@ObjectType('RecordStateCounts', { description: 'Records by current state (see RecordState); the counts add up to records.', simpleResolvers: true })
export class RecordStateCountsType {
  @Field(() => Int) draft!: number;
  @Field(() => Int) underReview!: number;
  @Field(() => Int) scheduled!: number;
  @Field(() => Int) published!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int) withheld!: number;
}

@ObjectType('LegalRoleCounts', { description: "Records by the newest version's legal role.", simpleResolvers: true })
export class LegalRoleCountsType {
  @Field(() => Int) controller!: number;
  @Field(() => Int) processor!: number;
  @Field(() => Int) wpgController!: number;
}

@ObjectType('MissingFieldCount', { description: 'How many records miss one Article 30 field; list them with processingActivities(filter: { missing: field }).', simpleResolvers: true })
export class MissingFieldCountType {
  @Field(() => Art30FieldEnum) field!: Art30Field;
  @Field(() => Int) records!: number;
}

@ObjectType('QualitySignals', { simpleResolvers: true })
export class QualitySignalsType {
  @Field(() => Int, { description: 'Records not changed for more than reviewAfterMonths (review due).' }) reviewDue!: number;
  @Field(() => Int, { description: 'Records processing special categories of personal data (or criminal data, or the BSN).' }) specialCategories!: number;
  @Field(() => Int, { description: 'Records with transfers outside the EU.' }) transfersOutsideEu!: number;
  @Field(() => Int, { description: 'Records with automated decision-making.' }) automatedDecisionMaking!: number;
  @Field(() => Int, { description: 'Records naming at least one processor.' }) processorsUsed!: number;
}

@ObjectType('StatisticsSummary', { description: 'Statistics of a set of records, each counted by its newest version.', simpleResolvers: true })
export class StatisticsSummaryType {
  @Field(() => Int) records!: number;
  @Field(() => RecordStateCountsType) byState!: RecordStateCountsType;
  @Field(() => LegalRoleCountsType) byLegalRole!: LegalRoleCountsType;
  @Field(() => Float, { nullable: true, description: 'Share of records in state PUBLISHED, 0–100 (null without records).' }) publishedPercentage!: number | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'The latest change of any record: a new version, publication, withdrawal or withholding.' }) lastChangedAt!: Date | null;
  @Field(() => Int, { description: 'Records missing none of the Article 30 fields.' }) completeRecords!: number;
  @Field(() => Int, { description: 'Records missing at least one Article 30 field.' }) incompleteRecords!: number;
  @Field(() => [MissingFieldCountType], { description: 'Per Article 30 field, how many records miss it (every field listed, zeros included).' }) missing!: MissingFieldCountType[];
  @Field(() => QualitySignalsType) quality!: QualitySignalsType;
}

@ObjectType('OrganisationStatistics', { simpleResolvers: true })
export class OrganisationStatisticsType {
  /** Database id, for the organisation field. */
  organisationDbId!: string;
  @Field(() => OrganisationType) organisation!: OrganisationType;
  @Field(() => ID, { nullable: true, description: 'Global id of the parent, when the parent is among the organisations asked about.' }) parentId!: string | null;
  @Field(() => StatisticsSummaryType, { description: "The organisation's own records." }) own!: StatisticsSummaryType;
  @Field(() => StatisticsSummaryType, { description: 'Its own records and those of all its sub-organisations.' }) withSubOrganisations!: StatisticsSummaryType;
}

@ObjectType('ActivityPeriod', { description: 'Activity in one week or month, from the audit log.', simpleResolvers: true })
export class ActivityPeriodType {
  @Field(() => GraphQLDateTime) periodStart!: Date;
  @Field(() => Int, { description: 'New versions written by sync (records created or changed).' }) versionsWritten!: number;
  @Field(() => Int, { description: 'Publications, scheduled ones included.' }) published!: number;
  @Field(() => Int, { description: 'Withdrawals, by mutation or by a full sync leaving the record out.' }) withdrawn!: number;
}

/*
 * The statistics' plain object types are declared with simpleResolvers: a whole-register answer
 * holds some 30,000 fields, and type-graphql's per-field wrapper (global middleware) would cost
 * more than the SQL. They are reached only through the authorised statistics query.
 */
@ObjectType('RegisterStatistics', { description: 'Statistics of the organisations asked about, counted over each record\'s newest version.' })
export class RegisterStatisticsType {
  /** Organisations asked about (null: register-wide), for the activity field. */
  organisationIds!: readonly string[] | null;
  @Field(() => Int) reviewAfterMonths!: number;
  @Field(() => StatisticsSummaryType, { description: 'All records of the organisations asked about.' }) total!: StatisticsSummaryType;
  @Field(() => [OrganisationStatisticsType], { description: 'Every organisation asked about, parents before their children.' }) organisations!: OrganisationStatisticsType[];
}

@InputType('InternalRecordFilter', { description: 'Filters of the internal record listing; every filter given narrows the list. The definitions are those of the statistics.' })
export class InternalRecordFilterInput {
  @Field(() => [RecordStateEnum], { nullable: true, description: 'Records in one of these states.' }) states?: RecordState[] | null;
  @Field(() => Art30FieldEnum, { nullable: true, description: 'Records missing this Article 30 field.' }) missing?: Art30Field | null;
  @Field(() => Boolean, { nullable: true, description: 'true: records missing any Article 30 field; false: complete records.' }) incomplete?: boolean | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Records changed at or after this moment.' }) changedSince?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'true: records with any special category; false: records with none.' }) specialCategories?: boolean | null;
  @Field(() => SpecialCategoryCodeEnum, { nullable: true }) specialCategory?: string | null;
  @Field(() => LegalBasisCodeEnum, { nullable: true }) legalBasis?: string | null;
}

@ObjectType('RecordFacts', { description: "What the statistics count about a record, by its newest version: its state, title, last change and the Article 30 fields it misses.", simpleResolvers: true })
export class RecordFactsType {
  @Field(() => RecordStateEnum) state!: RecordState;
  @Field(() => String) title!: string;
  @Field(() => GraphQLDateTime) lastChangedAt!: Date;
  @Field(() => [Art30FieldEnum]) missing!: Art30Field[];
}
