import { isDatabaseUnavailable } from './availability';

/** Errors as node-postgres, knex, MikroORM and graphql-js hand them over. */
function pgError(code: string, message: string, severity = 'ERROR'): Error {
  return Object.assign(new Error(message), { code, severity });
}

describe('isDatabaseUnavailable', () => {
  test.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection cut by the server', pgError('57P01', 'terminating connection due to administrator command', 'FATAL')],
    ['a server starting up', pgError('57P03', 'the database system is starting up', 'FATAL')],
    ['too many connections', pgError('53300', 'sorry, too many clients already', 'FATAL')],
    ['a lost connection (message only)', new Error('Connection terminated unexpectedly')],
    ['a database closed for connections', pgError('55000', 'database "register" is not currently accepting connections', 'FATAL')],
    ['a pool that gives no connection', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
  ])('%s is an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test('an outage wrapped by MikroORM (previous) and by GraphQL (originalError) is still one', () => {
    const driver = pgError('55000', 'database "register" is not currently accepting connections', 'FATAL');
    const mikro = Object.assign(new Error('wrapped'), { name: 'DriverException', previous: driver });
    expect(isDatabaseUnavailable({ message: 'Internal server error', originalError: mikro })).toBe(true);
  });

  test.each([
    ['another fault with SQLSTATE 55000', pgError('55000', 'cannot refresh materialized view "x" concurrently')],
    ['a missing table', pgError('42P01', 'relation "nope" does not exist')],
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint "x"')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s is not an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
