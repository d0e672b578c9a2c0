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
import type { GraphQLSchema } from 'graphql';
import { buildPublicSchema } from '../api/public/public.schema';
import { createPublicContext } from '../api/public/public.context';
import { columnSelectionStats, configureColumnSelectionMemo } from '../api/public/selection';
import { buildSyncSchema } from '../api/sync/sync.schema';
import { createSyncContext } from '../api/sync/sync.context';
import { maskError } from '../api/common/error-masking';
import { complexityLimitPlugin, depthLimitRule } from '../api/common/query-limits';
import { queryTimeoutPlugin } from '../api/common/query-timeout';
import { limitsConfig } from '../config';
import type { CacheLimits, CacheStats } from '../modules/common/bounded-cache';
import { mountBenchMetrics } from './bench-metrics';
import { DocumentStore } from './document-store';
import { finalErrorHandler, notFoundHandler } from './error-handlers';
import { etagForGet } from './etag';
import { jitEnabled, jitGateway } from './jit-executor';
import { jsonDepthGuard } from './json-depth';
import { createPublicPool } from './public-pool';
import { ResponseCache, responseCacheEnabled } from './response-cache';

export const LIMITS = {
  public: { maxDepth: 10, maxComplexity: 25_000, maxRootFields: 20, maxJsonDepth: 32, maxBodyBytes: '64kb' },
  sync: { maxDepth: 12, maxComplexity: 50_000, maxRootFields: 50, maxJsonDepth: 32, maxBodyBytes: '10mb' },
};

export interface AppOptions {
  extraPublicPlugins?: ApolloServerPlugin[];
  responseCache?: boolean;
  /** Defaults: limitsConfig (src/config.ts, from the environment). */
  publicStatementTimeoutMs?: number;
  queryCache?: CacheLimits;
  responseCacheLimits?: CacheLimits;
}

export interface App {
  app: express.Express;
  /** Sizes of every cache that grows with distinct requests, by name (tests, metrics). */
  cacheStats(): Record<string, CacheStats>;
  stop(): Promise<void>;
}

/**
 * One express app, two GraphQL APIs with separate schemas: the anonymous public surface at
 * /graphql and the authenticated sync surface at /sync/graphql. Each request gets a context
 * built for the caller's rights: a sync request its own forked EntityManager, a public request
 * only the public register and its loaders on the connection pool.
 */
export async function createApp(orm: MikroORM, options: AppOptions = {}): Promise<App> {
  const [publicSchema, syncSchema] = await Promise.all([buildPublicSchema(), buildSyncSchema()]);
  const queryCache = options.queryCache ?? limitsConfig.queryCache;
  const statementTimeoutMs = options.publicStatementTimeoutMs ?? limitsConfig.publicStatementTimeoutMs;
  configureColumnSelectionMemo(queryCache);
  const publicApi = apollo(publicSchema, LIMITS.public, [queryTimeoutPlugin(statementTimeoutMs), ...(options.extraPublicPlugins ?? [])], jitEnabled(), queryCache);
  const syncApi = apollo(syncSchema, LIMITS.sync, [], jitEnabled(), queryCache);
  const [publicServer, syncServer] = [publicApi.server, syncApi.server];
  // Public reads on a pool of their own, whose connections carry the statement timeout.
  const publicPool = createPublicPool(orm.em.getKnex(), { statementTimeoutMs, max: limitsConfig.publicPoolMax });
  // Public answers, cached until the register changes (LISTEN/NOTIFY, shared by every API process on the database).
  const cache =
    (options.responseCache ?? responseCacheEnabled())
      ? new ResponseCache({ databaseUrl: orm.config.get('clientUrl')!, knex: orm.em.getKnex(), ...(options.responseCacheLimits ?? limitsConfig.responseCache) })
      : null;
  await Promise.all([publicServer.start(), syncServer.start(), cache?.start()]);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // GET answers only, see etag.ts
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountBenchMetrics(app, orm);
  app.use(
    '/graphql',
    cors({ methods: ['GET', 'POST'] }), // open data: any origin may read
    etagForGet(),
    express.json({ limit: LIMITS.public.maxBodyBytes }),
    jsonDepthGuard(LIMITS.public.maxJsonDepth),
    ...(cache ? [cache.middleware()] : []),
    expressMiddleware(publicServer, { context: async () => createPublicContext(publicPool) }),
  );
  app.use(
    '/sync/graphql',
    express.json({ limit: LIMITS.sync.maxBodyBytes }),
    jsonDepthGuard(LIMITS.sync.maxJsonDepth),
    expressMiddleware(syncServer, { context: async ({ req }) => createSyncContext(orm.em.fork(), req.headers.authorization) }),
  );
  app.use(bodyErrorHandler);
  app.use(notFoundHandler());
  app.use(finalErrorHandler());

  return {
    app,
    cacheStats: () => ({
      ...prefixed('public', publicApi.stats()),
      ...prefixed('sync', syncApi.stats()),
      ...(cache ? prefixed('response', cache.sizes()) : {}),
      columnSelections: columnSelectionStats(),
    }),
    stop: async () => {
      await Promise.all([publicServer.stop(), syncServer.stop(), cache?.stop()]);
      await publicPool.destroy();
    },
  };
}

const prefixed = (prefix: string, stats: Record<string, CacheStats>) => Object.fromEntries(Object.entries(stats).map(([name, s]) => [`${prefix}.${name}`, s]));

function apollo<C extends BaseContext>(schema: GraphQLSchema, limits: { maxDepth: number; maxComplexity: number; maxRootFields: number }, plugins: ApolloServerPlugin[], jit: boolean, queryCache: CacheLimits) {
  // Every cache keyed by query documents is bounded (entries and bytes): parsed and validated documents, compiled queries, costs.
  const documentStore = new DocumentStore(queryCache);
  const gateway = jit ? jitGateway(schema, queryCache) : null;
  const limitsPlugin = complexityLimitPlugin(limits, queryCache);
  const server = new ApolloServer<C>({
    // Both surfaces run on graphql-jit (compiled queries and variable coercion), see jit-executor.ts.
    ...(gateway ? { gateway } : { schema }),
    documentStore,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    validationRules: [depthLimitRule(limits.maxDepth)],
    plugins: [
      limitsPlugin,
      // Apollo's built-in plugins do per-field work (cache hints, traces) or talk to Apollo's cloud; none is used here.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(process.env.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
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
