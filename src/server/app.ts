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
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildPublicSchema } from '../api/public/public.schema';
import { createPublicContext } from '../api/public/public.context';
import { columnSelectionStats, configureColumnSelectionMemo } from '../api/public/selection';
import { buildSyncSchema } from '../api/sync/sync.schema';
import { createSyncContext, type SyncContext } from '../api/sync/sync.context';
import { avgRegisterImportRouter } from '../api/sync/import.route';
import { maskError } from '../api/common/error-masking';
import { serviceUnavailablePlugin, unavailableAs503 } from '../api/common/service-unavailable';
import { complexityLimitPlugin, depthLimitRule, singleParentFieldsRule } from '../api/common/query-limits';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import path from 'node:path';
import { supportedOperationsPlugin } from '../api/common/operation-support';
import { queryTimeoutPlugin } from '../api/common/query-timeout';
import { config, limitsConfig, PROJECT_ROOT } from '../config';
import type { CacheLimits, CacheStats } from '../modules/common/bounded-cache';
import { mountBenchMetrics } from './bench-metrics';
import { DocumentStore } from './document-store';
import { finalErrorHandler, notFoundHandler } from './error-handlers';
import { noStore, publicCacheHeaders } from './http/cache-headers';
import { explorer } from './http/explorer';
import { docs, frontDoor } from './http/front-door';
import { openDataRouter } from '../api/public/open-data/open-data.router';
import { PublicRecordSource } from '../api/public/open-data/public-records';
import { mountDashboard } from './dashboard';
import { etagForGet } from './etag';
import { mountHealth } from './health';
import { jitEnabled, jitGateway } from './jit-executor';
import { AuthFailureThrottle, type LogFn, publicRateLimit, type RateLimitSettings } from './rate-limits';
import { ReadReplicas } from '../database/read-replicas';
import { RegisterChanges } from './register-changes';
import { PublicationScheduler } from '../modules/publication/publication-scheduler';
import { PublicReferenceData } from '../modules/publication/reference-data';
import { jsonDepthGuard } from './json-depth';
import { createPublicPool } from './public-pool';
import { ResponseCache, responseCacheEnabled } from './response-cache';
import { createLogger, type Logger } from './logger';
import { mountMetrics, registerPool, scheduledPublicationsApplied, responseCacheHits, responseCacheInvalidations, responseCacheMisses } from './metrics';
import { contextWithFacts, observabilityPlugin, observedContext, observeRequests } from './request-observation';

