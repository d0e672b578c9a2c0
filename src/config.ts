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
  /** Days until a new API token expires unless created with an explicit expiry or none (--no-expiry, noExpiry). */
  tokenDefaultExpiryDays: positiveNumber('TOKEN_DEFAULT_EXPIRY_DAYS', 365),
  /** Anonymous requests per client (IP) per minute on the public surface; 0 = no limit (default off under jest). */
  publicRateLimitPerMinute: positiveNumber('PUBLIC_RATE_LIMIT_PER_MINUTE', process.env.NODE_ENV === 'test' ? 0 : 600),
  /** Failed sync authentications per client (IP) per 15 minutes before it gets 429; 0 = no limit (default off under jest). */
  authFailureLimitPer15Min: positiveNumber('AUTH_FAILURE_LIMIT_PER_15MIN', process.env.NODE_ENV === 'test' ? 0 : 20),
  /** Express "trust proxy" (e.g. 1 behind one load balancer), so rate limits see the client's address, not the proxy's. */
  trustProxy: process.env.TRUST_PROXY ?? null,
};

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more, not "${raw}"`);
  return value;
}
