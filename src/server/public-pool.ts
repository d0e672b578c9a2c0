import { type Knex, knex } from '@mikro-orm/postgresql';

export interface PublicPoolOptions {
  /** Longest a statement may run, in ms; 0: no limit. */
  statementTimeoutMs: number;
  max: number;
}

/**
 * The public surface's own connection pool, on the ORM's database and connection settings, with
 * PostgreSQL's statement_timeout set on every connection (a startup parameter: no extra round
 * trip per statement). A public request can neither hold a connection longer than that nor take
 * the connections the sync surface and the cache listener need. Its statements are reported
 * through the ORM's knex `query` event as well, so statement counts (tests, bench metrics) see
 * every statement wherever it ran.
 */
export function createPublicPool(ormKnex: Knex, options: PublicPoolOptions): Knex {
  const base = ormKnex.client.config as Knex.Config;
  const timeout = options.statementTimeoutMs > 0 ? { statement_timeout: Math.round(options.statementTimeoutMs) } : {};
  const connection = base.connection as Knex.PgConnectionConfig | (() => Promise<Knex.PgConnectionConfig>);
  const publicKnex = knex({
    ...base,
    // knex hides the password from enumeration: copied by name.
    connection: typeof connection === 'function' ? async () => ({ ...(await connection()), ...timeout }) : { ...connection, password: connection.password, ...timeout },
    pool: { min: 0, max: Math.max(1, options.max) },
  });
  publicKnex.on('query', (query: unknown) => ormKnex.emit('query', query));
  return publicKnex;
}
