import type { EntityManager } from '@mikro-orm/postgresql';

/** PLACEHOLDER until the sync surface lands: no caller is ever authenticated. */
export interface SyncContext {
  em: EntityManager;
  caller: null;
}

export async function createSyncContext(em: EntityManager, _authorization: string | undefined): Promise<SyncContext> {
  return { em, caller: null };
}
