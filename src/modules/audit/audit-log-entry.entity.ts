import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One write on the register: who (token and its organisation), what (operation, target
 * organisation and record), when, and the outcome. Append-only; ids are plain uuids and the
 * foreign keys are deliberately absent, so the log outlives revoked tokens and moved records.
 */
@Entity({ tableName: 'audit_log_entry' })
@Index({ name: 'audit_log_entry_target_organisation_idx', properties: ['targetOrganisationId', 'occurredAt'] })
export class AuditLogEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date & Opt = new Date();

  /** The token's id, or null for the command line. */
  @Property({ type: 'uuid', nullable: true })
  tokenId: string | null = null;

  /** The token's public prefix, or "cli". */
  @Property({ type: 'text' })
  actor!: string;

  /** The organisation the acting token belongs to (null for the command line). */
  @Property({ type: 'uuid', nullable: true })
  actorOrganisationId: string | null = null;

  /** e.g. syncProcessingActivities, publishProcessingActivity, createOrganisation */
  @Property({ type: 'text' })
  operation!: string;

  /** The organisation whose data was written. */
  @Property({ type: 'uuid', nullable: true })
  targetOrganisationId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  activityId: string | null = null;

  /** The record's reference number, when the write concerns a record. */
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Property({ type: 'integer', nullable: true })
  versionNumber: number | null = null;

  /** CREATED, UPDATED, UNCHANGED, WITHDRAWN, PUBLISHED, FAILED, … */
  @Property({ type: 'text' })
  outcome!: string;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  /** Error codes, the reason given, and other detail. */
  @Property({ type: 'json', nullable: true })
  details: Record<string, unknown> | null = null;
}
