import path from 'node:path';
import { defaultEmbeddedDataDir } from './database/embedded-postgres';

/** Project root, both when run from src/ (ts-node, jest) and from dist/src/ (compiled). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Everything the server reads from the environment, in one place. */
export const config = {
  port: Number(process.env.PORT ?? 4000),
  /** When unset, an embedded PostgreSQL is started with its data in .data/postgres (as root: under /var/tmp, see embedded-postgres.ts). */
  databaseUrl: process.env.DATABASE_URL || null,
  embeddedPostgresPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  embeddedPostgresDir: process.env.EMBEDDED_PG_DIR || defaultEmbeddedDataDir(PROJECT_ROOT),
  /** Seed the five sample records into an empty database (default on; SEED=false to start empty). */
  seedEmptyDatabase: process.env.SEED !== 'false',
  /** How long SIGTERM/SIGINT waits for requests in flight before closing them (ms). */
  shutdownGraceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000),
};
