import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes whose messages were written for the caller and may be shown as they are. */
const SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_DEPTH_LIMIT',
  'QUERY_COST_LIMIT',
  'QUERY_TOO_MANY_ROOT_FIELDS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
]);

/**
 * Everything else (database errors, bugs) becomes a generic message with no stack, SQL or
 * internal detail; the original is logged server-side.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  formatted = withLimitCode(formatted, original);
  const code = formatted.extensions?.code as string | undefined;
  if (code && SAFE_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (process.env.NODE_ENV !== 'test' || process.env.LOG_INTERNAL_ERRORS) console.error('[graphql] internal error', original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Apollo rewrites the code of every validation-rule error to GRAPHQL_VALIDATION_FAILED; the depth
 * limit (a validation rule) sets its own code, which callers rely on. Restore it from the original.
 */
function withLimitCode(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const inner = original instanceof GraphQLError ? original.originalError : undefined;
  const innerCode = inner instanceof GraphQLError ? inner.extensions?.code : undefined;
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || innerCode !== 'QUERY_DEPTH_LIMIT') return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: innerCode } };
}
