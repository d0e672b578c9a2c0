import { GraphQLError } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { subtreeIds } from '../../modules/organisation/organisation-scope';
import { ActivityInterval, type StatisticsSummary, StatisticsService } from '../../modules/statistics/statistics.service';
import { Art30Field, RecordState } from '../../modules/statistics/record-facts';
import { toGlobalId } from '../common/global-id';
import { requireCaller } from './auth-checker';
import { OrganisationRefInput } from './common.types';
import { toOrganisationType } from './mappers';
import { auditInternalRead, INTERNAL_READERS, internallyReadableIds, outsideReadScope } from './read-access';
import { scopedOrganisation } from './scope';
import { ActivityIntervalEnum, ActivityPeriodType, RegisterStatisticsType, type StatisticsSummaryType } from './statistics.types';
import type { SyncContext } from './sync.context';

const MAX_PERIODS = 520;
const DAY_MS = 86_400_000;

function toSummaryType(s: StatisticsSummary): StatisticsSummaryType {
  return {
    records: s.records,
    byState: {
      draft: s.byState[RecordState.DRAFT],
      underReview: s.byState[RecordState.UNDER_REVIEW],
      scheduled: s.byState[RecordState.SCHEDULED],
      published: s.byState[RecordState.PUBLISHED],
      withdrawn: s.byState[RecordState.WITHDRAWN],
      withheld: s.byState[RecordState.WITHHELD],
    },
    byLegalRole: { controller: s.byLegalRole.CONTROLLER, processor: s.byLegalRole.PROCESSOR, wpgController: s.byLegalRole.WPG_CONTROLLER },
    publishedPercentage: s.records ? (100 * s.byState[RecordState.PUBLISHED]) / s.records : null,
    lastChangedAt: s.lastChangedAt,
    completeRecords: s.completeRecords,
    incompleteRecords: s.records - s.completeRecords,
    missing: Object.values(Art30Field).map((field) => ({ field, records: s.missing[field] })),
    quality: s.quality,
  };
}

/** Register statistics for dashboards: each question one request, scoped like every internal read. */
@Authorized(...INTERNAL_READERS)
@Resolver(() => RegisterStatisticsType)
export class StatisticsResolver {
  @UseMiddleware(auditInternalRead)
  @Query(() => RegisterStatisticsType, {
    description:
      "Statistics per organisation (own records and rolled up over sub-organisations): records by state and legal role, published share, last change, Article 30 completeness and quality signals; activity over time. Default: every organisation the token may read (its own and its sub-organisations; the whole register with REGISTER_READ). An organisation outside that is refused with NOT_FOUND, never answered with zeros.",
  })
  async statistics(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true }) organisationRef?: OrganisationRefInput | null,
    @Arg('includeSubOrganisations', () => Boolean, { defaultValue: true }) includeSubOrganisations?: boolean,
    @Arg('reviewAfterMonths', () => Int, { defaultValue: 12, description: 'A record not changed for longer than this counts as review due (1–120).' }) reviewAfterMonths?: number,
  ): Promise<RegisterStatisticsType> {
    const caller = requireCaller(ctx);
    const months = reviewAfterMonths ?? 12;
    if (!Number.isInteger(months) || months < 1 || months > 120) throw badInput('reviewAfterMonths is 1 to 120.', 'reviewAfterMonths');
    let organisationIds: readonly string[] | null = internallyReadableIds(caller);
    if (organisationRef) {
      const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation'], { read: true });
      if (organisation.error) throw outsideReadScope();
      organisationIds = includeSubOrganisations ? await subtreeIds(ctx.em, organisation.value.id) : [organisation.value.id];
    }
    const stats = await new StatisticsService(ctx.em).statistics(organisationIds, { reviewAfterMonths: months });
    const listed = new Set(stats.organisations.map((o) => o.organisation.id));
    return {
      organisationIds,
      reviewAfterMonths: months,
      total: toSummaryType(stats.total),
      organisations: stats.organisations.map(({ organisation, own, withSubOrganisations }) => ({
        organisationDbId: organisation.id,
        organisation: toOrganisationType({ ...organisation, parent: organisation.parentId ? { id: organisation.parentId } : null }),
        parentId: organisation.parentId && listed.has(organisation.parentId) ? toGlobalId('Organisation', organisation.parentId) : null,
        own: toSummaryType(own),
        withSubOrganisations: toSummaryType(withSubOrganisations),
      })),
    };
  }

  @FieldResolver(() => [ActivityPeriodType], { description: 'Versions written, published and withdrawn per week or month, from the audit log of the organisations asked about; every period of the range is listed.' })
  async activity(
    @Root() stats: RegisterStatisticsType,
    @Ctx() ctx: SyncContext,
    @Arg('interval', () => ActivityIntervalEnum, { defaultValue: ActivityInterval.MONTH }) interval: ActivityInterval,
    @Arg('from', () => GraphQLDateTime, { nullable: true, description: 'Default: a year before `to`.' }) from?: Date | null,
    @Arg('to', () => GraphQLDateTime, { nullable: true, description: 'Exclusive; default: now.' }) to?: Date | null,
  ): Promise<ActivityPeriodType[]> {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - 365 * DAY_MS);
    if (start >= end) throw badInput('from lies before to.', 'from');
    const periods = (end.getTime() - start.getTime()) / ((interval === ActivityInterval.WEEK ? 7 : 28) * DAY_MS);
    if (periods > MAX_PERIODS) throw badInput(`At most ${MAX_PERIODS} periods per request.`, 'from');
    return new StatisticsService(ctx.em).activity(stats.organisationIds, { from: start, to: end, interval });
  }
}

const badInput = (message: string, argument: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
