import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { AuditLogEntry } from '../../modules/audit/audit-log-entry.entity';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { subtreeIds } from '../../modules/organisation/organisation-scope';
import { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../modules/processing-activity/processing-activity-version.entity';
import type { RecordContent } from '../../modules/processing-activity/record-content';
import { currentPublicVersionIds } from '../../modules/publication/public-register';
import { toRecordContent } from '../../modules/processing-activity/version-reader';
import { StatisticsService } from '../../modules/statistics/statistics.service';
import { toGlobalId } from '../common/global-id';
import { requireCaller } from './auth-checker';
import { ActivityRefInput, MAX_PAGE, OrganisationRefInput, OrganisationType, pageSize } from './common.types';
import { RecordContentType } from './content.types';
import {
  AuditLogConnection,
  ExportedRecordConnection,
  InternalProcessingActivityConnection,
  InternalProcessingActivityType,
  RecordVersionType,
  ViewerType,
} from './internal-records.type';
import { toOrganisationType } from './mappers';
import { auditInternalRead, INTERNAL_READERS, internallyReadableIds, outsideReadScope, READ_OUTCOME } from './read-access';
import { scopedActivity, scopedOrganisation } from './scope';
import { InternalRecordFilterInput, RecordFactsType } from './statistics.types';
import type { SyncContext } from './sync.context';

export function toActivityType(a: ProcessingActivity): InternalProcessingActivityType {
  return {
    dbId: a.id,
    organisationDbId: a.organisation.id,
    id: toGlobalId('ProcessingActivity', a.id),
    reference: a.reference,
    withheld: a.withheld,
    withheldReason: a.withheldReason,
    latestVersionNumber: a.latestVersionNumber,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

function toVersionType(v: ProcessingActivityVersion): RecordVersionType {
  return {
    dbId: v.id,
    id: toGlobalId('ProcessingActivityVersion', v.id),
    versionNumber: v.versionNumber,
    status: v.status,
    publishFrom: v.publishFrom,
    publishedAt: v.publishedAt,
    withdrawnAt: v.withdrawnAt,
    createdAt: v.createdAt,
    contentHash: v.contentHash,
  };
}

const encodeCursor = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const decodeCursor = (cursor: string | null | undefined): string[] | null => {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) && parts.every((p) => typeof p === 'string') ? parts : null;
  } catch {
    return null;
  }
};

const factsLoaders = new WeakMap<SyncContext, DataLoader<string, RecordFactsType | undefined>>();
/** One facts query per request for all records listed. */
function factsLoader(ctx: SyncContext): DataLoader<string, RecordFactsType | undefined> {
  let loader = factsLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const facts = await new StatisticsService(ctx.em).factsOf(ids);
      return ids.map((id) => facts.get(id));
    });
    factsLoaders.set(ctx, loader);
  }
  return loader;
}

/** The caller's own data: its records (drafts, internal fields, every version), an export for round trips, and the audit log. */
@Authorized()
@Resolver()
export class InternalRecordsResolver {
  @Query(() => ViewerType, { description: 'The calling token, its organisation and the organisations it may act for.' })
  async viewer(@Ctx() ctx: SyncContext): Promise<ViewerType> {
    const caller = requireCaller(ctx);
    const organisations = await ctx.em.find(Organisation, { id: { $in: caller.organisationIds } }, { orderBy: { name: 'asc' } });
    return {
      tokenPrefix: caller.tokenPrefix,
      tokenName: caller.tokenName,
      scopes: caller.scopes,
      organisation: toOrganisationType(caller.organisation),
      organisations: organisations.map(toOrganisationType),
    };
  }

