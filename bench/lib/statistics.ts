import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { RegisterStatisticsDocument } from '../../clients/typescript/src/generated/sync/graphql';
import { ormConfig } from '../../src/database/mikro-orm.config';
import { ApiTokenService } from '../../src/modules/auth/api-token.service';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { Organisation } from '../../src/modules/organisation/organisation.entity';

export interface StatisticsMeasured {
  /** Median latency of the dashboard's statistics request for the whole register, one client, one request at a time. */
  singleClientP50Ms: number;
  singleClientP99Ms: number;
  requests: number;
  errors: number;
  /** The first request of the API process (cold caches, the document not yet compiled). */
  firstRequestMs: number;
  records: number;
  organisations: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Scenario "statistics": the dashboard's RegisterStatistics question (every organisation, own and
 * rolled up, completeness, quality, 12 months of activity) for the whole register with a
 * REGISTER_READ token, sent by one client one at a time for the scenario's duration after warm-up.
 */
export async function measureStatistics(api: { url: string }, databaseUrl: string, options: { warmup: number; duration: number }): Promise<StatisticsMeasured> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, { allowGlobalContext: true }));
  let token: string;
  try {
    const em = orm.em.fork();
    const root = await em.findOneOrFail(Organisation, { parent: null }, { orderBy: { name: 'asc' } });
    token = (await new ApiTokenService(em).create({ organisation: root, name: 'bench statistics', scopes: [TokenScope.REGISTER_READ], expiresInDays: 1 })).token;
  } finally {
    await orm.close();
  }
  const body = JSON.stringify({ query: print(RegisterStatisticsDocument), variables: { reviewAfterMonths: 12, activityInterval: 'MONTH' } });
  const send = async () => {
    const started = performance.now();
    const res = await fetch(`${api.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const json = (await res.json()) as { data?: { statistics: { total: { records: number }; organisations: unknown[] } }; errors?: unknown[] };
    return { ms: performance.now() - started, ok: res.ok && !json.errors?.length, json };
  };
  const first = await send();
  if (!first.ok || !first.json.data) throw new Error(`statistics request failed: ${JSON.stringify(first.json).slice(0, 500)}`);
  const warmUntil = Date.now() + options.warmup * 1000;
  while (Date.now() < warmUntil) await send();
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + options.duration * 1000;
  while (Date.now() < until) {
    const r = await send();
    if (r.ok) latencies.push(r.ms);
    else errors++;
  }
  latencies.sort((a, b) => a - b);
  return {
    singleClientP50Ms: round(percentile(latencies, 50)),
    singleClientP99Ms: round(percentile(latencies, 99)),
    requests: latencies.length + errors,
    errors,
    firstRequestMs: round(first.ms),
    records: first.json.data.statistics.total.records,
    organisations: first.json.data.statistics.organisations.length,
  };
}
