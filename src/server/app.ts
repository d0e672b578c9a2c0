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
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildPublicSchema } from '../api/public/public.schema';
import { createPublicContext } from '../api/public/public.context';
import { buildSyncSchema } from '../api/sync/sync.schema';
import { createSyncContext, type SyncContext } from '../api/sync/sync.context';
import { maskError } from '../api/common/error-masking';
import { complexityLimitPlugin, depthLimitRule } from '../api/common/query-limits';
import { supportedOperationsPlugin } from '../api/common/operation-support';
import { config } from '../config';
import { mountBenchMetrics } from './bench-metrics';
import { etagForGet } from './etag';
import { jitEnabled, jitGateway } from './jit-executor';
import { ResponseCache, responseCacheEnabled } from './response-cache';
import { createLogger, type Logger } from './logger';
import { mountMetrics, registerPool, responseCacheHits, responseCacheInvalidations, responseCacheMisses } from './metrics';
import { contextWithFacts, observabilityPlugin, observedContext, observeRequests } from './request-observation';

export const LIMITS = {
  public: { maxDepth: 10, maxComplexity: 25_000, maxBodyBytes: '64kb' },
  sync: { maxDepth: 12, maxComplexity: 50_000, maxBodyBytes: '10mb' },
};

export interface App {
  app: express.Express;
  /** Where the separate metrics listener listens (METRICS_PORT), or null. */
  metricsAddress: AddressInfo | null;
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
export async function createApp(
  orm: MikroORM,
  options: { extraPublicPlugins?: ApolloServerPlugin[]; responseCache?: boolean; logger?: Logger; metrics?: MetricsOptions } = {},
): Promise<App> {
  const logger = options.logger ?? createLogger();
  const metrics = options.metrics ?? { port: config.metricsPort, host: config.metricsHost, token: config.metricsToken };
  const [publicSchema, syncSchema] = await Promise.all([buildPublicSchema(), buildSyncSchema()]);
  const publicPlugins = [supportedOperationsPlugin('The public API is read-only; organisations write through /sync/graphql.'), observabilityPlugin(() => null), ...(options.extraPublicPlugins ?? [])];
  const publicServer = apollo(publicSchema, LIMITS.public, publicPlugins, jitEnabled());
  const syncServer = apollo(syncSchema, LIMITS.sync, [supportedOperationsPlugin(''), observabilityPlugin((c) => (c as SyncContext).caller?.tokenPrefix ?? null)], jitEnabled());
  // Public answers, cached until the register changes (LISTEN/NOTIFY, shared by every API process on the database).
  const cacheEvents = { hit: () => responseCacheHits.inc(), miss: () => responseCacheMisses.inc(), invalidation: () => responseCacheInvalidations.inc() };
  const cache = (options.responseCache ?? responseCacheEnabled()) ? new ResponseCache({ databaseUrl: orm.config.get('clientUrl')!, knex: orm.em.getKnex(), onEvent: (e) => cacheEvents[e]() }) : null;
  await Promise.all([publicServer.start(), syncServer.start(), cache?.start()]);
  const unregisterPool = registerPool('primary', orm.em.getKnex());

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // GET answers only, see etag.ts
  app.use(observeRequests(logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountBenchMetrics(app, orm);
  if (metrics.token) mountMetrics(app, { token: metrics.token });
  const metricsServer = metrics.port != null ? await listenForMetrics(metrics, logger) : null;
  app.use(
    '/graphql',
    cors({ methods: ['GET', 'POST'], exposedHeaders: ['X-Request-Id'] }), // open data: any origin may read (and quote the request id)
    etagForGet(),
    express.json({ limit: LIMITS.public.maxBodyBytes }),
    ...(cache ? [cache.middleware()] : []),
    expressMiddleware(publicServer, { context: async ({ req }) => contextWithFacts(req, await createPublicContext(orm.em.getKnex())) }),
  );
  app.use(
    '/sync/graphql',
    express.json({ limit: LIMITS.sync.maxBodyBytes }),
    expressMiddleware(syncServer, { context: async ({ req }) => observedContext(req, () => createSyncContext(orm.em.fork(), req.headers.authorization)) }),
  );
  app.use(bodyErrorHandler);

  return {
    app,
    metricsAddress: metricsServer ? (metricsServer.address() as AddressInfo) : null,
    stop: async () => {
      unregisterPool();
      await Promise.all([publicServer.stop(), syncServer.stop(), cache?.stop(), metricsServer && new Promise((resolve) => metricsServer.close(resolve))]);
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

function apollo<C extends BaseContext>(schema: GraphQLSchema, limits: { maxDepth: number; maxComplexity: number }, plugins: ApolloServerPlugin[], jit: boolean) {
  return new ApolloServer<C>({
    // Both surfaces run on graphql-jit (compiled queries and variable coercion), see jit-executor.ts.
    ...(jit ? { gateway: jitGateway(schema) } : { schema }),
    csrfPrevention: true,
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
      ...(process.env.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
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
