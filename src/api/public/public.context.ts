import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { createPublicContentLoaders, type PublicContentLoaders } from '../../modules/publication/public-content.loaders';
import { PublicRegister, type PublicVersionRow } from '../../modules/publication/public-register';
import type { PublicationScheduler } from '../../modules/publication/publication-scheduler';
import type { PublicReferenceData } from '../../modules/publication/reference-data';
import { OrganisationDirectory } from './organisation-directory';

/**
 * What a public resolver can reach: the public register (the read model: published, in-force,
 * not withheld records only), loaders keyed by what the register returned, and the organisation
 * tree. Deliberately no EntityManager: nothing here can read a draft or an internal table.
 */
export interface PublicContext {
  register: PublicRegister;
  content: PublicContentLoaders;
  /** The current public version of a record by activity id; null when hidden or unknown. */
  visibleActivity: DataLoader<string, PublicVersionRow | null>;
  /** Public versions of visible records, newest first. */
  history: DataLoader<string, PublicVersionRow[]>;
  /** The organisations that adopted a visible record (ids, by name); empty when none did. */
  participants: DataLoader<string, string[]>;
  organisations: OrganisationDirectory;
}

export interface PublicContextSources {
  /** Organisations and vocabularies kept in the process. */
  referenceData: PublicReferenceData;
  /** Applies scheduled publications whose moment has passed before the request reads. */
  scheduler?: PublicationScheduler | null;
  /** Above this many postings a search of alternative words gets estimated counts (PublicRegister); default 5,000. */
  searchExactCountLimit?: number;
}

/** Built from the connection pool only: a request on the public surface has no EntityManager to fork. */
export async function createPublicContext(knex: Knex, sources: PublicContextSources): Promise<PublicContext> {
  await sources.scheduler?.current();
  const register = new PublicRegister(knex, sources.referenceData, new Date(), { exactCountLimit: sources.searchExactCountLimit });
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
    participants: new DataLoader(async (ids) => {
      const byActivity = await register.participantsOf(ids);
      return ids.map((id) => byActivity.get(id) ?? []);
    }),
    organisations: new OrganisationDirectory(knex, register, sources.referenceData),
  };
}
