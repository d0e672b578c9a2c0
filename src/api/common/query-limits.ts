import { type DocumentNode, GraphQLError, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Rejects documents nested deeper than maxDepth, naming the limit (introspection fields excluded). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const check = (selectionSet: import('graphql').SelectionSetNode | undefined, depth: number, seen: Set<string>): void => {
      if (!selectionSet) return;
      for (const sel of selectionSet.selections) {
        if (sel.kind === 'Field') {
          if (sel.name.value.startsWith('__')) continue;
          if (depth > maxDepth) {
            context.reportError(new GraphQLError(`Query depth limit exceeded: depth ${depth} is more than the maximum of ${maxDepth}.`, { extensions: { code: 'QUERY_DEPTH_LIMIT', limit: maxDepth } }));
            return;
          }
          check(sel.selectionSet, depth + 1, seen);
        } else if (sel.kind === 'InlineFragment') {
          check(sel.selectionSet, depth, seen);
        } else if (sel.kind === 'FragmentSpread' && !seen.has(sel.name.value)) {
          const fragment = context.getDocument().definitions.find((d) => d.kind === 'FragmentDefinition' && d.name.value === sel.name.value);
          if (fragment?.kind === 'FragmentDefinition') check(fragment.selectionSet, depth, new Set([...seen, sel.name.value]));
        }
      }
    };
    return {
      OperationDefinition(node) {
        check(node.selectionSet, 1, new Set());
      },
    };
  };
}

/**
 * Cost limit, as an Apollo plugin because validation rules do not see the request's variables.
 * Each field costs 1; list fields multiply their children by `first` (see the fields' complexity
 * extensions). The error names the limit and the cost.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  const costs = new ComplexityCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          let cost: number;
          try {
            cost = costs.get(document, operation, request.variables ?? {}, () =>
              getComplexity({
                schema,
                query: document,
                operationName: request.operationName,
                variables: request.variables ?? {},
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              }),
            );
          } catch (e) {
            // The variables do not fit the operation (e.g. an unknown enum value): the caller's mistake, said as such.
            if (e instanceof GraphQLError && !e.extensions?.code) throw new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw e;
          }
          if (cost > maxComplexity) {
            throw new GraphQLError(`Query cost limit exceeded: cost ${cost} is more than the maximum of ${maxComplexity}.`, {
              extensions: { code: 'QUERY_COST_LIMIT', limit: maxComplexity, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Costs of operations whose variables carry input objects (a sync batch of up to 500 records),
 * remembered per document and values of the other variables. Computing a cost coerces every
 * variable, which for a batch costs as much as the executor's own coercion; the cost itself
 * cannot depend on an input object's contents, because the schemas' complexity functions read
 * only top-level scalar arguments (`first`). Operations with scalar variables only (the public
 * pages) are computed each time: cheap, and their cursors would only fill the cache.
 */
class ComplexityCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  private static readonly MAX_PER_DOCUMENT = 64;

  get(document: DocumentNode, operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown>, compute: () => number): number {
    const scalars = Object.entries(variables).filter(([, value]) => !isInputObject(value));
    if (scalars.length === Object.keys(variables).length) return compute();
    const key = JSON.stringify([operation?.name?.value ?? '', scalars]);
    let costs = this.byDocument.get(document);
    if (!costs) this.byDocument.set(document, (costs = new Map()));
    const known = costs.get(key);
    if (known !== undefined) return known;
    const cost = compute(); // throws for variables that do not fit: nothing is remembered then
    if (costs.size >= ComplexityCache.MAX_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  }
}

/** An input object, or a list holding one. */
function isInputObject(value: unknown): boolean {
  return Array.isArray(value) ? value.some(isInputObject) : typeof value === 'object' && value !== null;
}
