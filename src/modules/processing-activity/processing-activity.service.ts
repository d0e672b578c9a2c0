import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation } from '../organisation/organisation.entity';
import { contentHash } from './content-hash';
import { LegalRole, VersionStatus, WithheldReason } from './processing-activity.enums';
import { ProcessingActivity } from './processing-activity.entity';
import { ProcessingActivityVersion } from './processing-activity-version.entity';
import type { RecordContent } from './record-content';
import { buildVersion, type VersionLinks } from './version-builder';
import { resolveVersionLinks } from './version-links';

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
    const resolved = links ?? (await resolveVersionLinks(em, input.organisation, [input.content]));
    const hash = contentHash(input.content);
    const status = input.status ?? VersionStatus.DRAFT;

    let activity = await em.findOne(
      ProcessingActivity,
      { organisation: input.organisation, reference: input.reference },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const isNew = !activity;
    if (!activity) {
      activity = em.create(ProcessingActivity, { organisation: input.organisation, reference: input.reference });
    } else {
      const latest = await em.findOne(ProcessingActivityVersion, { activity, versionNumber: activity.latestVersionNumber });
      if (latest && latest.contentHash === hash) {
        const moved = this.applyStatus(latest, status, input.publishFrom);
        await em.flush();
        return { outcome: moved ? SaveOutcome.UPDATED : SaveOutcome.UNCHANGED, activity, version: latest };
      }
    }

    activity.latestVersionNumber += 1;
    const version = buildVersion(em, activity, activity.latestVersionNumber, input.content, hash, resolved);
    this.applyStatus(version, status, input.publishFrom);
    this.withholdByLegalRole(activity, input.content.legalRole);
    em.persist(version);
    await em.flush();
    return { outcome: isNew ? SaveOutcome.CREATED : SaveOutcome.UPDATED, activity, version };
  }

  /** Moves a version's publication state; returns whether anything changed. */
  private applyStatus(version: ProcessingActivityVersion, status: VersionStatus, publishFrom: Date | null | undefined): boolean {
    const before = `${version.status}|${version.publishFrom?.toISOString()}`;
    version.status = status;
    if (publishFrom !== undefined) version.publishFrom = publishFrom;
    if (status === VersionStatus.PUBLISHED && !version.publishedAt) version.publishedAt = new Date();
    if (status === VersionStatus.WITHDRAWN && !version.withdrawnAt) version.withdrawnAt = new Date();
    return before !== `${version.status}|${version.publishFrom?.toISOString()}`;
  }

  /** Processor and Wpg records are internal by law and practice: they are withheld whatever their status. */
  private withholdByLegalRole(activity: ProcessingActivity, role: LegalRole): void {
    if (role === LegalRole.CONTROLLER || activity.withheld) return;
    activity.withheld = true;
    activity.withheldReason = role === LegalRole.PROCESSOR ? WithheldReason.PROCESSOR_RECORD : WithheldReason.WPG_RECORD;
  }
}
