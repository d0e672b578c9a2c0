import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The first answer to a batch sent with an idempotency key. Keyed by the calling token's
 * organisation and the key; the request hash tells a retry from a different request that
 * reuses a key. The row is inserted in the batch's own transaction, so a concurrent retry
 * waits for the first attempt and then receives its answer.
 */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'character', length: 64 })
  requestHash!: string;

  @Property({ type: 'json', nullable: true })
  response: unknown = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
