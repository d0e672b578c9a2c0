import type { Knex } from '@mikro-orm/postgresql';

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  __knexUid?: string;
}

const names = new Map<string, string>();

/**
 * Runs one fixed statement ($1, $2 … placeholders, values as bind parameters) on a connection of
 * knex's pool, straight through pg. The public loaders send the same few statements thousands of
 * times: knex.raw re-formats the bindings of each call, and as a named prepared statement every
 * pooled connection parses and plans the text once instead of on every execution.
 *
 * The statement is reported through knex's `query` event like any other, so statement counts
 * (tests, the bench's metrics) see it.
 */
export async function pooledStatement<R>(knex: Knex, text: string, values: unknown[]): Promise<R[]> {
  let name = names.get(text);
  if (!name) names.set(text, (name = `public_${names.size + 1}`));
  const client = knex.client as Knex.Client & { acquireConnection(): Promise<PgConnection>; releaseConnection(c: PgConnection): Promise<void> };
  const connection = await client.acquireConnection();
  try {
    client.emit('query', { __knexUid: connection.__knexUid, method: 'raw', sql: text, bindings: values });
    return (await connection.query({ name, text, values })).rows as R[];
  } finally {
    await client.releaseConnection(connection);
  }
}

const UUID_LIST = /^[0-9a-fA-F,-]*$/;

/**
 * Ids as the text of a uuid[] parameter. pg would escape every element of a JS array character by
 * character; uuids need no escaping, and anything that is not made of uuid characters is refused
 * here (the statement's cast refuses a malformed uuid).
 */
export function uuidArray(ids: readonly string[]): string {
  const list = ids.join(',');
  if (!UUID_LIST.test(list)) throw new Error('not a uuid');
  return `{${list}}`;
}
