import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation } from '../organisation/organisation.entity';
import { contentHash } from './content-hash';
import { VersionStatus, type WithheldReason } from './processing-activity.enums';
import { ProcessingActivity } from './processing-activity.entity';
import { ProcessingActivityVersion } from './processing-activity-version.entity';
import type { RecordContent } from './record-content';
import type { VersionLinks } from './version-builder';
import { resolveVersionLinks } from './version-links';
import { writeVersions } from './version-writer';

export enum SaveOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}

export interface SaveRecordInput {
  organisation: Organisation;
  reference: string;
  content: RecordContent;
  /** Status of the new version; an identical content re-delivered with a new status only moves the status. */
  status?: VersionStatus;
  publishFrom?: Date | null;
  /** The source register's own moments of publication / withdrawal (imports); default now. */
  publishedAt?: Date | null;
  withdrawnAt?: Date | null;
  /**
   * Optimistic concurrency: the version number the caller's change was based on (0 = a new
   * record). Checked after the activity row is locked; a different current version throws
   * StaleVersionError and nothing is written.
   */
  baseVersion?: number | null;
  /** When no status is given and the content is identical, leave the latest version's status as it is (sync re-deliveries). */
  preserveStatus?: boolean;
  /**
   * The record to write, when it is not `organisation`'s record with `reference`: a record of
   * another unit that moves to `organisation` (same id and history, a new version there, even
   * when its content is unchanged).
   */
  activityId?: string;
}

/** The record moved on since the version the caller's change was based on. */
export class StaleVersionError extends Error {
  constructor(
    readonly currentVersion: number,
    readonly baseVersion: number,
  ) {
    super(`The record is at version ${currentVersion}, but this change was based on version ${baseVersion}.`);
    this.name = 'StaleVersionError';
  }
}

export interface SaveRecordResult {
  outcome: SaveOutcome;
  activity: ProcessingActivity;
  version: ProcessingActivityVersion;
}

/**
 * Writes records as immutable versions. Callers run it inside a transaction (em.transactional):
 * the activity row is locked so that concurrent writers of one record serialise, and a failing
 * record rolls back whole.
 */
export class ProcessingActivityService {
  constructor(private readonly em: EntityManager) {}

  async saveRecord(input: SaveRecordInput, links?: VersionLinks): Promise<SaveRecordResult> {
    const em = this.em;
    if (!em.getTransactionContext()) return em.transactional((tx) => new ProcessingActivityService(tx).saveRecord(input, links));
    const resolved = links ?? (await resolveVersionLinks(em, input.organisation, [input.content]));
    const hash = contentHash(input.content);
    const status = input.status ?? VersionStatus.DRAFT;

    const activity = await em.findOne(
      ProcessingActivity,
      input.activityId ? { id: input.activityId } : { organisation: input.organisation, reference: input.reference },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const isNew = !activity;
    const moving = activity !== null && activity.organisation.id !== input.organisation.id;
    if (input.baseVersion != null && input.baseVersion !== (activity?.latestVersionNumber ?? 0)) {
      throw new StaleVersionError(activity?.latestVersionNumber ?? 0, input.baseVersion);
    }
    if (activity && !moving) {
      const latest = await em.findOne(ProcessingActivityVersion, { activity, versionNumber: activity.latestVersionNumber });
      if (latest && latest.contentHash === hash) {
        const keep = input.preserveStatus && input.status === undefined;
        const moved = keep ? false : this.applyStatus(latest, status, input.publishFrom, input);
        await em.flush();
        return { outcome: moved ? SaveOutcome.UPDATED : SaveOutcome.UNCHANGED, activity, version: latest };
      }
    }

    const [written] = await writeVersions(
      em,
      [{ activity: isNew ? null : { id: activity!.id, latestVersionNumber: activity!.latestVersionNumber }, organisationId: input.organisation.id, reference: input.reference, content: input.content, hash, status, publishFrom: input.publishFrom ?? null, publishedAt: input.publishedAt, withdrawnAt: input.withdrawnAt }],
      resolved,
    );
    // The rows were written with SQL (version-writer.ts): read them back as entities for the caller.
    const saved = await em.findOneOrFail(ProcessingActivity, written.activityId, { refresh: true });
    const version = await em.findOneOrFail(ProcessingActivityVersion, written.versionId);
    return { outcome: isNew ? SaveOutcome.CREATED : SaveOutcome.UPDATED, activity: saved, version };
  }

  /** The activity row, locked for the rest of the transaction (concurrent writers of one record serialise on it). */
  async lockActivity(id: string): Promise<ProcessingActivity | null> {
    return this.em.findOne(ProcessingActivity, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['organisation'] });
  }

