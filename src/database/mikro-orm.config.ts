import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import path from 'node:path';
import { ENTITIES } from './entities';

const projectRoot = path.resolve(__dirname, '..', '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');

/**
 * ORM configuration for a given database URL. The URL comes from DATABASE_URL or from the
 * embedded PostgreSQL (see database.ts); the CLI uses DATABASE_URL.
 */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    // Forking per request is explicit (RequestContext); a global EM must never be used by requests.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    migrations: {
      path: path.join(projectRoot, 'dist', 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX ?? 10) },
    debug: process.env.SQL_DEBUG === '1',
    ...overrides,
  });
}

// Used by the MikroORM CLI (npm run migration:create), which needs DATABASE_URL.
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/verwerkingsregister_dev');
