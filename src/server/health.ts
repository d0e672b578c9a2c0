import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import { MIGRATIONS } from '../../migrations';
import { oneLine } from '../database/embedded-postgres';
import type { ReplicaHealth } from '../database/read-replicas';

/** One readiness check's verdict, as /readyz reports it. */
export interface CheckResult {
  status: 'ok' | 'failed' | 'disabled' | 'degraded';
  reason?: string;
}

export interface ReadinessSources {
  orm: MikroORM;
  /** The response cache's LISTEN connection; null when the cache is off. */
  responseCacheListening: (() => boolean) | null;
  /** The read replicas (DATABASE_READ_URL); null when there are none. */
  replicaHealth: (() => ReplicaHealth) | null;
}

/** A check that takes longer than this counts as failed: a load balancer must get an answer. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Liveness and readiness, for load balancers and orchestrators:
 * - `/livez`: the process is up and serving HTTP (never looks at the database; restarting the
 *   process would not bring a database back).
 * - `/readyz`: this process can answer GraphQL now: the database answers, its schema has every
 *   migration this code knows, and the response cache's LISTEN connection is up (without it the
 *   cache is bypassed, which is safe but slow). 503 with the failed checks named otherwise.
 *   Read replicas are reported but never make the process unready: while none is healthy, public
 *   reads go to the primary (correct, only slower), so the check says `degraded` and the count,
 *   for monitoring, and the load balancer keeps sending traffic.
 * - `/health`: the same as `/readyz` (it was the only endpoint before, and its callers wait for a
 *   usable server).
 */
export function mountHealth(app: express.Express, sources: ReadinessSources): void {
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const readiness: express.RequestHandler = async (_req, res) => {
    const checks = await readinessChecks(sources);
    const ready = Object.values(checks).every((c) => c.status !== 'failed');
    res.status(ready ? 200 : 503).setHeader('cache-control', 'no-store');
    res.json({ status: ready ? 'ok' : 'unavailable', checks });
  };
  app.get('/readyz', readiness);
  app.get('/health', readiness);
}

export async function readinessChecks(sources: ReadinessSources): Promise<Record<string, CheckResult>> {
  // The driver's message names hosts and ports: /readyz is public, so it says only that the database failed.
  const database = await withTimeout(async () => {
    await sources.orm.em
      .getConnection()
      .execute('select 1')
      .catch(() => {
        throw new Error('the database does not answer');
      });
  });
  const migrations: CheckResult = database.status === 'ok' ? await withTimeout(() => migrationsCurrent(sources.orm)) : { status: 'failed', reason: 'database unreachable' };
  const listening = sources.responseCacheListening;
  const responseCache: CheckResult = !listening ? { status: 'disabled' } : listening() ? { status: 'ok' } : { status: 'failed', reason: 'the LISTEN connection for cache invalidation is not connected' };
  const replicas = replicaCheck(sources.replicaHealth);
  return { database, migrations, responseCache, replicas };
}

function replicaCheck(health: (() => ReplicaHealth) | null): CheckResult {
  if (!health) return { status: 'disabled' };
  const { total, healthy } = health();
  if (healthy === total) return { status: 'ok' };
  return { status: 'degraded', reason: `${healthy} of ${total} read replicas healthy; public reads go to the primary meanwhile` };
}

async function migrationsCurrent(orm: MikroORM): Promise<void> {
  const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  const rows = await orm.em.getConnection().execute<{ name: string }[]>(`select name from "${table}"`);
  const applied = new Set(rows.map((r) => r.name.replace(/\.[jt]s$/, '')));
  const pending = MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
  if (pending.length) throw new Error(`${pending.length} migration(s) not applied: ${pending.join(', ')}`);
}

async function withTimeout(check: () => Promise<void>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'failed', reason: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check().then(
        (): CheckResult => ({ status: 'ok' }),
        (e: unknown): CheckResult => ({ status: 'failed', reason: oneLine(e) }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