export const LIMITS = {
  public: { maxDepth: 10, maxComplexity: 25_000, maxRootFields: 20, maxJsonDepth: 32, maxBodyBytes: '64kb' },
  sync: { maxDepth: 12, maxComplexity: 50_000, maxRootFields: 50, maxJsonDepth: 32, maxBodyBytes: '10mb' },
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

export interface AppOptions {
  extraPublicPlugins?: ApolloServerPlugin[];
  responseCache?: boolean;
  logger?: Logger;
  metrics?: MetricsOptions;
  rateLimits?: Partial<RateLimitSettings>;
  log?: LogFn;
  readReplicaUrls?: readonly string[];
  /** Defaults: limitsConfig (src/config.ts, from the environment). */
  publicStatementTimeoutMs?: number;
  queryCache?: CacheLimits;
  responseCacheLimits?: CacheLimits;
  searchExactCountLimit?: number;
}

export interface App {
  app: express.Express;
  /** Where the separate metrics listener listens (METRICS_PORT), or null. */
  metricsAddress: AddressInfo | null;
  /** Sizes of every cache that grows with distinct requests, by name (tests, metrics). */
  cacheStats(): Record<string, CacheStats>;
  /** The process's register listener (what changed, and where in the WAL). */
  changes: RegisterChanges;
  stop(): Promise<void>;
}

export interface MetricsOptions {
  /** Port of a listener of its own for /metrics (0: any free port); null: none. */
  port: number | null;
  host: string;
  /** Bearer token a scrape must send; with a token, /metrics is also served on the API's port. */
  token: string | null;
}

/**
 * One express app, two GraphQL APIs with separate schemas: the anonymous public surface at
 * /graphql and the authenticated sync surface at /sync/graphql. Each request gets a context
 * built for the caller's rights: a sync request its own forked EntityManager, a public request
 * only the public register and its loaders on the connection pool.
 */
export async function createApp(orm: MikroORM, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger();
  const metrics = options.metrics ?? { port: config.metricsPort, host: config.metricsHost, token: config.metricsToken };
  const [publicSchema, syncSchema] = await Promise.all([buildPublicSchema(), buildSyncSchema()]);
  const queryCache = options.queryCache ?? limitsConfig.queryCache;
  const statementTimeoutMs = options.publicStatementTimeoutMs ?? limitsConfig.publicStatementTimeoutMs;
  configureColumnSelectionMemo(queryCache);
  const readReplicaUrls = options.readReplicaUrls ?? config.databaseReadUrls;
  // What changed in the register and, for the read replicas, where in the primary's WAL (LISTEN/NOTIFY, shared by every API process on the database).
  const changes = new RegisterChanges(orm.config.get('clientUrl')!, { positions: readReplicaUrls.length > 0 });
  const publicPlugins = [
    supportedOperationsPlugin('The public API is read-only; organisations write through /sync/graphql.'),
    observabilityPlugin(() => null),
    queryTimeoutPlugin(statementTimeoutMs),
    ...(options.extraPublicPlugins ?? []),
  ];
  // The public surface is anonymous and read-only and carries no cookies, so a plain link (GET with
  // the query in the URL) must answer: CSRF prevention guards cookie-carrying requests, and stays on
  // for the sync surface.
  const publicApi = apollo(publicSchema, { ...LIMITS.public, csrfPrevention: false }, publicPlugins, jitEnabled(), queryCache);
  const syncApi = apollo(
    syncSchema,
    { ...LIMITS.sync, csrfPrevention: true },
    [supportedOperationsPlugin(''), observabilityPlugin((c) => (c as SyncContext).caller?.tokenPrefix ?? null), ownWritesSeenAtOnce(changes)],
    jitEnabled(),
    queryCache,
  );
  const [publicServer, syncServer] = [publicApi.server, syncApi.server];
  // Public reads on a pool of their own, whose connections carry the statement timeout; on the read
  // replicas (DATABASE_READ_URL) once they have replayed the latest change. Writes, the sync surface
  // and the listener stay on the primary.
  const publicPool = createPublicPool(orm.em.getKnex(), { statementTimeoutMs, max: limitsConfig.publicPoolMax });
  const replicas = readReplicaUrls.length > 0 ? new ReadReplicas(orm, readReplicaUrls, { statementTimeoutMs }) : null;
  const cacheEnabled = options.responseCache ?? responseCacheEnabled();
  changes.on('position', (position) => replicas?.advanceTo(position));
  // Public answers, cached until the register changes.
  const cacheEvents = { hit: () => responseCacheHits.inc(), miss: () => responseCacheMisses.inc(), invalidation: () => responseCacheInvalidations.inc() };
  const cache = cacheEnabled
    ? new ResponseCache({ changes, knex: orm.em.getKnex(), onEvent: (e) => cacheEvents[e](), ...(options.responseCacheLimits ?? limitsConfig.responseCache) })
    : null;
  // Scheduled publications applied when due; organisations and vocabularies kept until they change.
  const scheduler = new PublicationScheduler(orm.em.getKnex(), (records) => scheduledPublicationsApplied.inc(records));
  const referenceData = new PublicReferenceData(orm.em.getKnex());
  changes.on('changed', (origin) => {
    referenceData.invalidate();
    // Only the projector writes the schedule, and it notifies: this process's own write (a draft,
    // say) is followed by that notification whenever the schedule changed.
    if (origin === 'notification') void scheduler.refresh().catch(() => undefined);
  });
  for (const [event, live] of [['connected', true], ['lost', false]] as const) {
    changes.on(event, () => {
      referenceData.setLive(live);
      scheduler.live(live);
    });
  }
  await Promise.all([publicServer.start(), syncServer.start(), scheduler.start(), changes.start()]);
  if (changes.connected) {
    referenceData.setLive(true);
    scheduler.live(true);
  }
  await cache?.start();
  const unregisterPools = [registerPool('primary', orm.em.getKnex()), registerPool('public', publicPool)];
  /** The one place that decides which pool a public request reads from. */
  const publicKnex = () => (replicas ? replicas.knexFor(changes.position, publicPool) : publicPool);

  const searchExactCountLimit = options.searchExactCountLimit ?? limitsConfig.searchExactCountLimit;
  const newPublicContext = () => createPublicContext(publicKnex(), { referenceData, scheduler, searchExactCountLimit });
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy === 'true' || config.trustProxy);
  const limits: RateLimitSettings = { publicPerMinute: config.publicRateLimitPerMinute, authFailuresPer15Min: config.authFailureLimitPer15Min, ...options.rateLimits };
  const publicLimit = publicRateLimit(limits.publicPerMinute);
  const authThrottle = limits.authFailuresPer15Min ? new AuthFailureThrottle(limits.authFailuresPer15Min, options.log ?? ((entry) => logger.warn(entry, String(entry.event ?? 'rate limit')))) : null;
  app.set('etag', false); // GET answers only, see etag.ts
  app.use(observeRequests(logger));
  mountHealth(app, { orm, responseCacheListening: cache ? () => cache.isListening() : null, replicaHealth: replicas ? () => replicas.health() : null });
  app.get('/', frontDoor(FRONT_DOOR_LINKS.filter((link) => config.graphqlExplorer || link.href !== '/graphql')));
  app.use(docs(path.join(PROJECT_ROOT, 'docs')));
  app.use('/open-data', cors({ methods: ['GET', 'HEAD'] })); // open data: any origin may read
  app.use(
    openDataRouter({
      records: new PublicRecordSource({ knex: publicKnex, referenceData, scheduler }),
      settings: { ...config.openData, base: config.openData.baseUrl },
      maxAgeSeconds: config.publicCacheMaxAgeSeconds,
      maxConcurrentDownloads: limitsConfig.openDataMaxDownloads,
      idleTimeoutMs: limitsConfig.openDataIdleTimeoutMs,
      onError: (error, req) => logger.error({ err: error, path: req.originalUrl }, 'open-data download cut short'),
    }),
  );
  const publicSdl = printSchema(lexicographicSortSchema(publicSchema));
  app.get('/graphql/schema.graphql', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/plain; charset=utf-8').send(publicSdl);
  });
  if (config.graphqlExplorer) app.use(explorer({ endpoint: '/graphql', title: 'Verwerkingsregister: open data (GraphQL)', defaultQuery: EXPLORER_QUERY }));
  mountBenchMetrics(app, orm);
  if (metrics.token) mountMetrics(app, { token: metrics.token });
  const metricsServer = metrics.port != null ? await listenForMetrics(metrics, logger) : null;
  mountDashboard(app);
  app.use(
    '/graphql',
    cors({ methods: ['GET', 'POST'], exposedHeaders: ['X-Request-Id'] }), // open data: any origin may read (and quote the request id)
    publicCacheHeaders(config.publicCacheMaxAgeSeconds),
    ...(publicLimit ? [publicLimit] : []),
    etagForGet(),
    express.json({ limit: LIMITS.public.maxBodyBytes }),
    jsonDepthGuard(LIMITS.public.maxJsonDepth),
    ...(cache ? [cache.middleware()] : []),
    expressMiddleware(publicServer, { context: unavailableAs503(async ({ req }) => contextWithFacts(req, await newPublicContext())) }),
  );
  app.use(
    '/sync/graphql',
    ...(authThrottle ? [authThrottle.guard] : []),
    noStore(),
    express.json({ limit: LIMITS.sync.maxBodyBytes }),
    jsonDepthGuard(LIMITS.sync.maxJsonDepth),
    expressMiddleware(syncServer, {
      context: unavailableAs503(async ({ req }) =>
        observedContext(req, async () => {
          const context = await createSyncContext(orm.em.fork(), req.headers.authorization);
          if (authThrottle && req.headers.authorization && context.authError) await authThrottle.recordFailure(req, context.authError);
          return context;
        }),
      ),
    }),
  );
  app.use(avgRegisterImportRouter(orm)); // POST /sync/import/avg-register (application/zip)
  app.use(bodyErrorHandler);
  app.use(notFoundHandler());
  app.use(finalErrorHandler());

  return {
    app,
    metricsAddress: metricsServer ? (metricsServer.address() as AddressInfo) : null,
    changes,
    cacheStats: () => ({
      ...prefixed('public', publicApi.stats()),
      ...prefixed('sync', syncApi.stats()),
      ...(cache ? prefixed('response', cache.sizes()) : {}),
      columnSelections: columnSelectionStats(),
    }),
    stop: async () => {
      for (const unregister of unregisterPools) unregister();
      authThrottle?.shutdown();
      scheduler.stop();
      await Promise.all([publicServer.stop(), syncServer.stop(), cache?.stop(), changes.stop(), replicas?.stop(), metricsServer && new Promise((resolve) => metricsServer.close(resolve))]);
      await publicPool.destroy();
    },
  };
}

