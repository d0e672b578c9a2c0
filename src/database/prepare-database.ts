import type { MikroORM } from '@mikro-orm/postgresql';
import { DatabaseSeeder } from '../../seeds/database.seeder';
import { Organisation } from '../modules/organisation/organisation.entity';
import { syncVocabularies } from '../modules/vocabulary/vocabulary.service';

/**
 * Brings the schema up to date (committed migrations), syncs the vocabularies and seeds an empty
 * database. A module of its own so that code which cannot load the embedded PostgreSQL package
 * (an ES module, e.g. under jest) can prepare a database too.
 */
export async function prepareDatabase(orm: MikroORM, options: { seedEmptyDatabase: boolean }): Promise<void> {
  await orm.getMigrator().up();
  const em = orm.em.fork();
  await syncVocabularies(em);
  if (options.seedEmptyDatabase && (await em.count(Organisation)) === 0) await new DatabaseSeeder().run(em);
}
