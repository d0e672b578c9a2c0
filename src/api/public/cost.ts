import { type DocumentNode, type FieldNode, Kind, type SelectionSetNode } from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * The public surface's cost model, read by the cost limit (src/api/common/query-limits.ts) from
 * the fields' complexity extensions. The unit is one field of one object (what every field
 * without a cost of its own costs, plus its children); a field that makes the database work
 * costs what that work is worth next to building and sending fields. Every list multiplies its
 * children by the number of objects it can return (`first`, or an estimate).
 */
export const COST = {
  /** A database statement of its own: a lookup by id, reference or organisation. */
  statement: 100,
  /** Counting the rows of a filter and search (totalCount). */
  count: 200,
  /** Full-text search: ranking every record of the register against the query. */
  search: 1_000,
  /** A case-insensitive substring condition of a filter (dataSubject, recipient): a scan of the nested rows. */
  textFilter: 500,
  /** Facets: four grouped counts and the total over the filtered rows. */
  facets: 1_000,
  /** Versions a record is assumed to have for its history, whose length is not known beforehand. */
  historyLength: 10,
} as const;

type Args = ComplexityEstimatorArgs['args'];

/** What the search and filter arguments add: a search, and each substring condition. */
function searchAndFilterCost(args: Args): number {
  const search = typeof args.search === 'string' && args.search.trim() !== '' ? COST.search : 0;
  const filter = (args.filter ?? {}) as { dataSubject?: unknown; recipient?: unknown };
  return search + (filter.dataSubject ? COST.textFilter : 0) + (filter.recipient ? COST.textFilter : 0);
}

/**
 * A page of records: one statement with its search and filter, and `first` times the fields of
 * a record. Each totalCount (or totalCountIsEstimate) asked for is a statement of the same search
 * and filter, once for the page rather than per record: it is taken out of what `first` multiplies.
 */
export const pageCost =
  (maxPageSize: number): ComplexityEstimator =>
  ({ args, childComplexity, node, context }) => {
    const first = Number(args.first ?? 20);
    const records = Number.isFinite(first) ? Math.min(Math.max(first, 0), maxPageSize) : maxPageSize;
    const document = (context as { document?: DocumentNode } | undefined)?.document;
    const counts = responseKeysOf(node, 'totalCount', document) + responseKeysOf(node, 'totalCountIsEstimate', document);
    const perRecord = Math.max(0, childComplexity - counts * COST.count);
    return (1 + counts) * searchAndFilterCost(args) + COST.statement + counts * COST.count + records * perRecord;
  };

/** How many distinct response keys ask for `fieldName` directly below `node`, through fragments (of `document`) and inline fragments. */
function responseKeysOf(node: FieldNode, fieldName: string, document: DocumentNode | undefined): number {
  const keys = new Set<string>();
  const visited = new Set<string>();
  const pending: SelectionSetNode[] = node.selectionSet ? [node.selectionSet] : [];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === fieldName) keys.add((selection.alias ?? selection.name).value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = document?.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) pending.push(fragment.selectionSet);
      }
    }
  }
  return keys.size;
}

/** Facets of a filter and search. */
export const facetsCost: ComplexityEstimator = ({ args, childComplexity }) => COST.facets + searchAndFilterCost(args) + childComplexity;

/** A lookup of one object by its identifier. */
export const lookupCost: ComplexityEstimator = ({ childComplexity }) => COST.statement + childComplexity;

/** The count of a filter and search. */
export const countCost: ComplexityEstimator = () => COST.count;

/** Every published version of a record (loaded in one batch for a page, but each is a whole record to build). */
export const historyCost: ComplexityEstimator = ({ childComplexity }) => 1 + COST.historyLength * childComplexity;
