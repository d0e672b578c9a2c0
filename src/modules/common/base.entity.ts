import { randomUUID } from 'node:crypto';
import { PrimaryKey } from '@mikro-orm/core';

/**
 * UUID primary keys: public ids are derived from them, and random ids reveal nothing about
 * how many hidden records exist (a serial id would).
 */
export abstract class UuidEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();
}
