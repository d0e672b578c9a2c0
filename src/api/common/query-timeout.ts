import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** PostgreSQL's query_canceled: what a statement that ran past statement_timeout fails with. */
const QUERY_CANCELED = '57014';

/** Whether an error (or one it wraps, as GraphQL errors do) is a statement cancelled by statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  let e = error as { code?: unknown; originalError?: unknown; message?: unknown } | undefined;
  for (let hops = 0; e && hops < 10; hops++, e = e.originalError as typeof e) {
    if (e.code === QUERY_CANCELED && typeof e.message === 'string' && e.message.includes('statement timeout')) return true;
  }
  return false;
}

/**
 * A field whose statement ran past the statement timeout of the public pool (public-pool.ts) is
 * not an internal error: the answer says so with QUERY_TIMEOUT and HTTP 503 (try again later, or
 * ask for less), and what the other fields resolved is kept.
 */
export function queryTimeoutPlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (!errors?.some(isStatementTimeout) || response.body.kind !== 'single') return;
          const formatted = response.body.singleResult.errors;
          if (!formatted) return;
          response.body.singleResult.errors = formatted.map((f, i): GraphQLFormattedError =>
            isStatementTimeout(errors[i])
              ? {
                  message: `The query took longer than the ${timeoutMs} ms a public request may use the database: ask for less (a narrower filter, a smaller page) or try again later.`,
                  locations: f.locations,
                  path: f.path,
                  extensions: { code: 'QUERY_TIMEOUT', timeoutMs },
                }
              : f,
          );
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
