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
import { buildSyncSchema } from '../api/sync/sync.schema';
import { createSyncContext } from '../api/sync/sync.context';
import { avgRegisterImportRouter } from '../api/sync/import.route';
import { maskError } from '../api/common/error-masking';
import { complexityLimitPlugin, depthLimitRule } from '../api/common/query-limits';
import { mountBenchMetrics } from './bench-metrics';
import { etagForGet } from './etag';
import { jitEnabled, jitGateway } from './jit-executor';
import { ResponseCache, responseCacheEnabled } from './response-cache';

export const LIMITS = {
  public: { maxDepth: 10, maxComplexity: 25_000, maxBodyBytes: '64kb' },
  sync: { maxDepth: 12, maxComplexity: 50_000, maxBodyBytes: '10mb' },
};

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
  const publicServer = apollo(publicSchema, LIMITS.public, options.extraPublicPlugins ?? [], jitEnabled());
  const syncServer = apollo(syncSchema, LIMITS.sync, [], jitEnabled());
  // Public answers, cached until the register changes (LISTEN/NOTIFY, shared by every API process on the database).
  const cache = (options.responseCache ?? responseCacheEnabled()) ? new ResponseCache({ databaseUrl: orm.config.get('clientUrl')!, knex: orm.em.getKnex() }) : null;
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
    ...(cache ? [cache.middleware()] : []),
    expressMiddleware(publicServer, { context: async () => createPublicContext(orm.em.getKnex()) }),
  );
  app.use(
    '/sync/graphql',
    express.json({ limit: LIMITS.sync.maxBodyBytes }),
    expressMiddleware(syncServer, { context: async ({ req }) => createSyncContext(orm.em.fork(), req.headers.authorization) }),
  );
  app.use(avgRegisterImportRouter(orm)); // POST /sync/import/avg-register (application/zip)
  app.use(bodyErrorHandler);

  return {
    app,
    stop: async () => {
      await Promise.all([publicServer.stop(), syncServer.stop(), cache?.stop()]);
    },
  };
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
