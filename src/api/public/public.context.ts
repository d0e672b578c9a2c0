import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { createPublicContentLoaders, type PublicContentLoaders } from '../../modules/publication/public-content.loaders';
import { PublicRegister } from '../../modules/publication/public-register';
import type { PublicVersionRow } from '../../modules/publication/public-scope';
import { OrganisationDirectory } from './organisation-directory';

/**
 * What a public resolver can reach: the public register (published, in-force, not withheld
 * records only), loaders keyed by what the register returned, and the organisation tree.
 * Deliberately no EntityManager: nothing here can read a draft or an internal table.
 */
export interface PublicContext {
  register: PublicRegister;
  content: PublicContentLoaders;
  /** The visible version of a record by activity id; null when hidden or unknown. */
  visibleActivity: DataLoader<string, PublicVersionRow | null>;
  /** Published versions of visible records, newest first. */
  history: DataLoader<string, PublicVersionRow[]>;
  organisations: OrganisationDirectory;
}

/** Built from the connection pool only: a request on the public surface has no EntityManager to fork. */
export async function createPublicContext(knex: Knex): Promise<PublicContext> {
  const register = new PublicRegister(knex);
  return {
    register,
    content: createPublicContentLoaders(knex),
    visibleActivity: new DataLoader(async (ids) => {
      const rows = new Map((await register.byActivityIds(ids)).map((r) => [r.activity_id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    history: new DataLoader(async (ids) => {
      const rows = await register.historyOf(ids);
      return ids.map((id) => rows.filter((r) => r.activity_id === id));
    }),
    organisations: new OrganisationDirectory(knex, register),
  };
}
