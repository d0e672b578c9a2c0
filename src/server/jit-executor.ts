import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { inputDefaultsFiller } from './input-defaults';

/**
 * Executes operations with graphql-jit instead of graphql-js: each document is compiled once into
 * a JavaScript function (resolver calls, list handling and result shaping specialised to the
 * query) and reused for every request with that document. Apollo Server takes a custom executor
 * only through its gateway interface, so this is a "gateway" that serves the local schema: Apollo
 * still parses (with its document cache), validates, runs the plugins and formats errors.
 *
 * GRAPHQL_EXECUTOR=graphql-js switches back to the reference executor.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  // Apollo keeps one parsed DocumentNode per distinct query string (its document store), so the
  // document object is a good key; entries go when Apollo drops the document.
  const compiled = new WeakMap<DocumentNode, Map<string, { query: CompiledQuery | ExecutionResult; defaults: [string, unknown][]; fillInputDefaults: ((variables: Record<string, unknown>) => void) | null }>>();
  const executor: GatewayExecutor = async (request) => {
    let byOperation = compiled.get(request.document);
    if (!byOperation) compiled.set(request.document, (byOperation = new Map()));
    const name = request.operationName ?? '';
    let entry = byOperation.get(name);
    if (!entry) {
      entry = {
        query: compileQuery(schema, request.document, request.operationName ?? undefined),
        defaults: variableDefaults(request.operation),
        fillInputDefaults: inputDefaultsFiller(schema, request.operation),
      };
      byOperation.set(name, entry);
    }
    if (!isCompiledQuery(entry.query)) return entry.query as never;
    const variables = withDefaults(request.request.variables, entry.defaults);
    entry.fillInputDefaults?.(variables);
    const result = await entry.query.query(undefined, request.context, variables);
    // No data at all: the variables did not fit the operation (graphql-jit coerces them first). That is the caller's mistake, said as such.
    if (!('data' in result) && result.errors?.length) return { errors: result.errors.map(badUserInput) } as never;
    if (result.errors?.length) return { ...result, errors: result.errors.map(asGraphQLError) } as never;
    return result as never;
  };
  let unsubscribed = false;
  let listener: ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;
  return {
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

function badUserInput(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/**
 * graphql-jit's errors for a failing resolver borrow GraphQLError's prototype but have no
 * `extensions` object, on which Apollo's error formatting trips: the answer became a bare
 * "Internal server error" that never reached maskError, so nothing could classify it (an
 * unreachable database included). A real GraphQLError with the resolver's error as its original.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: {} });
  if (error.locations) Object.assign(converted, { locations: error.locations });
  return converted;
}
