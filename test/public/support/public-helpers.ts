import type { GraphQLClient, GraphQLResponse } from '../../support/test-server';
import {
  AllOrganisationsDocument,
  ProcessingActivitiesPageDocument,
  type ProcessingActivitiesPageQuery,
  type ProcessingActivitiesPageQueryVariables,
} from '../../generated/public/graphql';

export type PageNode = ProcessingActivitiesPageQuery['processingActivities']['edges'][number]['node'];

/** Follows endCursor from the first page until hasNextPage is false; returns the nodes in order. */
export async function walkPages(
  client: GraphQLClient,
  variables: Omit<ProcessingActivitiesPageQueryVariables, 'after'>,
  between?: (pageNumber: number) => Promise<void>,
): Promise<{ nodes: PageNode[]; totalCount: number; pageSizes: number[] }> {
  const nodes: PageNode[] = [];
  const pageSizes: number[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 1; page < 1000; page++) {
    const { processingActivities: c }: ProcessingActivitiesPageQuery = await client.query(ProcessingActivitiesPageDocument, { ...variables, after });
    if (page === 1) totalCount = c.totalCount;
    nodes.push(...c.edges.map((e) => e.node));
    pageSizes.push(c.edges.length);
    expect(c.pageInfo.hasPreviousPage).toBe(false);
    if (!c.pageInfo.hasNextPage) return { nodes, totalCount, pageSizes };
    expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)!.cursor);
    after = c.pageInfo.endCursor!;
    if (between) await between(page);
  }
  throw new Error('pagination did not end');
}

/** The references of every record matching, sorted (one page of 100 is enough for these tests). */
export async function referencesMatching(client: GraphQLClient, variables: Omit<ProcessingActivitiesPageQueryVariables, 'first'>): Promise<string[]> {
  const { processingActivities: c } = await client.query(ProcessingActivitiesPageDocument, { ...variables, first: 100 });
  expect(c.pageInfo.hasNextPage).toBe(false);
  expect(c.totalCount).toBe(c.edges.length);
  return c.edges.map((e) => e.node.reference).sort();
}

/** Global ids of all organisations, by name. */
export async function organisationIds(client: GraphQLClient): Promise<Record<string, string>> {
  const { organisations } = await client.query(AllOrganisationsDocument);
  return Object.fromEntries(organisations.map((o) => [o.name, o.id]));
}

/** The error codes of a response. */
export const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

export const SEED_REFERENCES = ['D2412', 'D2717', 'GEM-CHATBOT', 'M10495', 'M4140'];
