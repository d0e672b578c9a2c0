import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../../database/availability';
import { SERVICE_UNAVAILABLE, serviceUnavailableError } from './service-unavailable';

/** Codes whose messages were written for the caller and may be shown as they are. */
const SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_DEPTH_LIMIT',
  'QUERY_NESTED_LISTING',
  'QUERY_COST_LIMIT',
  'QUERY_TOO_MANY_ROOT_FIELDS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OPERATION_NOT_SUPPORTED',
  SERVICE_UNAVAILABLE,
]);

/**
 * Everything else (database errors, bugs) becomes a generic message with no stack, SQL or
 * internal detail; the original is logged server-side with the request id (src/server/request-observation.ts).
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  formatted = withRequestErrorCode(withLimitCode(formatted, original), original);
  // An unreachable database is an outage, not a bug: 503 (serviceUnavailablePlugin) with its own code.
  if (formatted.extensions?.code !== SERVICE_UNAVAILABLE && isDatabaseUnavailable(original)) return serviceUnavailableError(formatted);
  const code = formatted.extensions?.code as string | undefined;
  if (code && SAFE_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const requestId = formatted.extensions?.requestId; // set by the server for failures no plugin sees (request-observation.ts)
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
}

/** Validation rules of ours whose codes callers rely on (query-limits.ts). */
const LIMIT_RULE_CODES = new Set(['QUERY_DEPTH_LIMIT', 'QUERY_NESTED_LISTING']);

/**
 * Apollo rewrites the code of every validation-rule error to GRAPHQL_VALIDATION_FAILED; the depth
 * limit and the nested-listing rule (validation rules) set their own codes, which callers rely on.
 * Restore them from the original.
 */
function withLimitCode(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const inner = original instanceof GraphQLError ? original.originalError : undefined;
  const innerCode = inner instanceof GraphQLError ? inner.extensions?.code : undefined;
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || typeof innerCode !== 'string' || !LIMIT_RULE_CODES.has(innerCode)) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: innerCode } };
}

/**
 * Apollo's own request checks (e.g. a persisted-query hash that does not match its query) throw
 * errors with an HTTP 4xx status but no code: the caller's mistake, said as BAD_REQUEST.
 */
function withRequestErrorCode(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== undefined && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const status = original instanceof GraphQLError ? (original.extensions?.http as { status?: number } | undefined)?.status : undefined;
  if (!status || status < 400 || status >= 500 || (original as GraphQLError).originalError) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
}