  @Authorized(...INTERNAL_READERS)
  @UseMiddleware(auditInternalRead)
  @Query(() => InternalProcessingActivityConnection, {
    description:
      "Records of an organisation the token may read (default: the token's own), drafts included, ordered by reference. With a filter, the records behind a number of the statistics (same definitions). An organisation outside the token's read scope is refused with NOT_FOUND.",
  })
  async processingActivities(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true }) organisationRef?: OrganisationRefInput | null,
    @Arg('includeSubOrganisations', () => Boolean, { defaultValue: false }) includeSubOrganisations?: boolean,
    @Arg('first', () => Int, { defaultValue: 100, description: `0 to ${MAX_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => InternalRecordFilterInput, { nullable: true }) filter?: InternalRecordFilterInput | null,
  ): Promise<InternalProcessingActivityConnection> {
    const limit = pageSize(first);
    const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation'], { read: true });
    if (organisation.error) throw outsideReadScope();
    const ids = includeSubOrganisations ? await subtreeIds(ctx.em, organisation.value.id) : [organisation.value.id];
    const cursor = decodeCursor(after);
    if (filter) {
      const found = await new StatisticsService(ctx.em).listRecords(ids, filter, { after: cursor?.length === 2 ? [cursor[0], cursor[1]] : null, limit: limit + 1 });
      const loaded = new Map((await ctx.em.find(ProcessingActivity, { id: { $in: found.ids } }, { populate: ['organisation'] })).map((a) => [a.id, a]));
      const matching = found.ids.flatMap((id) => loaded.get(id) ?? []);
      const shown = matching.slice(0, limit);
      const end = shown[shown.length - 1];
      return { nodes: shown.map(toActivityType), pageInfo: { hasNextPage: matching.length > limit, endCursor: end ? encodeCursor([end.reference, end.id]) : null }, totalCount: found.totalCount };
    }
    const where: FilterQuery<ProcessingActivity> = { organisation: { $in: ids } };
    const totalCount = await ctx.em.count(ProcessingActivity, where);
    const page = await ctx.em.find(
      ProcessingActivity,
      cursor ? { $and: [where, { $or: [{ reference: { $gt: cursor[0] } }, { reference: cursor[0], id: { $gt: cursor[1] } }] }] } : where,
      { orderBy: { reference: 'asc', id: 'asc' }, limit: limit + 1, populate: ['organisation'] },
    );
    const nodes = page.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes: nodes.map(toActivityType), pageInfo: { hasNextPage: page.length > limit, endCursor: last ? encodeCursor([last.reference, last.id]) : null }, totalCount };
  }

  @Authorized(...INTERNAL_READERS)
  @UseMiddleware(auditInternalRead)
  @Query(() => InternalProcessingActivityType, { nullable: true, description: "One record the token may read, or null (also for a record of another organisation)." })
  async processingActivity(@Ctx() ctx: SyncContext, @Arg('activity', () => ActivityRefInput) ref: ActivityRefInput): Promise<InternalProcessingActivityType | null> {
    const found = await scopedActivity(ctx, ref, ['activity'], { read: true });
    return found.value ? toActivityType(found.value) : null;
  }

  @Authorized(...INTERNAL_READERS)
  @UseMiddleware(auditInternalRead)
  @Query(() => ExportedRecordConnection, {
    description:
      "The newest version of an organisation's records, exactly as SyncRecordInput takes them (for backups and round trips), by reference, a page at a time: follow pageInfo.endCursor until hasNextPage is false. An organisation outside the token's read scope is refused with NOT_FOUND.",
  })
  async exportProcessingActivities(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true }) organisationRef?: OrganisationRefInput | null,
    @Arg('references', () => [String], { nullable: true, description: `Only these reference numbers (at most ${MAX_PAGE}).` }) references?: string[] | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `0 to ${MAX_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ExportedRecordConnection> {
    const limit = pageSize(first);
    if (references && references.length > MAX_PAGE) {
      throw new GraphQLError(`references lists ${references.length} reference numbers; at most ${MAX_PAGE}.`, { extensions: { code: 'BAD_USER_INPUT', argument: 'references', max: MAX_PAGE } });
    }
    const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation'], { read: true });
    if (organisation.error) throw outsideReadScope();
    const where: FilterQuery<ProcessingActivity> = { organisation: organisation.value, ...(references ? { reference: { $in: references } } : {}), latestVersionNumber: { $gt: 0 } };
    const cursor = decodeCursor(after);
    const totalCount = await ctx.em.count(ProcessingActivity, where);
    const page = await ctx.em.find(ProcessingActivity, cursor ? { $and: [where, { reference: { $gt: cursor[0] } }] } : where, { orderBy: { reference: 'asc' }, limit: limit + 1 });
    const activities = page.slice(0, limit);
    const last = activities[activities.length - 1];
    const pageInfo = { hasNextPage: page.length > limit, endCursor: last ? encodeCursor([last.reference]) : null };
    if (!activities.length) return { nodes: [], pageInfo, totalCount };
    const versions = await ctx.em.find(ProcessingActivityVersion, {
      $or: activities.map((a) => ({ activity: a.id, versionNumber: a.latestVersionNumber })),
    });
    const full = await Promise.all(versions.map((v) => ctx.loaders.fullVersion.load(v.id)));
    const byActivity = new Map(full.map((v) => [v.activity.id, v]));
    const nodes = activities.flatMap((a) => {
      const v = byActivity.get(a.id);
      return v ? [{ reference: a.reference, baseVersion: v.versionNumber, ...(toRecordContent(v) as RecordContentType) }] : [];
    });
    return { nodes, pageInfo, totalCount };
  }

  @Authorized(...INTERNAL_READERS)
  @UseMiddleware(auditInternalRead)
  @Query(() => AuditLogConnection, {
    description: "Every write on the organisations the token may read (the whole register with REGISTER_READ), newest first; reads of internal data too with includeReads. An organisation outside the token's read scope is refused with NOT_FOUND.",
  })
  async auditLog(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true, description: "Default: every organisation the token may read." }) organisationRef?: OrganisationRefInput | null,
    @Arg('reference', () => String, { nullable: true }) reference?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `0 to ${MAX_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('from', () => GraphQLDateTime, { nullable: true, description: 'Entries at or after this moment.' }) from?: Date | null,
    @Arg('to', () => GraphQLDateTime, { nullable: true, description: 'Entries before this moment.' }) to?: Date | null,
    @Arg('operations', () => [String], { nullable: true, description: 'Only these operations, e.g. syncProcessingActivities, publishProcessingActivity.' }) operations?: string[] | null,
    @Arg('outcomes', () => [String], { nullable: true, description: 'Only these outcomes, e.g. CREATED, UPDATED, CHANGED, FAILED.' }) outcomes?: string[] | null,
    @Arg('includeReads', () => Boolean, { defaultValue: false, description: 'Also the audited reads of internal data (outcome READ).' }) includeReads?: boolean,
  ): Promise<AuditLogConnection> {
    const limit = pageSize(first);
    const caller = requireCaller(ctx);
    let organisationIds = internallyReadableIds(caller);
    if (organisationRef) {
      const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation'], { read: true });
      if (organisation.error) throw outsideReadScope();
      organisationIds = [organisation.value.id];
    }
    const cursor = decodeCursor(after);
    const outcomeFilter = outcomes?.length ? { $in: outcomes.filter((o) => includeReads || o !== READ_OUTCOME) } : includeReads ? undefined : { $ne: READ_OUTCOME };
    const where: FilterQuery<AuditLogEntry> = {
      ...(organisationIds ? { targetOrganisationId: { $in: [...organisationIds] } } : {}),
      ...(reference ? { reference } : {}),
      ...(from || to ? { occurredAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } } : {}),
      ...(operations?.length ? { operation: { $in: operations.slice(0, 50) } } : {}),
      ...(outcomeFilter ? { outcome: outcomeFilter } : {}),
      ...(cursor && /^\d+$/.test(cursor[0]) ? { id: { $lt: cursor[0] } } : {}),
    };
    const page = await ctx.em.find(AuditLogEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const nodes = page.slice(0, limit);
    const org = (id: string | null) => (id ? toGlobalId('Organisation', id) : null);
    return {
      nodes: nodes.map((e) => ({
        id: String(e.id),
        occurredAt: e.occurredAt,
        actor: e.actor,
        actorOrganisationId: org(e.actorOrganisationId),
        operation: e.operation,
        outcome: e.outcome,
        organisationId: org(e.targetOrganisationId),
        activityId: e.activityId ? toGlobalId('ProcessingActivity', e.activityId) : null,
        reference: e.reference,
        versionNumber: e.versionNumber,
        idempotencyKey: e.idempotencyKey,
        details: e.details ? JSON.stringify(e.details) : null,
      })),
      pageInfo: { hasNextPage: page.length > limit, endCursor: nodes.length ? encodeCursor([String(nodes[nodes.length - 1].id)]) : null },
    };
  }
}

/** Fields of a record: its organisation and versions. Reached only through the authorised queries above. */
@Authorized()
@Resolver(() => InternalProcessingActivityType)
export class InternalProcessingActivityFieldsResolver {
  @FieldResolver(() => OrganisationType)
  async organisation(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext): Promise<OrganisationType> {
    return toOrganisationType(await ctx.em.findOneOrFail(Organisation, a.organisationDbId));
  }

  @FieldResolver(() => [RecordVersionType], { description: 'Every version, newest first.' })
  async versions(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext): Promise<RecordVersionType[]> {
    const versions = await ctx.em.find(ProcessingActivityVersion, { activity: a.dbId }, { orderBy: { versionNumber: 'desc' } });
    return versions.map(toVersionType);
  }

  @FieldResolver(() => RecordVersionType, { nullable: true })
  async version(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext, @Arg('number', () => Int) number: number): Promise<RecordVersionType | null> {
    const v = await ctx.em.findOne(ProcessingActivityVersion, { activity: a.dbId, versionNumber: number });
    return v ? toVersionType(v) : null;
  }

  @FieldResolver(() => RecordVersionType, { nullable: true, description: 'The newest version, whatever its status.' })
  async latestVersion(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext): Promise<RecordVersionType | null> {
    const v = await ctx.em.findOne(ProcessingActivityVersion, { activity: a.dbId, versionNumber: a.latestVersionNumber });
    return v ? toVersionType(v) : null;
  }

  @FieldResolver(() => RecordFactsType, { nullable: true, description: 'State, title, last change and missing Article 30 fields, as the statistics count them (null for a record without versions).' })
  async facts(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext): Promise<RecordFactsType | null> {
    return (await factsLoader(ctx).load(a.dbId)) ?? null;
  }

  @FieldResolver(() => RecordVersionType, { nullable: true, description: 'What the public sees now: the newest PUBLISHED version whose publishFrom has passed (null when withheld).' })
  async publicVersion(@Root() a: InternalProcessingActivityType, @Ctx() ctx: SyncContext): Promise<RecordVersionType | null> {
    // The public read model decides (public-scope.ts); this only looks the version up.
    const versionId = (await currentPublicVersionIds(ctx.em.getKnex(), [a.dbId])).get(a.dbId);
    const v = versionId ? await ctx.em.findOne(ProcessingActivityVersion, versionId) : null;
    return v ? toVersionType(v) : null;
  }
}

@Authorized()
@Resolver(() => RecordVersionType)
export class RecordVersionFieldsResolver {
  @FieldResolver(() => RecordContentType)
  async content(@Root() v: RecordVersionType, @Ctx() ctx: SyncContext): Promise<RecordContent> {
    return toRecordContent(await ctx.loaders.fullVersion.load(v.dbId));
  }
}
