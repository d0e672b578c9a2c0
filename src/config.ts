import path from 'node:path';

/** Project root, both when run from src/ (ts-node, jest) and from dist/src/ (compiled). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Everything the server reads from the environment, in one place. */
export const config = {
  port: Number(process.env.PORT ?? 4000),
  /** When unset, an embedded PostgreSQL is started with its data in .data/postgres. */
  databaseUrl: process.env.DATABASE_URL || null,
  /** Read replicas of DATABASE_URL's server for the public surface (comma-separated URLs); see docs/deployment.md. */
  databaseReadUrls: (process.env.DATABASE_READ_URL ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== ''),
  embeddedPostgresPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  embeddedPostgresDir: process.env.EMBEDDED_PG_DIR ?? path.join(PROJECT_ROOT, '.data', 'postgres'),
  /** Seed the five sample records into an empty database (default on; SEED=false to start empty). */
  seedEmptyDatabase: process.env.SEED !== 'false',
};