/** /metrics on a listener of its own (METRICS_HOST:METRICS_PORT, loopback by default), out of reach of the API's public port. */
async function listenForMetrics(options: MetricsOptions, logger: Logger): Promise<Server> {
  const metricsApp = express();
  metricsApp.disable('x-powered-by');
  mountMetrics(metricsApp, { token: options.token });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = metricsApp.listen(options.port!, options.host, () => resolve(s)).once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  logger.info({ metrics: `http://${address}:${port}/metrics` }, 'metrics listening');
  return server;
}

/**
 * A caller that reads right after its own write must not get the answer from before it: every
 * sync mutation tells this process's register listener before its answer goes out (other
 * processes learn of it from the notification, within milliseconds).
 */
function ownWritesSeenAtOnce(changes: RegisterChanges): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') changes.localWrite();
        },
      };
    },
  };
}

const prefixed = (prefix: string, stats: Record<string, CacheStats>) => Object.fromEntries(Object.entries(stats).map(([name, s]) => [`${prefix}.${name}`, s]));

function apollo<C extends BaseContext>(
  schema: GraphQLSchema,
  limits: { maxDepth: number; maxComplexity: number; maxRootFields: number; csrfPrevention: boolean },
  plugins: ApolloServerPlugin[],
  jit: boolean,
  queryCache: CacheLimits,
) {
  // Every cache keyed by query documents is bounded (entries and bytes): parsed and validated documents, compiled queries, costs.
  const documentStore = new DocumentStore(queryCache);
  const gateway = jit ? jitGateway(schema, queryCache) : null;
  const limitsPlugin = complexityLimitPlugin(limits, queryCache);
  const server = new ApolloServer<C>({
    // Both surfaces run on graphql-jit (compiled queries and variable coercion), see jit-executor.ts.
    ...(gateway ? { gateway } : { schema }),
    documentStore,
    csrfPrevention: limits.csrfPrevention,
    // Automatic persisted queries (a hash in a GET URL, so long queries can be cached by URL): the
    // documents they register are kept in a bounded LRU (bytes), never an unbounded store.
    persistedQueries: { cache: new InMemoryLRUCache<string>({ maxSize: PERSISTED_QUERY_CACHE_BYTES, sizeCalculation: (document) => document.length + 64 }), ttl: null },
    // The process owns SIGTERM/SIGINT (src/main.ts drains requests first); Apollo must not stop on its own.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    // An organisation's register runs a listing per organisation: one organisation at a time (the sync schema has no such field).
    validationRules: [depthLimitRule(limits.maxDepth), singleParentFieldsRule(['Organisation.processingActivities'])],
    plugins: [
      limitsPlugin,
      serviceUnavailablePlugin(),
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
  const stats = (): Record<string, CacheStats> => ({ documents: documentStore.stats(), costs: limitsPlugin.stats(), ...(gateway ? { compiledQueries: gateway.stats() } : {}) });
  return { server, stats };
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
