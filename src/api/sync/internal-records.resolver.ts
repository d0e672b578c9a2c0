import type { FilterQuery } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AuditLogEntry } from '../../modules/audit/audit-log-entry.entity';
import { TokenScope } from '../../modules/auth/token-scope';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { subtreeIds } from '../../modules/organisation/organisation-scope';
import { ProcessingActivity } from '../../modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../modules/processing-activity/processing-activity-version.entity';
import type { RecordContent } from '../../modules/processing-activity/record-content';
import { currentPublicVersionIds } from '../../modules/publication/public-register';
import { toRecordContent } from '../../modules/processing-activity/version-reader';
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
import { scopedActivity, scopedOrganisation } from './scope';
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

  @Authorized(TokenScope.INTERNAL_READ)
  @Query(() => InternalProcessingActivityConnection, { description: "Records of an organisation in the token's scope (default: the token's own), drafts included, ordered by reference." })
  async processingActivities(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true }) organisationRef?: OrganisationRefInput | null,
    @Arg('includeSubOrganisations', () => Boolean, { defaultValue: false }) includeSubOrganisations?: boolean,
    @Arg('first', () => Int, { defaultValue: 100, description: `0 to ${MAX_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<InternalProcessingActivityConnection> {
    const limit = pageSize(first);
    const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation']);
    if (organisation.error) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const ids = includeSubOrganisations ? await subtreeIds(ctx.em, organisation.value.id) : [organisation.value.id];
    const where: FilterQuery<ProcessingActivity> = { organisation: { $in: ids } };
    const totalCount = await ctx.em.count(ProcessingActivity, where);
    const cursor = decodeCursor(after);
    const page = await ctx.em.find(
      ProcessingActivity,
      cursor ? { $and: [where, { $or: [{ reference: { $gt: cursor[0] } }, { reference: cursor[0], id: { $gt: cursor[1] } }] }] } : where,
      { orderBy: { reference: 'asc', id: 'asc' }, limit: limit + 1, populate: ['organisation'] },
    );
    const nodes = page.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes: nodes.map(toActivityType), pageInfo: { hasNextPage: page.length > limit, endCursor: last ? encodeCursor([last.reference, last.id]) : null }, totalCount };
  }

  @Authorized(TokenScope.INTERNAL_READ)
  @Query(() => InternalProcessingActivityType, { nullable: true, description: "One record in the token's scope, or null (also for a record of another organisation)." })
  async processingActivity(@Ctx() ctx: SyncContext, @Arg('activity', () => ActivityRefInput) ref: ActivityRefInput): Promise<InternalProcessingActivityType | null> {
    const found = await scopedActivity(ctx, ref, ['activity']);
    return found.value ? toActivityType(found.value) : null;
  }

  @Authorized(TokenScope.INTERNAL_READ)
  @Query(() => ExportedRecordConnection, {
    description: "The newest version of an organisation's records, exactly as SyncRecordInput takes them (for backups and round trips), by reference, a page at a time: follow pageInfo.endCursor until hasNextPage is false.",
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
    const empty = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation']);
    if (organisation.error) return empty;
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

  @Authorized(TokenScope.INTERNAL_READ)
  @Query(() => AuditLogConnection, { description: "Every write on the organisations in the token's scope, newest first." })
  async auditLog(
    @Ctx() ctx: SyncContext,
    @Arg('organisation', () => OrganisationRefInput, { nullable: true, description: "Default: every organisation in the token's scope." }) organisationRef?: OrganisationRefInput | null,
    @Arg('reference', () => String, { nullable: true }) reference?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `0 to ${MAX_PAGE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditLogConnection> {
    const limit = pageSize(first);
    const caller = requireCaller(ctx);
    let organisationIds = caller.organisationIds;
    if (organisationRef) {
      const organisation = await scopedOrganisation(ctx, organisationRef, ['organisation']);
      if (organisation.error) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
      organisationIds = [organisation.value.id];
    }
    const cursor = decodeCursor(after);
    const where: FilterQuery<AuditLogEntry> = {
      targetOrganisationId: { $in: organisationIds },
      ...(reference ? { reference } : {}),
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
