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
  /** How long browsers and shared caches may keep a complete public answer (Cache-Control max-age, seconds; 0 = revalidate each time). */
  publicCacheMaxAgeSeconds: nonNegativeInteger('PUBLIC_CACHE_MAX_AGE', 60),
  /** The GraphiQL explorer at GET /graphql (on unless GRAPHQL_EXPLORER=off). */
  graphqlExplorer: process.env.GRAPHQL_EXPLORER?.toLowerCase() !== 'off',
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

function nonNegativeInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of 0 or more, not "${text}".`);
  return value;
}
