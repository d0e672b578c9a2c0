/**
 * Whether an error means "the database cannot be reached right now" (refused or dropped
 * connections, a server shutting down or starting up, no free connection) rather than a fault
 * of the request or a bug. Such a failure is the service's, temporary, and answered with 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const e = pending.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (matches(e as ErrorLike)) return true;
    const { originalError, cause, previous, thrownValue, errors } = e as ErrorLike;
    pending.push(originalError, cause, previous, thrownValue, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  originalError?: unknown;
  cause?: unknown;
  /** MikroORM's DriverException keeps the driver's error here. */
  previous?: unknown;
  /** graphql-js wraps a thrown value that is not an Error (of this realm) in NonErrorThrown. */
  thrownValue?: unknown;
  errors?: unknown;
}

/** Socket errors of a connection that cannot be opened or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (server shutting down,
 * crashed, not yet accepting connections), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;

/**
 * node-postgres and knex say these in the message only. PostgreSQL refuses a new connection to a
 * database closed for connections (`ALTER DATABASE … ALLOW_CONNECTIONS false`, as during a restore)
 * with SQLSTATE 55000, a code it also uses for faults of a statement, so that one goes by its message.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^Timeout acquiring a connection/,
  /^Knex: Timeout acquiring a connection/,
  /the database system is (shutting down|starting up|in recovery mode)/,
  /^database ".*" is not currently accepting connections$/,
];

function matches(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => m.test(message));
}
