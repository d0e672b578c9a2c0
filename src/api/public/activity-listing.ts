import type { GraphQLResolveInfo } from 'graphql';
import { type PublicActivityFilter, PublicActivityOrder } from '../../modules/publication/public-filter';
import type { PageRow, PageText, Vocabulary } from '../../modules/publication/public-register';
import { decodeCursor, encodeCursor } from './cursor';
import { badInput, checkText } from './inputs/processing-activity-filter.input';
import type { PublicContext } from './public.context';
import { toPublicActivity } from './public.mappers';
import { ColumnSelection } from './selection';
import type { ProcessingActivityConnection } from './types/connection.type';
import type { PublicProcessingActivity } from './types/processing-activity.type';

export const MAX_PAGE_SIZE = 100;
const MAX_SEARCH = 200;

/** The long texts of a record that a page's selection shows (the other columns of a page row are always read). */
const PAGE_TEXTS_OF = new ColumnSelection<PageText>(
  {
    description: ['description'],
    jointControllershipArrangement: ['joint_controllership_arrangement'],
    'automatedDecisionMaking.statement': ['automated_decision_statement'],
    'automatedDecisionMaking.logic': ['automated_decision_logic'],
    'automatedDecisionMaking.consequences': ['automated_decision_consequences'],
    'thirdCountryTransfers.statement': ['third_country_transfers_statement'],
    'thirdCountryTransfers.safeguardStatement': ['transfer_safeguard_statement'],
    relatedProcessingsStatement: ['related_processings_statement'],
    dataSubjectRights: ['data_subject_rights'],
    processingLocation: ['processing_location'],
  },
  'edges.node',
);
/**
 * Whether a page's selection shows nested content that the records' pre-rendered documents hold
 * (document-content.ts): then the page reads the documents with its rows, and those fields need no
 * statement of their own. Related processings are not in the document (they keep their loader).
 */
const DOCUMENT_OF = new ColumnSelection<'document' | 'data_item_retention_rules'>(
  {
    purposes: ['document'],
    dataSubjectGroups: ['document'],
    // Kept beside the document (a quarter of its text), read only by a page that shows them.
    'dataSubjectGroups.dataItems.retention.rules': ['document', 'data_item_retention_rules'],
    recipients: ['document'],
    controllers: ['document'],
    processors: ['document'],
    'thirdCountryTransfers.transfers': ['document'],
  },
  'edges.node',
);

/** An edge whose cursor is encoded only when read: a page usually asks for pageInfo.endCursor, not every edge's cursor. */
class Edge {
  readonly node: PublicProcessingActivity;

  constructor(
    private readonly order: PublicActivityOrder,
    private readonly row: PageRow,
    /** In a listing narrowed to an organisation: whether the record is there by adoption (its owner is outside that organisation's subtree). */
    readonly isAdopted: boolean,
    vocabulary?: Vocabulary,
  ) {
    this.node = toPublicActivity(row, vocabulary);
  }

  get cursor(): string {
    return encodeCursor(this.order, [this.row.sort_value, this.row.activity_id]);
  }
}

export interface ListingArgs {
  first: number;
  after?: string | null;
  filter: PublicActivityFilter | null;
  search?: string | null;
  orderBy?: PublicActivityOrder | null;
}

/** One page of the public listing (the root processingActivities, and an organisation's processingActivities). */
export async function activityPage(ctx: PublicContext, info: GraphQLResolveInfo, args: ListingArgs): Promise<ProcessingActivityConnection> {
  if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  const search = args.search?.trim() || null;
  if (search) checkText(search, 'search', MAX_SEARCH);
  const order = args.orderBy ?? (search ? PublicActivityOrder.RELEVANCE : PublicActivityOrder.TITLE_ASC);
  if (order === PublicActivityOrder.RELEVANCE && !search) throw badInput('orderBy RELEVANCE needs a search.', 'orderBy');
  const { filter } = args;
  const after = args.after ? decodeCursor(args.after, order) : null;

  const documentColumns = DOCUMENT_OF.of(info);
  const document = documentColumns.length > 0;
  const dataItemRetentionRules = documentColumns.includes('data_item_retention_rules');
  const [{ rows, hasNextPage }, owners, vocabulary] = await Promise.all([
    ctx.register.page({ filter, search, order, first: args.first, after, texts: PAGE_TEXTS_OF.of(info), document, dataItemRetentionRules }),
    filter?.organisationId ? ctx.organisations.subtree(filter.organisationId) : null,
    document ? ctx.register.vocabulary() : undefined,
  ]);
  const edges = rows.map((row) => new Edge(order, row, owners !== null && !owners.has(row.organisation_id), vocabulary));
  return {
    filter,
    search,
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
