import { GraphQLError } from 'graphql';
import type { PublicActivityOrder } from '../../modules/publication/public-filter';
import type { Keyset } from '../../modules/publication/public-register';

/** The largest finite PostgreSQL real. */
const FLOAT4_MAX = 3.4028234663852886e38;

/** Opaque keyset cursors: the ordering, the row's sort value and its id. Stable when rows are inserted. */
export function encodeCursor(order: PublicActivityOrder, keyset: Keyset): string {
  return Buffer.from(JSON.stringify([order, ...keyset])).toString('base64url');
}

export function decodeCursor(cursor: string, order: PublicActivityOrder): Keyset {
  try {
    const [o, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // RELEVANCE sorts by a number (the rank), every other order by text; a value of the wrong type
    // or with a NUL byte would make PostgreSQL fail instead of answering BAD_USER_INPUT.
    // The rank is a PostgreSQL real (float4, never negative): a larger number fails the cast in SQL.
    const valueOk = order === 'RELEVANCE' ? typeof value === 'number' && value >= 0 && value <= FLOAT4_MAX : typeof value === 'string' && !value.includes('\u0000');
    if (o === order && valueOk && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return [value, id];
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('Invalid cursor for this ordering: pass an endCursor from a previous page with the same orderBy.', {
    extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
  });
}
