import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { pinoHttp } from 'pino-http';
import { type RequestFacts, requestFactsOf, withRequestFacts } from '../api/common/request-facts';
import { SERVICE_UNAVAILABLE } from '../api/common/service-unavailable';
import type { Logger } from './logger';
import { graphqlErrors, graphqlRequestDuration, graphqlRequests, operationLabel, syncRecords } from './metrics';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's request id is kept when it is 1–128 of these characters (a UUID, a trace id, a ULID…); otherwise a new one is made. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const FACTS = Symbol('requestFacts');
type ObservedRequest = IncomingMessage & { [FACTS]?: RequestFacts; body?: unknown; originalUrl?: string };

/** The request id of a request: the caller's X-Request-Id when sane, else a random UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Paths probed every few seconds by orchestrators and scrapers: no log line for each (a failed one is still logged). */
const PROBES = new Set(['/health', '/livez', '/readyz', '/metrics']);

/**
 * Request ids, one JSON log line per request, and the request metrics. pino-http gives each request
 * its id (answered in X-Request-Id) and a child logger carrying it, and writes the line when the
 * answer is finished or the connection closed, with the duration; the GraphQL layers add what they
 * learned (operation, error codes, caller, sync summary) to the request's facts, which go into
 * that line. No headers are logged: the Authorization header holds a secret.
 */
export function observeRequests(logger: Logger): express.RequestHandler[] {
  const pathOf = (req: IncomingMessage) => ((req as ObservedRequest).originalUrl ?? req.url ?? '').split('?')[0];
  const summary = (req: IncomingMessage) => {
    const facts = (req as ObservedRequest)[FACTS];
    if (!facts || facts.surface === 'other') return {};
    return {
      surface: facts.surface,
      operation: operationOf(facts, req),
      outcome: facts.errorCodes.length ? 'error' : 'ok',
      ...(facts.errorCodes.length ? { errorCodes: facts.errorCodes } : {}),
      ...(facts.caller ? { caller: facts.caller } : {}),
    };
  };
  const http = pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers['x-request-id']);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: { method: string; raw?: IncomingMessage; url: string }) => ({ method: req.method, path: req.raw ? pathOf(req.raw) : req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    autoLogging: { ignore: (req) => PROBES.has(pathOf(req)) },
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 || (req as ObservedRequest)[FACTS]?.errorCodes.includes('INTERNAL_SERVER_ERROR') ? 'error' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, _res, value) => ({ ...value, ...summary(req) }),
    customErrorObject: (req, _res, _err, value) => ({ ...value, ...summary(req) }),
  });

  const facts: express.RequestHandler = (req, res, next) => {
    const path = pathOf(req);
    const surface = path === '/graphql' ? 'public' : path === '/sync/graphql' ? 'sync' : 'other';
    const observed: RequestFacts = { id: String(req.id), surface, log: req.log, operation: null, errorCodes: [], caller: null, sync: null };
    (req as ObservedRequest)[FACTS] = observed;
    if (surface !== 'other') {
      const started = process.hrtime.bigint();
      res.once('finish', () => recordRequest(observed, req, Number(process.hrtime.bigint() - started) / 1e9));
    }
    next();
  };
  return [http as unknown as express.RequestHandler, facts];
}

/** The facts of an express request, handed to its GraphQL context (see withRequestFacts). */
export function contextWithFacts<T extends object>(req: express.Request, context: T): T {
  return withRequestFacts(context, (req as ObservedRequest)[FACTS]);
}

/**
 * Builds a GraphQL context, logging a failure with its stack under the request id: Apollo answers
 * such a failure before any plugin runs (e.g. the sync surface's token check during a database
 * outage), so the error carries the request id itself (error-masking.ts keeps it).
 */
export async function observedContext<T extends object>(req: express.Request, build: () => Promise<T>): Promise<T> {
  try {
    return contextWithFacts(req, await build());
  } catch (error) {
    const facts = (req as ObservedRequest)[FACTS];
    facts?.errorCodes.push('INTERNAL_SERVER_ERROR');
    facts?.log.error({ err: error }, 'context creation failed');
    throw new GraphQLError('Internal server error', { originalError: error as Error, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(facts ? { requestId: facts.id } : {}) } });
  }
}

/**
 * Error codes whose original error is logged (never sent to the caller), with the line's message:
 * a bug, and an unreachable database (the caller is told only that; the log says how: refused,
 * cut, full, closed).
 */
const LOGGED_CAUSES: Readonly<Record<string, string>> = { INTERNAL_SERVER_ERROR: 'internal error', [SERVICE_UNAVAILABLE]: 'database unavailable' };

/**
 * Apollo plugin: records the operation name, the caller (token prefix), and every error of the
 * answer as the caller sees it (after masking); gives each error `extensions.requestId`; logs each
 * internal error and each unreachable-database error with its original error and stack (LOGGED_CAUSES; never sent to the caller).
 */
export function observabilityPlugin<C extends BaseContext>(callerOf: (context: C) => string | null): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const facts = requestFactsOf(contextValue);
      if (!facts) return;
      return {
        async didResolveOperation({ operationName }) {
          facts.operation = operationName ?? null;
        },
        async willSendResponse({ response, errors, operationName }) {
          facts.caller = callerOf(contextValue);
          const body = response.body;
          const formatted = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          formatted?.forEach((error, i) => {
            const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            facts.errorCodes.push(code);
            (error as { extensions?: GraphQLFormattedError['extensions'] }).extensions = { ...error.extensions, requestId: facts.id };
            // formatted errors are the originals in the same order (Apollo formats them one by one).
            const cause = LOGGED_CAUSES[code];
            if (cause) facts.log.error({ err: errors?.[i], path: error.path, operation: operationName ?? null }, cause);
          });
        },
      };
    },
  };
}

function operationOf(facts: RequestFacts, req: IncomingMessage): string | null {
  if (facts.operation) return facts.operation;
  // Answered before Apollo resolved the operation (a response-cache hit): the name the body gives.
  const body = (req as ObservedRequest).body as { operationName?: unknown; query?: unknown } | undefined;
  if (typeof body?.operationName === 'string') return body.operationName;
  const named = typeof body?.query === 'string' ? /^\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body.query) : null;
  return named?.[1] ?? null;
}

function recordRequest(facts: RequestFacts, req: IncomingMessage, seconds: number): void {
  const operation = operationLabel(facts.surface, operationOf(facts, req));
  graphqlRequests.inc({ surface: facts.surface, operation, outcome: facts.errorCodes.length ? 'error' : 'ok' });
  graphqlRequestDuration.observe({ surface: facts.surface, operation }, seconds);
  for (const code of facts.errorCodes) graphqlErrors.inc({ surface: facts.surface, code: code.slice(0, 64) });
  const sync = facts.sync;
  if (sync) {
    for (const [outcome, count] of Object.entries(sync.outcomes)) if (count) syncRecords.inc({ outcome, committed: String(sync.committed) }, count);
    facts.log.info({ sync, caller: facts.caller }, 'sync batch');
  }
}
