import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import path from 'node:path';
import { limitsConfig, PROJECT_ROOT as projectRoot } from '../config';
import { MIGRATIONS } from '../../migrations';
import { PUBLIC_SEARCH_TABLES } from '../modules/publication/search/search-index-sql';
import { ENTITIES } from './entities';

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
      // migrationsList serves the server and the tests; the paths are where the CLI writes new ones.
      migrationsList: MIGRATIONS,
      path: path.join(projectRoot, 'migrations'),
      pathTs: path.join(projectRoot, 'migrations'),
      silent: true,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // The read models are written by SQL (src/modules/publication/public-scope.ts, search/search-index-sql.ts,
    // src/modules/statistics/read-model.sql.ts), never through entities; their tables come from migrations only.
    schemaGenerator: {
      skipTables: [
        'public_processing_activity_version',
        'public_processing_activity_participant',
        'public_change',
        'public_schedule',
        ...PUBLIC_SEARCH_TABLES,
        'record_facts',
        'record_facts_pending',
        'organisation_tally',
        'audit_activity',
      ],
    },
    pool: { min: 0, max: limitsConfig.poolMax },
    debug: process.env.SQL_DEBUG === '1',
    ...overrides,
  });
}

// Used by the MikroORM CLI (npm run migration:create), which needs DATABASE_URL.
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/verwerkingsregister_dev');
