import { execute, type GraphQLSchema, parse, type DocumentNode, type GraphQLError } from 'graphql';
import { fullSelection } from './full-selection';

/** Fields left out of a downloaded record: they list other objects of the register, not the record's own content. */
const NOT_RECORD_CONTENT = new Set(['Organisation.children', 'Organisation.processingActivities']);

/** The largest page the public listing serves. */
const PAGE_SIZE = 100;

export interface RecordScope {
  /** Global id of an organisation: the records it lists, its own and those it adopted (and, unless `ownOnly`, those of its sub-organisations). */
  organisationId?: string;
  ownOnly?: boolean;
}

export type PublicRecord = Record<string, unknown> & { id: string; reference: string; organisation: { id: string }; sharedWith: { id: string }[] };

/**
 * Public records one page at a time, read through the public schema itself: the downloads show
 * exactly what the GraphQL API shows (same door, same shape), and never hold more than a page.
 */
export class PublicRecordSource {
  private readonly page: DocumentNode;
  private readonly lookup: DocumentNode;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly newContext: () => Promise<unknown>,
  ) {
    this.page = parse(`query DownloadPage($first: Int!, $after: String, $organisation: ID) {
      processingActivities(first: $first, after: $after, orderBy: TITLE_ASC, filter: { organisation: $organisation }) {
        pageInfo { hasNextPage endCursor }
        edges { node { ${fullSelection(schema, 'ProcessingActivity', NOT_RECORD_CONTENT)} } }
      }
    }`);
    this.lookup = parse(`query DownloadOrganisation($id: ID, $tooi: String, $oin: String) { organisation(id: $id, tooi: $tooi, oin: $oin) { id name tooiUri oin } }`);
  }

  /** The organisation a download names by global id, TOOI URI or OIN; null when the register has none. */
  async organisation(ref: string): Promise<{ id: string; name: string; tooiUri: string | null; oin: string | null } | null> {
    const by = /^\d{20}$/.test(ref) ? { oin: ref } : ref.startsWith('http') ? { tooi: ref } : { id: ref };
    const data = await this.run<{ organisation: { id: string; name: string; tooiUri: string | null; oin: string | null } | null }>(this.lookup, by);
    return data.organisation;
  }

  async *records(scope: RecordScope = {}): AsyncGenerator<PublicRecord> {
    let after: string | null = null;
    for (;;) {
      const data: { processingActivities: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: PublicRecord }[] } } = await this.run(this.page, {
        first: PAGE_SIZE,
        after,
        organisation: scope.organisationId ?? null,
      });
      const { edges, pageInfo } = data.processingActivities;
      for (const { node } of edges) if (!scope.ownOnly || listedBy(node, scope.organisationId!)) yield node;
      if (!pageInfo.hasNextPage || !pageInfo.endCursor) return;
      after = pageInfo.endCursor;
    }
  }

  private async run<T>(document: DocumentNode, variables: Record<string, unknown>): Promise<T> {
    const result = await execute({ schema: this.schema, document, variableValues: variables, contextValue: await this.newContext() });
    if (result.errors?.length) throw new DownloadError(result.errors);
    return result.data as T;
  }
}

/** Whether the organisation itself (not a sub-organisation) lists the record: it owns it or adopted it. */
const listedBy = (record: PublicRecord, organisationId: string) => record.organisation.id === organisationId || record.sharedWith.some((o) => o.id === organisationId);

/** A page of a download failed to read (the database is down, a statement timed out): the download is cut short, never silently. */
export class DownloadError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(`reading the register failed: ${errors.map((e) => e.message).join('; ')}`);
  }
}
