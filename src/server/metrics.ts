import { timingSafeEqual } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import type express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of the process (prom-client), scraped at /metrics (see mountMetrics for how
 * that endpoint is protected). One registry per process: counters are process-wide, as Prometheus
 * expects of one scrape target.
 */
export const metricsRegistry = new Registry();

export const graphqlRequests = new Counter({
  name: 'vr_graphql_requests_total',
  help: 'GraphQL requests answered, by surface, operation name and outcome (ok or error).',
  labelNames: ['surface', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const graphqlRequestDuration = new Histogram({
  name: 'vr_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL request to the end of its answer, by surface and operation name.',
  labelNames: ['surface', 'operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const graphqlErrors = new Counter({
  name: 'vr_graphql_errors_total',
  help: 'Errors in GraphQL answers, by surface and code (as the caller sees it).',
  labelNames: ['surface', 'code'] as const,
  registers: [metricsRegistry],
});

export const responseCacheHits = new Counter({ name: 'vr_response_cache_hits_total', help: 'Public answers served from the response cache.', registers: [metricsRegistry] });
export const responseCacheMisses = new Counter({ name: 'vr_response_cache_misses_total', help: 'Cacheable public requests not found in the response cache.', registers: [metricsRegistry] });
export const responseCacheInvalidations = new Counter({
  name: 'vr_response_cache_invalidations_total',
  help: 'Times the response cache was emptied (register changed, listener reconnected, entries expired).',
  registers: [metricsRegistry],
});

export const syncRecords = new Counter({
  name: 'vr_sync_records_total',
  help: 'Records of sync batches, by outcome (CREATED, UPDATED, UNCHANGED, WITHDRAWN, FAILED) and whether the batch was committed.',
  labelNames: ['outcome', 'committed'] as const,
  registers: [metricsRegistry],
});

/** For the publication scheduler: increment once per scheduled publication (or withdrawal) it applies. */
export const scheduledPublicationsApplied = new Counter({
  name: 'vr_scheduled_publications_applied_total',
  help: 'Scheduled publications applied by the scheduler.',
  registers: [metricsRegistry],
});

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/** Knex pools to report, by name. The public loaders' prepared statements (pooled-statement.ts) run on knex's pool too, so it covers them. */
const pools = new Map<string, Knex>();

new Gauge({
  name: 'vr_db_pool_connections',
  help: 'Database connections of the pool, by state: used, free, pending_acquires (requests waiting for a connection), pending_creates.',
  labelNames: ['pool', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [name, knex] of pools) {
      const pool = (knex.client as { pool?: TarnPool }).pool;
      if (!pool) continue;
      this.set({ pool: name, state: 'used' }, pool.numUsed());
      this.set({ pool: name, state: 'free' }, pool.numFree());
      this.set({ pool: name, state: 'pending_acquires' }, pool.numPendingAcquires());
      this.set({ pool: name, state: 'pending_creates' }, pool.numPendingCreates());
    }
  },
});

/** Reports a knex pool under a name until the returned function is called. */
export function registerPool(name: string, knex: Knex): () => void {
  pools.set(name, knex);
  return () => {
    if (pools.get(name) === knex) pools.delete(name);
  };
}

let defaultMetrics = false;

/** Node's own metrics (RSS, heap, event-loop delay, GC), started with the first metrics endpoint. */
function startDefaultMetrics(): void {
  if (defaultMetrics) return;
  defaultMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'vr_' });
}

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const MAX_OPERATION_LENGTH = 64;
/** Distinct operation names per surface; later names are counted as "other". */
export const MAX_OPERATION_NAMES = 100;
const seenOperations = new Map<string, Set<string>>();

/**
 * The operation label: anonymous operations and names that are not GraphQL names fold into
 * "anonymous", names are cut at 64 characters, and each surface keeps its first 100 distinct
 * names; every name after those is "other". Anyone can send any operation name to the public
 * surface, so without the cap one client could create an unbounded number of time series.
 */
export function operationLabel(surface: string, name: string | null | undefined): string {
  if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
  const label = name.slice(0, MAX_OPERATION_LENGTH);
  let seen = seenOperations.get(surface);
  if (!seen) seenOperations.set(surface, (seen = new Set()));
  if (seen.has(label)) return label;
  if (seen.size >= MAX_OPERATION_NAMES) return 'other';
  seen.add(label);
  return label;
}

export interface MetricsEndpointOptions {
  /** When set, a scrape must send "Authorization: Bearer <token>". */
  token: string | null;
}

/** GET /metrics on an express app, refused (401) without the bearer token when one is configured. */
export function mountMetrics(app: express.Express, options: MetricsEndpointOptions): void {
  startDefaultMetrics();
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  app.get('/metrics', async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ error: 'METRICS_TOKEN required: send "Authorization: Bearer <token>".' });
        return;
      }
    }
    res.set('Content-Type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}
