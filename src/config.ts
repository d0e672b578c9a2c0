import path from 'node:path';

/** Project root, both when run from src/ (ts-node, jest) and from dist/src/ (compiled). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Everything the server reads from the environment, in one place. */
export const config = {
  port: Number(process.env.PORT ?? 4000),
  /** When unset, an embedded PostgreSQL is started with its data in .data/postgres. */
  databaseUrl: process.env.DATABASE_URL || null,
  embeddedPostgresPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  embeddedPostgresDir: process.env.EMBEDDED_PG_DIR ?? path.join(PROJECT_ROOT, '.data', 'postgres'),
  /** Seed the five sample records into an empty database (default on; SEED=false to start empty). */
  seedEmptyDatabase: process.env.SEED !== 'false',
};

const MiB = 1024 * 1024;

/** Bounds on what one public request may cost and on every cache that grows with distinct requests (docs/public-api.md, "Limits"). */
export const limitsConfig = {
  /** Longest a statement of the public surface may run, in ms (0: no limit); its expiry answers 503 QUERY_TIMEOUT. */
  publicStatementTimeoutMs: Number(process.env.PUBLIC_STATEMENT_TIMEOUT_MS ?? 5_000),
  /** Size of the public surface's own connection pool (the statement timeout is set on its connections). */
  publicPoolMax: Number(process.env.PUBLIC_DB_POOL_MAX ?? process.env.DB_POOL_MAX ?? 10),
  /** Each per-document cache (parsed and validated documents, compiled queries, costs, column selections), per surface. */
  queryCache: { maxEntries: Number(process.env.QUERY_CACHE_MAX_ENTRIES ?? 100), maxBytes: Number(process.env.QUERY_CACHE_MAX_BYTES ?? 16 * MiB) },
  /** The public response cache. */
  responseCache: { maxEntries: Number(process.env.RESPONSE_CACHE_MAX_ENTRIES ?? 2_000), maxBytes: Number(process.env.RESPONSE_CACHE_MAX_BYTES ?? 16 * MiB) },
};
