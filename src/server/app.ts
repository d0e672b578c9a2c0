import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express from 'express';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildPublicSchema } from '../api/public/public.schema';
import { createPublicContext } from '../api/public/public.context';
import { buildSyncSchema } from '../api/sync/sync.schema';
import { createSyncContext } from '../api/sync/sync.context';
import { maskError } from '../api/common/error-masking';
import { complexityLimitPlugin, depthLimitRule } from '../api/common/query-limits';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { config, PROJECT_ROOT } from '../config';
import path from 'node:path';
import { mountBenchMetrics } from './bench-metrics';
import { noStore, publicCacheHeaders } from './http/cache-headers';
import { explorer } from './http/explorer';
import { docs, frontDoor } from './http/front-door';
import { openDataRouter } from '../api/public/open-data/open-data.router';
import { PublicRecordSource } from '../api/public/open-data/public-records';
import { registerHead } from '../modules/publication/public-changes';
import { etagForGet } from './etag';
import { jitEnabled, jitGateway } from './jit-executor';
import { PublicationScheduler } from '../modules/publication/publication-scheduler';
import { PublicReferenceData } from '../modules/publication/reference-data';
import { RegisterListener } from './register-listener';
import { ResponseCache, responseCacheEnabled } from './response-cache';

export const LIMITS = {
  public: { maxDepth: 10, maxComplexity: 25_000, maxBodyBytes: '64kb' },
  sync: { maxDepth: 12, maxComplexity: 50_000, maxBodyBytes: '10mb' },
};

const PERSISTED_QUERY_CACHE_BYTES = 8 * 1024 * 1024;

/** What GET / links: every door the register has for a visitor. */
const FRONT_DOOR_LINKS = [
  { href: '/open-data/', label: 'Open data downloads', description: 'the whole register as CSV, NDJSON and linked data (W3C DPV), and a DCAT catalogue for data portals' },
  { href: '/graphql', label: 'GraphQL explorer and endpoint', description: 'query the published register in the browser, or send GraphQL (GET or POST) to /graphql' },
  { href: '/graphql/schema.graphql', label: 'Public schema (SDL)', description: 'every type and field of the public API, with descriptions' },
  { href: '/docs/public-api.md', label: 'Public API guide', description: 'queries, paging, search, filters, plain GET links and persisted queries, limits' },
  { href: '/docs/sync.md', label: 'Sync API guide', description: 'for organisations: pushing their register with a token (/sync/graphql)' },
];

const EXPLORER_QUERY = `# The published register of processing activities. Press the run button (or Ctrl-Enter).
{
  processingActivities(first: 5) {
    totalCount
    edges { node { reference title organisation { name } purposes { description legalBasis { label } } } }
  }
}
`;

export interface App {
  app: express.Express;
  stop(): Promise<void>;
}

/**
 * One express app, two GraphQL APIs with separate schemas: the anonymous public surface at
 * /graphql and the authenticated sync surface at /sync/graphql. Each request gets a context
 * built for the caller's rights: a sync request its own forked EntityManager, a public request
 * only the public register and its loaders on the connection pool.
 */
