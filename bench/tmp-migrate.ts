import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../src/database/mikro-orm.config';
import { prepareDatabase } from '../src/database/database';
async function main() {
  const orm = await MikroORM.init(ormConfig(process.argv[2], { allowGlobalContext: false }));
  const t = Date.now();
  await prepareDatabase(orm, { seedEmptyDatabase: false });
  console.log('migrated in', Date.now() - t, 'ms');
  await orm.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
