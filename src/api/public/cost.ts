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

/** A page of records: one statement, its search and filter, and `first` times the record's fields. */
export const pageCost =
  (maxPageSize: number): ComplexityEstimator =>
  ({ args, childComplexity }) => {
    const first = Number(args.first ?? 20);
    return COST.statement + searchAndFilterCost(args) + (Number.isFinite(first) ? Math.min(Math.max(first, 0), maxPageSize) : maxPageSize) * childComplexity;
  };

/** Facets of a filter and search. */
export const facetsCost: ComplexityEstimator = ({ args, childComplexity }) => COST.facets + searchAndFilterCost(args) + childComplexity;

/** A lookup of one object by its identifier. */
export const lookupCost: ComplexityEstimator = ({ childComplexity }) => COST.statement + childComplexity;

/** The count of a filter and search. */
export const countCost: ComplexityEstimator = () => COST.count;

/** Every published version of a record (loaded in one batch for a page, but each is a whole record to build). */
export const historyCost: ComplexityEstimator = ({ childComplexity }) => 1 + COST.historyLength * childComplexity;
