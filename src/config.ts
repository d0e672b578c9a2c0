import path from 'node:path';
import { ConfigurationError } from './configuration-error';
import { defaultEmbeddedDataDir } from './database/embedded-postgres';
import { DEFAULT_EXACT_COUNT_LIMIT } from './modules/publication/search/word-search';

/** Project root, both when run from src/ (ts-node, jest) and from dist/src/ (compiled). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Everything the server reads from the environment, in one place. */
export const config = {
  port: portNumber('PORT', 4000),
  /** When unset, an embedded PostgreSQL is started with its data in .data/postgres (as root: under /var/tmp, see embedded-postgres.ts). */
  databaseUrl: process.env.DATABASE_URL || null,
  /** Read replicas of DATABASE_URL's server for the public surface (comma-separated URLs); see docs/deployment.md. */
  databaseReadUrls: (process.env.DATABASE_READ_URL ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== ''),
  embeddedPostgresPort: portNumber('EMBEDDED_PG_PORT', 54329),
  embeddedPostgresDir: process.env.EMBEDDED_PG_DIR || defaultEmbeddedDataDir(PROJECT_ROOT),
  /** Seed the five sample records into an empty database (default on; SEED=false to start empty). */
  seedEmptyDatabase: process.env.SEED !== 'false',
  /** How long browsers and shared caches may keep a complete public answer (Cache-Control max-age, seconds; 0 = revalidate each time). */
  publicCacheMaxAgeSeconds: nonNegativeInteger('PUBLIC_CACHE_MAX_AGE', 60),
  /** The GraphiQL explorer at GET /graphql (on unless GRAPHQL_EXPLORER=off). */
  graphqlExplorer: process.env.GRAPHQL_EXPLORER?.toLowerCase() !== 'off',
  /** Prometheus metrics: a listener of their own on METRICS_HOST:METRICS_PORT (unset: none), and/or /metrics on the API port behind METRICS_TOKEN. */
  metricsPort: process.env.METRICS_PORT ? portNumber('METRICS_PORT', 0) : null,
  metricsHost: process.env.METRICS_HOST || '127.0.0.1',
  metricsToken: process.env.METRICS_TOKEN || null,
  /** How long SIGTERM/SIGINT waits for requests in flight before closing them (ms). */
  shutdownGraceMs: nonNegativeInteger('SHUTDOWN_GRACE_MS', 25_000),
  /** Days until a new API token expires unless created with an explicit expiry or none (--no-expiry, noExpiry). */
  tokenDefaultExpiryDays: nonNegativeInteger('TOKEN_DEFAULT_EXPIRY_DAYS', 365),
  /** Anonymous requests per client (IP) per minute on the public surface; 0 = no limit (default off under jest). */
  publicRateLimitPerMinute: nonNegativeInteger('PUBLIC_RATE_LIMIT_PER_MINUTE', process.env.NODE_ENV === 'test' ? 0 : 600),
  /** Failed sync authentications per client (IP) per 15 minutes before it gets 429; 0 = no limit (default off under jest). */
  authFailureLimitPer15Min: nonNegativeInteger('AUTH_FAILURE_LIMIT_PER_15MIN', process.env.NODE_ENV === 'test' ? 0 : 20),
  /** Express "trust proxy" (e.g. 1 behind one load balancer), so rate limits see the client's address, not the proxy's. */
  trustProxy: process.env.TRUST_PROXY ?? null,
  /** What the open-data catalogue (DCAT-AP) says of the register. */
  openData: {
    /** The register's public address, e.g. https://verwerkingsregister.example.nl; unset: taken from each request's Host. */
    baseUrl: process.env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || null,
    license: process.env.OPEN_DATA_LICENSE || 'http://creativecommons.org/publicdomain/zero/1.0/',
    publisherName: process.env.OPEN_DATA_PUBLISHER || 'Verwerkingsregister',
    publisherUri: process.env.OPEN_DATA_PUBLISHER_URI || null,
    contactEmail: process.env.OPEN_DATA_CONTACT_EMAIL || null,
  },
};

/**
 * A whole number from the environment within [min, max], or the fallback when unset. Anything else
 * stops the start with the variable's name: `Number('')`, `Number('25s')` and `Number('1e3')` would
 * otherwise start a server with 0, NaN or a surprise.
 */
function integerSetting(name: string, fallback: number, min: number, max: number, what: string): number {
  const text = process.env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new ConfigurationError(`${name} must be ${what}, not "${process.env[name]}".`);
  return value;
}

function nonNegativeInteger(name: string, fallback: number): number {
  return integerSetting(name, fallback, 0, Number.MAX_SAFE_INTEGER, 'a whole number of 0 or more');
}

function positiveInteger(name: string, fallback: number): number {
  return integerSetting(name, fallback, 1, Number.MAX_SAFE_INTEGER, 'a whole number of 1 or more');
}

function portNumber(name: string, fallback: number): number {
  return integerSetting(name, fallback, 0, 65_535, 'a port number from 0 (any free port) to 65535');
}
const MiB = 1024 * 1024;

/** Bounds on what one public request may cost and on every cache that grows with distinct requests (docs/public-api.md, "Limits"). */
export const limitsConfig = {
  /** Longest a statement of the public surface may run, in ms (0: no limit); its expiry answers 503 QUERY_TIMEOUT. */
  publicStatementTimeoutMs: nonNegativeInteger('PUBLIC_STATEMENT_TIMEOUT_MS', 5_000),
  /** Size of the public surface's own connection pool (the statement timeout is set on its connections). */
  publicPoolMax: positiveInteger('PUBLIC_DB_POOL_MAX', positiveInteger('DB_POOL_MAX', 10)),
  /** Size of every other connection pool (the primary's and each replica's), per process. */
  poolMax: positiveInteger('DB_POOL_MAX', 10),
  /** Each per-document cache (parsed and validated documents, compiled queries, costs, column selections), per surface. */
  queryCache: { maxEntries: positiveInteger('QUERY_CACHE_MAX_ENTRIES', 100), maxBytes: positiveInteger('QUERY_CACHE_MAX_BYTES', 16 * MiB) },
  /**
   * A search for the alternatives of a word (a prefix, synonyms) whose words are together in more
   * records than this, without a filter, gets estimated counts (totalCountIsEstimate); 0: never estimate.
   */
  searchExactCountLimit: nonNegativeInteger('SEARCH_EXACT_COUNT_LIMIT', DEFAULT_EXACT_COUNT_LIMIT),
  /** Open-data downloads one process streams at once (each holds a connection of the public pool while it runs); more answer 503 DOWNLOADS_BUSY. */
  openDataMaxDownloads: positiveInteger('OPEN_DATA_MAX_DOWNLOADS', 4),
  /** A download whose client reads nothing for this long is cut off, releasing its connection. */
  openDataIdleTimeoutMs: positiveInteger('OPEN_DATA_IDLE_TIMEOUT_MS', 60_000),
  /** The public response cache. */
  responseCache: { maxEntries: positiveInteger('RESPONSE_CACHE_MAX_ENTRIES', 2_000), maxBytes: positiveInteger('RESPONSE_CACHE_MAX_BYTES', 16 * MiB) },
};
