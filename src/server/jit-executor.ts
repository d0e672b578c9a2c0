import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type ExecutionResult, GraphQLError, type GraphQLSchema, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { limitsConfig } from '../config';
import { boundedCache, type CacheLimits, cacheStats, type CacheStats, documentBytes } from '../modules/common/bounded-cache';
import { inputDefaultsFiller } from './input-defaults';

interface CompiledEntry {
  query: CompiledQuery | ExecutionResult;
  defaults: [string, unknown][];
  fillInputDefaults: ((variables: Record<string, unknown>) => void) | null;
  textLength: number;
}

export interface JitGateway extends GatewayInterface {
  /** Size of the compiled-query cache. */
  stats(): CacheStats;
}

/**
 * Executes operations with graphql-jit instead of graphql-js: each document is compiled once into
 * a JavaScript function (resolver calls, list handling and result shaping specialised to the
 * query) and reused for every request with that document. Apollo Server takes a custom executor
 * only through its gateway interface, so this is a "gateway" that serves the local schema: Apollo
 * still parses (with its document cache), validates, runs the plugins and formats errors.
 *
 * GRAPHQL_EXECUTOR=graphql-js switches back to the reference executor.
 */
export function jitGateway(schema: GraphQLSchema, limits: CacheLimits = limitsConfig.queryCache): JitGateway {
  // One compiled query per document and operation, least recently used first out, bounded by
  // entries and by the heap the compiled code keeps (estimated from the query text): every
  // distinct document a client sends would otherwise stay compiled for the life of the process.
  const compiled = boundedCache<string, CompiledEntry>(limits, (entry) => documentBytes(entry.textLength));
  const executor: GatewayExecutor = async (request) => {
    const name = request.operationName ?? '';
    const key = `${request.queryHash}:${name}`;
    let entry = compiled.get(key);
    if (!entry) {
      entry = {
        query: compileQuery(schema, request.document, request.operationName ?? undefined),
        defaults: variableDefaults(request.operation),
        fillInputDefaults: inputDefaultsFiller(schema, request.operation),
        textLength: request.source.length,
      };
      compiled.set(key, entry);
    }
    if (!isCompiledQuery(entry.query)) return withGraphQLErrors(entry.query) as never;
    const variables = withDefaults(request.request.variables, entry.defaults);
    entry.fillInputDefaults?.(variables);
    const result = await entry.query.query(undefined, request.context, variables);
    // No data at all: the variables did not fit the operation (graphql-jit coerces them first). That is the caller's mistake, said as such.
    if (!('data' in result) && result.errors?.length) return { errors: result.errors.map(badUserInput) } as never;
    return withGraphQLErrors(result) as never;
  };
  let unsubscribed = false;
  let listener: ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;
  return {
    stats: () => cacheStats(compiled),
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        unsubscribed = true;
      };
    },
    async load() {
      if (!unsubscribed) listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listener = null;
    },
  };
}

/**
 * Default values of the operation's variables. graphql-jit refuses a non-null variable with a
 * default that the request leaves out (`$first: Int! = 20`), which graphql-js accepts by using the
 * default; filling the defaults in first gives graphql-js's behaviour.
 */
function variableDefaults(operation: OperationDefinitionNode): [string, unknown][] {
  // As the request would have sent them (enum names, plain objects): graphql-jit coerces them like any variable.
  return (operation.variableDefinitions ?? []).flatMap((d) => (d.defaultValue ? [[d.variable.name.value, valueFromASTUntyped(d.defaultValue)] as [string, unknown]] : []));
}

function withDefaults(variables: Record<string, unknown> | undefined, defaults: [string, unknown][]): Record<string, unknown> {
  if (!defaults.length) return variables ?? {};
  const filled = { ...(variables ?? {}) };
  for (const [name, value] of defaults) if (filled[name] === undefined) filled[name] = value;
  return filled;
}

export function jitEnabled(): boolean {
  return (process.env.GRAPHQL_EXECUTOR ?? 'jit') !== 'graphql-js';
}

/**
 * graphql-jit reports errors in a GraphQLError of its own whose `extensions` is undefined when the
 * thrown error had none (a database error, a bug). Apollo reads `extensions.code` of every error
 * before calling formatError, fails on those, and answers a bare "Internal server error" without
 * ever calling the formatter or the plugins: nothing was masked on purpose and nothing was logged.
 * Rebuilt as graphql-js errors (same message, path, locations and original error) they take the
 * same route as under graphql-js.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => !e.extensions)) return result;
  const errors = result.errors.map((e) => {
    if (e.extensions) return e;
    const rebuilt = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? e });
    (rebuilt as { locations?: GraphQLError['locations'] }).locations = e.locations;
    return rebuilt;
  });
  return { ...result, errors };
}

function badUserInput(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } } });
}