  /** Throws StaleVersionError when baseVersion is given and the record moved on. */
  assertBaseVersion(activity: ProcessingActivity, baseVersion: number | null | undefined): void {
    if (baseVersion != null && baseVersion !== activity.latestVersionNumber) throw new StaleVersionError(activity.latestVersionNumber, baseVersion);
  }

  /**
   * Publishes one version (call with the activity locked): PUBLISHED, publishedAt set, publishFrom as
   * given (null = at once). Publication checks (Article 30 fields, lint) are the caller's.
   */
  async publishVersion(version: ProcessingActivityVersion, publishFrom: Date | null, publishedAt?: Date | null): Promise<boolean> {
    const before = `${version.status}|${version.publishFrom?.toISOString()}`;
    version.status = VersionStatus.PUBLISHED;
    version.publishFrom = publishFrom;
    // The source's own publication moment (an import) or now; a version published before keeps its first moment.
    version.publishedAt ??= publishedAt ?? new Date();
    version.withdrawnAt = null;
    await this.em.flush();
    return before !== `${version.status}|${version.publishFrom?.toISOString()}`;
  }

  /**
   * Withdraws a record (call with the activity locked): every PUBLISHED version becomes WITHDRAWN.
   * With `pendingToo`, a newest version still in DRAFT or UNDER_REVIEW is withdrawn as well (the
   * record left the source register). Answers the versions that changed.
   */
  async withdraw(activity: ProcessingActivity, options: { pendingToo?: boolean } = {}): Promise<ProcessingActivityVersion[]> {
    const statuses = options.pendingToo ? [VersionStatus.PUBLISHED, VersionStatus.DRAFT, VersionStatus.UNDER_REVIEW] : [VersionStatus.PUBLISHED];
    const candidates = await this.em.find(ProcessingActivityVersion, { activity, status: { $in: statuses } });
    const changed = candidates.filter((v) => v.status === VersionStatus.PUBLISHED || v.versionNumber === activity.latestVersionNumber);
    const now = new Date();
    for (const v of changed) {
      v.status = VersionStatus.WITHDRAWN;
      v.withdrawnAt = now;
    }
    await this.em.flush();
    return changed;
  }

  /** Marks a record withheld (call with the activity locked); answers whether anything changed. */
  async withhold(activity: ProcessingActivity, reason: WithheldReason): Promise<boolean> {
    const changed = !activity.withheld || activity.withheldReason !== reason;
    activity.withheld = true;
    activity.withheldReason = reason;
    await this.em.flush();
    return changed;
  }

  /** Lifts withholding (call with the activity locked); answers whether anything changed. Callers refuse it for processor and Wpg records. */
  async unwithhold(activity: ProcessingActivity): Promise<boolean> {
    const changed = activity.withheld;
    activity.withheld = false;
    activity.withheldReason = null;
    await this.em.flush();
    return changed;
  }

  /** Moves a version's publication state; returns whether anything changed. */
  private applyStatus(version: ProcessingActivityVersion, status: VersionStatus, publishFrom: Date | null | undefined, source: { publishedAt?: Date | null; withdrawnAt?: Date | null } = {}): boolean {
    const before = `${version.status}|${version.publishFrom?.toISOString()}`;
    version.status = status;
    if (publishFrom !== undefined) version.publishFrom = publishFrom;
    if (status === VersionStatus.PUBLISHED && !version.publishedAt) version.publishedAt = source.publishedAt ?? new Date();
    if (status === VersionStatus.WITHDRAWN && !version.withdrawnAt) version.withdrawnAt = source.withdrawnAt ?? new Date();
    return before !== `${version.status}|${version.publishFrom?.toISOString()}`;
  }
}
