import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { LRUCache } from 'lru-cache';
import { boundedCache, type CacheLimits, cacheStats, type CacheStats } from '../../modules/common/bounded-cache';

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
 * Fields that run a listing of their own for each parent object ("Type.field", e.g. an
 * organisation's register, Organisation.processingActivities) are asked for on one parent at a
 * time: never below a list (all organisations, an organisation's children, the records of a page),
 * where one request would run one listing per item. Refused before anything runs, through
 * fragments, with the code QUERY_NESTED_LISTING and the list it was found below.
 */
export function singleParentFieldsRule(fields: readonly string[]): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    const visit = (set: SelectionSetNode, parent: GraphQLCompositeType, list: string | null, seen: ReadonlySet<string>): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
          const field = parent.getFields()[selection.name.value];
          if (!field) continue;
          const key = `${parent.name}.${field.name}`;
          if (list && fields.includes(key)) {
            context.reportError(
              new GraphQLError(`${key} lists the records of one ${parent.name}: ask for it on one (e.g. organisation(id: …)), not below the list ${list}. For many, filter processingActivities by organisation, or use the per-organisation downloads.`, {
                nodes: [selection],
                extensions: { code: 'QUERY_NESTED_LISTING', field: key, below: list },
              }),
            );
            continue;
          }
          const type = getNamedType(field.type);
          if (selection.selectionSet && isCompositeType(type)) visit(selection.selectionSet, type, list ?? (isListType(getNullableType(field.type)) ? key : null), seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (isCompositeType(type)) visit(selection.selectionSet, type, list, seen);
        } else if (!seen.has(selection.name.value)) {
          const fragment: FragmentDefinitionNode | undefined = fragments.get(selection.name.value);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          if (fragment && isCompositeType(type)) visit(fragment.selectionSet, type, list, new Set([...seen, selection.name.value]));
        }
      }
    };
    return {
      OperationDefinition(node) {
        const root = schema.getRootType(node.operation);
        if (root) visit(node.selectionSet, root, null, new Set());
      },
    };
  };
}

export interface OperationLimits {
  maxComplexity: number;
  /** Distinct root fields (response keys: aliases and fields brought in by fragments count) per operation. */
  maxRootFields: number;
}

/**
 * Root-field cap and cost limit, as an Apollo plugin because validation rules do not see the
 * request's variables; both refuse the operation before anything executes, with an error that
 * names the limit. The cost of each field comes from its complexity extension (the public
 * surface's cost model is in src/api/public/cost.ts); a field without one costs 1 plus its
 * children.
 */
export function complexityLimitPlugin(limits: OperationLimits, cacheLimits: CacheLimits): ApolloServerPlugin & { stats(): CacheStats } {
  const costs = new ComplexityCache(cacheLimits);
  return {
    stats: () => costs.stats(),
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, queryHash }) {
          const rootFields = operation ? rootFieldCount(document, operation) : 0;
          if (rootFields > limits.maxRootFields) {
            throw new GraphQLError(`Too many root fields: ${rootFields} is more than the maximum of ${limits.maxRootFields} per operation (aliases and fields of fragments included).`, {
              extensions: { code: 'QUERY_TOO_MANY_ROOT_FIELDS', limit: limits.maxRootFields, count: rootFields, http: { status: 400 } },
            });
          }
          let cost: number;
          try {
            cost = costs.get(queryHash, operation, request.variables ?? {}, () => operationCost(schema, document, request.operationName, request.variables ?? {}));
          } catch (e) {
            // The variables do not fit the operation (e.g. an unknown enum value): the caller's mistake, said as such.
            if (e instanceof GraphQLError && !e.extensions?.code) throw new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw e;
          }
          if (cost > limits.maxComplexity) {
            throw new GraphQLError(`Query cost limit exceeded: cost ${cost} is more than the maximum of ${limits.maxComplexity}.`, {
              extensions: { code: 'QUERY_COST_LIMIT', limit: limits.maxComplexity, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** The cost of an operation: each field's complexity extension, or 1 plus its children. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  // The document goes to the estimators as context: a field's cost may depend on what is asked below it, through fragments.
  return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables, context: { document }, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
}

/**
 * Distinct response keys at the root of an operation, through fragments and inline fragments
 * (@skip/@include not evaluated: a skipped field counts). Fields with the same response key run
 * once, so they count once; a thousand aliases count a thousand times.
 */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const keys = new Set<string>();
  const visited = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) keys.add((selection.alias ?? selection.name).value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return keys.size;
}

/**
 * Costs of operations whose variables carry input objects (a sync batch of up to 500 records),
 * remembered per document and values of the other variables, in a cache bounded by entries and
 * bytes. Computing a cost coerces every variable, which for a batch costs as much as the
 * executor's own coercion; the cost itself cannot depend on an input object's contents, because
 * the schemas' complexity functions read only top-level scalar arguments (`first`, `search`) and
 * the presence of input objects. Operations with scalar variables only (the public pages) are
 * computed each time: cheap, and their cursors would only fill the cache.
 */
class ComplexityCache {
  private readonly costs: LRUCache<string, number>;

  constructor(limits: CacheLimits) {
    // A key is a query hash, an operation name and scalar values; a number beside it.
    this.costs = boundedCache<string, number>(limits, (_cost, key) => 64 + 2 * key.length);
  }

  get(queryHash: string, operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown>, compute: () => number): number {
    const scalars = Object.entries(variables).filter(([, value]) => !isInputObject(value));
    if (scalars.length === Object.keys(variables).length) return compute();
    const key = JSON.stringify([queryHash, operation?.name?.value ?? '', scalars]);
    const known = this.costs.get(key);
    if (known !== undefined) return known;
    const cost = compute(); // throws for variables that do not fit: nothing is remembered then
    this.costs.set(key, cost);
    return cost;
  }

  stats(): CacheStats {
    return cacheStats(this.costs);
  }
}

/** An input object, or a list holding one (request bodies are depth-limited before they get here, see request-guards.ts). */
function isInputObject(value: unknown): boolean {
  return Array.isArray(value) ? value.some(isInputObject) : typeof value === 'object' && value !== null;
}