export async function createApp(orm: MikroORM, options: { extraPublicPlugins?: ApolloServerPlugin[]; responseCache?: boolean } = {}): Promise<App> {
  const [publicSchema, syncSchema] = await Promise.all([buildPublicSchema(), buildSyncSchema()]);
  // The public surface is anonymous and read-only and carries no cookies, so a plain link (GET with
  // the query in the URL) must answer: CSRF prevention guards cookie-carrying requests, and stays on
  // for the sync surface.
  const publicServer = apollo(publicSchema, { ...LIMITS.public, csrfPrevention: false }, options.extraPublicPlugins ?? [], jitEnabled());
  const syncServer = apollo(syncSchema, { ...LIMITS.sync, csrfPrevention: true }, [], jitEnabled());
  // Public answers, cached until the register changes (LISTEN/NOTIFY, shared by every API process on the database).
  const cache = (options.responseCache ?? responseCacheEnabled()) ? new ResponseCache({ databaseUrl: orm.config.get('clientUrl')!, knex: orm.em.getKnex() }) : null;
  // Scheduled publications applied when due; organisations and vocabularies kept until they change.
  const scheduler = new PublicationScheduler(orm.em.getKnex());
  const referenceData = new PublicReferenceData(orm.em.getKnex());
  const listener = new RegisterListener(orm.config.get('clientUrl')!, [
    { changed: () => referenceData.invalidate(), live: (live) => referenceData.setLive(live) },
    { changed: () => void scheduler.refresh().catch(() => undefined), live: (live) => scheduler.live(live) },
  ]);
  await Promise.all([publicServer.start(), syncServer.start(), cache?.start(), scheduler.start(), listener.start()]);

  const newPublicContext = () => createPublicContext(orm.em.getKnex(), { referenceData, scheduler });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // GET answers only, see etag.ts
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/', frontDoor(FRONT_DOOR_LINKS.filter((link) => config.graphqlExplorer || link.href !== '/graphql')));
  app.use(docs(path.join(PROJECT_ROOT, 'docs')));
  app.use('/open-data', cors({ methods: ['GET', 'HEAD'] })); // open data: any origin may read
  app.use(
    openDataRouter({
      records: new PublicRecordSource(publicSchema, newPublicContext),
      head: () => registerHead(orm.em.getKnex()),
      settings: { ...config.openData, base: config.openData.baseUrl },
      maxAgeSeconds: config.publicCacheMaxAgeSeconds,
      onError: (error) => console.error('[open-data] download cut short', error),
    }),
  );
  const publicSdl = printSchema(lexicographicSortSchema(publicSchema));
  app.get('/graphql/schema.graphql', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/plain; charset=utf-8').send(publicSdl);
  });
  if (config.graphqlExplorer) app.use(explorer({ endpoint: '/graphql', title: 'Verwerkingsregister: open data (GraphQL)', defaultQuery: EXPLORER_QUERY }));
  mountBenchMetrics(app, orm);
  app.use(
    '/graphql',
    cors({ methods: ['GET', 'POST'] }), // open data: any origin may read
    publicCacheHeaders(config.publicCacheMaxAgeSeconds),
    etagForGet(),
    express.json({ limit: LIMITS.public.maxBodyBytes }),
    ...(cache ? [cache.middleware()] : []),
    expressMiddleware(publicServer, { context: newPublicContext }),
  );
  app.use(
    '/sync/graphql',
    noStore(),
    express.json({ limit: LIMITS.sync.maxBodyBytes }),
    expressMiddleware(syncServer, { context: async ({ req }) => createSyncContext(orm.em.fork(), req.headers.authorization) }),
  );
  app.use(bodyErrorHandler);

  return {
    app,
    stop: async () => {
      scheduler.stop();
      await Promise.all([publicServer.stop(), syncServer.stop(), cache?.stop(), listener.stop()]);
    },
  };
}

function apollo<C extends BaseContext>(schema: GraphQLSchema, limits: { maxDepth: number; maxComplexity: number; csrfPrevention: boolean }, plugins: ApolloServerPlugin[], jit: boolean) {
  return new ApolloServer<C>({
    // Both surfaces run on graphql-jit (compiled queries and variable coercion), see jit-executor.ts.
    ...(jit ? { gateway: jitGateway(schema) } : { schema }),
    csrfPrevention: limits.csrfPrevention,
    // Automatic persisted queries (a hash in a GET URL, so long queries can be cached by URL): the
    // documents they register are kept in a bounded LRU (bytes), never an unbounded store.
    persistedQueries: { cache: new InMemoryLRUCache<string>({ maxSize: PERSISTED_QUERY_CACHE_BYTES, sizeCalculation: (document) => document.length + 64 }), ttl: null },
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    validationRules: [depthLimitRule(limits.maxDepth)],
    plugins: [
      complexityLimitPlugin(limits.maxComplexity),
      // Apollo's built-in plugins do per-field work (cache hints, traces) or talk to Apollo's cloud; none is used here.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Apollo's landing page loads its explorer from a CDN; the public surface serves its own (http/explorer.ts).
      ApolloServerPluginLandingPageDisabled(),
      ...plugins,
    ] as ApolloServerPlugin<C>[],
  });
}

/** A body over the limit or unparsable JSON answers a clear GraphQL-shaped error instead of an HTML page. */
function bodyErrorHandler(err: { type?: string; status?: number; limit?: number } & Error, _req: express.Request, res: express.Response, next: express.NextFunction) {
  if (err.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: `Request body too large: the limit is ${err.limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE', limit: err.limit } }] });
  } else if (err.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  } else {
    next(err);
  }
}
