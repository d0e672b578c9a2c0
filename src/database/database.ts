import { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { type RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { ormConfig } from './mikro-orm.config';
import { prepareDatabase } from './prepare-database';

export { prepareDatabase };

export interface Database {
  orm: MikroORM;
  url: string;
  /** Where the embedded PostgreSQL keeps its data; null with DATABASE_URL. */
  embeddedDataDir: string | null;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset; then brings the
 * schema up to date (committed migrations), syncs the vocabularies and seeds an empty database.
 */
export async function openDatabase(options: { url?: string | null; seedEmptyDatabase?: boolean; ownProcessGroup?: boolean } = {}): Promise<Database> {
  let embedded: RunningPostgres | null = null;
  let url = options.url ?? config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.embeddedPostgresDir, port: config.embeddedPostgresPort, database: 'verwerkingsregister', ownProcessGroup: options.ownProcessGroup });
    url = embedded.url;
  }
  try {
    const orm = await MikroORM.init(ormConfig(url));
    await prepareDatabase(orm, { seedEmptyDatabase: options.seedEmptyDatabase ?? config.seedEmptyDatabase });
    return {
      orm,
      url,
      embeddedDataDir: embedded?.dataDir ?? null,
      close: async () => {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
