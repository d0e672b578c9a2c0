/** The GraphQL documents of the scenarios. The baseline server answers PAGE and SEARCH with the same JSON. */

/** The fields of one activity in scenarios 1, 2 and 4: what the baseline server assembles by hand. */
const NODE_FRAGMENT = `fragment BenchNode on ProcessingActivity {
  id reference title description updatedAt
  organisation { id name }
  purposes { description legalBasis { code label } }
  dataSubjectGroups { description dataItems { description retention { text } } }
  recipients { description }
  thirdCountryTransfers { applies transfers { recipientName country { code name } } }
}`;

/** Scenario 1 and 2: 50 published activities with their nested content. */
export const PAGE = `query BenchPage($after: String) {
  processingActivities(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { ...BenchNode } }
  }
}
${NODE_FRAGMENT}`;

/** Scenario 3: Dutch full-text search, first page by relevance, with the total and facets. */
export const SEARCH = `query BenchSearch($search: String!) {
  processingActivities(search: $search, first: 20) {
    totalCount
    edges { node { id reference title organisation { name } } }
  }
  facets(search: $search) {
    total
    legalBases { count legalBasis { code label } }
    organisations { count organisation { id name } }
    specialCategories { count specialCategory { code label } }
    countries { count country { code name } }
  }
}`;

/** Scenario 4: one activity by id, with the same fields as a node of the page (so the baseline answers it too). */
export const BY_ID = `query BenchById($id: ID!) {
  processingActivity(id: $id) { ...BenchNode }
}
${NODE_FRAGMENT}`;

/** Scenario 5: the sync mutation. */
export const SYNC = `mutation BenchSync($input: SyncProcessingActivitiesInput!) {
  syncProcessingActivities(input: $input) {
    committed
    summary { created updated unchanged withdrawn failed }
    errors { code message }
  }
}`;
