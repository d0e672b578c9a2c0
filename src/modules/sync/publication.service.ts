import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, AuditService } from '../audit/audit.service';
import { VersionStatus, type WithheldReason } from '../processing-activity/processing-activity.enums';
import type { ProcessingActivity } from '../processing-activity/processing-activity.entity';
import { ProcessingActivityService, StaleVersionError } from '../processing-activity/processing-activity.service';
import { ProcessingActivityVersion } from '../processing-activity/processing-activity-version.entity';
import { withheldReasonFor } from '../processing-activity/version-builder';
import { FULL_VERSION_POPULATE, toRecordContent } from '../processing-activity/version-reader';
import { ErrorCode, type FieldError, fieldError } from './field-error';
import { publicationErrors } from './publication-rules';

export interface PublicationResult {
  /** Whether the state of the record moved. */
  changed: boolean;
  versionNumber: number | null;
  errors: FieldError[];
}

/**
 * Publication state of one record: publish (now or from a moment), withdraw, withhold and
 * lift withholding. Each call locks the record's row, checks the optional base version and
 * writes its audit entry in the same transaction.
 */
export class PublicationService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  /** `publishedAt`: when the source register published it (an import); default now. */
  async publish(activityId: string, options: { version?: number | null; publishFrom?: Date | null; publishedAt?: Date | null; baseVersion?: number | null; operation?: string }): Promise<PublicationResult> {
    return this.locked(activityId, options.operation ?? 'publishProcessingActivity', options.baseVersion, async (em, service, activity) => {
      const number = options.version ?? activity.latestVersionNumber;
      const version = await em.findOne(ProcessingActivityVersion, { activity, versionNumber: number }, { populate: FULL_VERSION_POPULATE as never });
      if (!version) return { changed: false, versionNumber: null, errors: [fieldError(['version'], ErrorCode.NOT_FOUND, `The record has no version ${number}.`)] };
      const newer = await em.count(ProcessingActivityVersion, { activity, status: VersionStatus.PUBLISHED, versionNumber: { $gt: number } });
      if (newer) return { changed: false, versionNumber: number, errors: [fieldError(['version'], ErrorCode.CONFLICT, `A newer version than ${number} is already published; publish the newest version instead.`)] };
      const errors = publicationErrors(toRecordContent(version), ['content']);
      if (errors.length) return { changed: false, versionNumber: number, errors };
      const changed = await service.publishVersion(version, options.publishFrom ?? null, options.publishedAt);
      return { changed, versionNumber: number, errors: [], details: { publishFrom: options.publishFrom?.toISOString() ?? null } };
    });
  }

  async withdraw(activityId: string, options: { baseVersion?: number | null }): Promise<PublicationResult> {
    return this.locked(activityId, 'withdrawProcessingActivity', options.baseVersion, async (_em, service, activity) => {
      const changed = await service.withdraw(activity);
      return { changed: changed.length > 0, versionNumber: activity.latestVersionNumber, errors: [], details: { withdrawnVersions: changed.map((v) => v.versionNumber) } };
    });
  }

  async withhold(activityId: string, options: { reason: WithheldReason; explanation?: string | null; baseVersion?: number | null }): Promise<PublicationResult> {
    return this.locked(activityId, 'withholdProcessingActivity', options.baseVersion, async (_em, service, activity) => {
      const changed = await service.withhold(activity, options.reason);
      return { changed, versionNumber: activity.latestVersionNumber, errors: [], details: { reason: options.reason, explanation: options.explanation ?? null } };
    });
  }

  async unwithhold(activityId: string, options: { explanation?: string | null; baseVersion?: number | null }): Promise<PublicationResult> {
    return this.locked(activityId, 'unwithholdProcessingActivity', options.baseVersion, async (em, service, activity) => {
      const latest = await em.findOne(ProcessingActivityVersion, { activity, versionNumber: activity.latestVersionNumber });
      // Withheld by law (version-builder.ts), not by choice: lifting is refused. Whether a record is public is the projector's to decide.
      if (latest && withheldReasonFor(latest.legalRole) !== null)
        return { changed: false, versionNumber: activity.latestVersionNumber, errors: [fieldError(['activity'], ErrorCode.WITHHELD_BY_LAW, 'Processor and Wpg records are never public; they stay withheld.')] };
      const changed = await service.unwithhold(activity);
      return { changed, versionNumber: activity.latestVersionNumber, errors: [], details: { explanation: options.explanation ?? null } };
    });
  }

  private async locked(
    activityId: string,
    operation: string,
    baseVersion: number | null | undefined,
    body: (em: EntityManager, service: ProcessingActivityService, activity: ProcessingActivity) => Promise<PublicationResult & { details?: Record<string, unknown> }>,
  ): Promise<PublicationResult> {
    return this.em.fork().transactional(async (em) => {
      const service = new ProcessingActivityService(em);
      const activity = await service.lockActivity(activityId);
      if (!activity) return { changed: false, versionNumber: null, errors: [fieldError(['activity'], ErrorCode.NOT_FOUND, 'No such record within the scope of this token.')] };
      let result: PublicationResult & { details?: Record<string, unknown> };
      try {
        service.assertBaseVersion(activity, baseVersion);
        result = await body(em, service, activity);
      } catch (e) {
        if (!(e instanceof StaleVersionError)) throw e;
        result = { changed: false, versionNumber: e.currentVersion, errors: [fieldError(['baseVersion'], ErrorCode.STALE_VERSION, e.message)] };
      }
      const outcome = result.errors.length ? 'FAILED' : result.changed ? 'CHANGED' : 'UNCHANGED';
      await new AuditService(em).record(this.actor, [
        {
          operation,
          outcome,
          targetOrganisationId: activity.organisation.id,
          activityId: activity.id,
          reference: activity.reference,
          versionNumber: result.versionNumber,
          details: { ...(result.details ?? {}), ...(result.errors.length ? { errors: result.errors.map((e) => ({ code: e.code, path: e.path })) } : {}) },
        },
      ]);
      return { changed: result.changed, versionNumber: result.versionNumber, errors: result.errors };
    });
  }
}
