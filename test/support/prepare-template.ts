import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { prepareDatabase } from '../../src/database/database';
import { ormConfig } from '../../src/database/mikro-orm.config';

/**
 * Migrates and seeds the template database named by argv[2]. Runs as its own process because
 * MikroORM initialised inside jest's global setup breaks the test realms (mikro-orm#3783).
 */
async function main(url: string): Promise<void> {
  const orm = await MikroORM.init(ormConfig(url, { allowGlobalContext: true }));
  try {
    await prepareDatabase(orm, { seedEmptyDatabase: true });
  } finally {
    await orm.close();
  }
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exit(1);
});
