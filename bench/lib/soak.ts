import { readFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/database/mikro-orm.config';
import { ApiTokenService } from '../../src/modules/auth/api-token.service';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { syntheticRecord } from './generate';
import { Random } from './prng';
import { BY_ID, PAGE, SEARCH } from './queries';
import { SEARCH_TERMS } from './vocabulary';

/**
 * The soak: one API process (as users start it, response cache on) under mixed traffic for a long
 * time: public reads (pages, search, lookups by id, and a share of query documents never seen
 * before) on several connections, while one writer syncs batches and withdraws and republishes
 * records. Reports failed answers, 5xx answers, stale reads (a withdrawn record still visible to a
 * public read sent after the withdrawal mutation answered) and the API's RSS every 10 s.
 */

export interface SoakOptions {
  apiUrl: string;
  apiPid: number;
  databaseUrl: string;
  seconds: number;
  /** Cursors of pages and ids of published records to read. */
  cursors: (string | null)[];
  ids: string[];
  readers: number;
}

export interface SoakResult {
  seconds: number;
  readers: number;
  requests: number;
  rps: number;
  byKind: Record<string, number>;
  errors: number;
  serverErrors: number;
  staleReads: number;
  withdrawals: number;
  publications: number;
  syncBatches: number;
  uniqueDocuments: number;
  peakRssMb: number;
  rssMbSeries: number[];
  /** RSS at the end of the warm-up (the first 30% of the run). */
  rssAfterWarmupMb: number;
  /** Highest RSS after the warm-up minus the RSS at its end. */
  rssGrowthAfterWarmupMb: number;
  /** Up to 10 examples of what went wrong, for the console. */
  failures: string[];
}

/** Share of each kind of public read. */
const READ_MIX: [kind: string, weight: number][] = [
  ['page', 30],
  ['search', 15],
  ['byId', 40],
  ['unique', 15],
];

const WITHDRAW = `mutation SoakWithdraw($input: WithdrawProcessingActivityInput!) { withdrawProcessingActivity(input: $input) { changed errors { code message } } }`;
const PUBLISH = `mutation SoakPublish($input: PublishProcessingActivityInput!) { publishProcessingActivity(input: $input) { changed errors { code message } } }`;
const SYNC_SOAK = `mutation SoakSync($input: SyncProcessingActivitiesInput!) {
  syncProcessingActivities(input: $input) { committed summary { created updated unchanged withdrawn failed } results { reference activityId errors { code message } } errors { code message } }
}`;
const LOOKUP = `query SoakLookup($id: ID!) { processingActivity(id: $id) { id reference } }`;

/** Records the writer withdraws and republishes (references SYNC-… so the bench's clean-up removes them). */
const TOGGLED = 12;
/** Records of each sync batch. */
const BATCH = 20;

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const { token, organisation } = await soakToken(o.databaseUrl);
  const random = new Random(4242);
  const stats = { requests: 0, errors: 0, serverErrors: 0, staleReads: 0, withdrawals: 0, publications: 0, syncBatches: 0, uniqueDocuments: 0 };
  const byKind: Record<string, number> = {};
  const failures: string[] = [];
  const fail = (what: string) => {
    stats.errors++;
    if (failures.length < 10) failures.push(what.slice(0, 300));
  };

  const post = async (path: string, query: string, variables: Record<string, unknown>, kind: string, headers: Record<string, string> = {}) => {
    stats.requests++;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    try {
      const res = await fetch(o.apiUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      const text = await res.text();
      if (res.status >= 500) stats.serverErrors++;
      let body: { data?: Record<string, unknown>; errors?: unknown[] } = {};
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: counted below
      }
      if (!res.ok || body.errors?.length || !body.data) {
        fail(`${kind}: HTTP ${res.status} ${text}`);
        return null;
      }
      return body.data;
    } catch (e) {
      fail(`${kind}: ${(e as Error).message}`);
      return null;
    }
  };
  const sync = (query: string, variables: Record<string, unknown>, kind: string) => post('/sync/graphql', query, variables, kind, { authorization: `Bearer ${token}` });

  // The writer's records: created and published before the clock starts.
  let variant = Date.now() % 1_000_000;
  const records = (from: number, count: number, changed: boolean) =>
    Array.from({ length: count }, (_, i) => {
      const n = 7_000_000 + from + i;
      // every tenth synthetic record (n % 10 === 3) is an incomplete draft; the soak's must be publishable
      const r = syntheticRecord(new Random(n), n % 10 === 3 ? n + 1 : n, changed ? variant : 0, organisation);
      return { ...r, reference: `SYNC-SOAK-${from + i}`, publish: true };
    });
  const created = (await sync(SYNC_SOAK, { input: { records: records(0, TOGGLED, false) } }, 'sync')) as { syncProcessingActivities: { committed: boolean; results: { reference: string; activityId: string | null; errors: unknown[] }[] } } | null;
  const toggled = created?.syncProcessingActivities.results.filter((r) => r.activityId && !r.errors.length) ?? [];
  if (toggled.length !== TOGGLED) throw new Error(`soak: could not create its records: ${JSON.stringify(created).slice(0, 500)}`);

  const rssMbSeries: number[] = [rssMb(o.apiPid)];
  const sampler = setInterval(() => rssMbSeries.push(rssMb(o.apiPid)), 10_000);
  const started = Date.now();
  const until = started + o.seconds * 1000;
  let unique = 0;

  const reader = async () => {
    const total = READ_MIX.reduce((s, [, w]) => s + w, 0);
    while (Date.now() < until) {
      let pick = random.int(0, total - 1);
      const [kind] = READ_MIX.find(([, w]) => (pick -= w) < 0)!;
      if (kind === 'page') await post('/graphql', PAGE, { after: random.pick(o.cursors) }, kind);
      else if (kind === 'search') await post('/graphql', SEARCH, { search: random.pick(SEARCH_TERMS) }, kind);
      else if (kind === 'byId') await post('/graphql', BY_ID, { id: random.pick(o.ids) }, kind);
      else {
        // A document never sent before (a fresh alias): every per-document cache sees a new entry.
        stats.uniqueDocuments++;
        await post('/graphql', `query SoakUnique($first: Int) { processingActivities(first: $first) { edges { node { id u${unique++}: title } } } }`, { first: 3 }, kind);
      }
    }
  };

  const writer = async () => {
    for (let cycle = 0; Date.now() < until; cycle++) {
      const record = toggled[cycle % toggled.length];
      // Read first, so the visible answer sits in the response cache; the withdrawal must evict it.
      await post('/graphql', LOOKUP, { id: record.activityId }, 'lookupToggled');
      const withdrawn = (await sync(WITHDRAW, { input: { activity: { reference: record.reference } } }, 'withdraw')) as { withdrawProcessingActivity: { changed: boolean; errors: unknown[] } } | null;
      if (withdrawn && (!withdrawn.withdrawProcessingActivity.changed || withdrawn.withdrawProcessingActivity.errors.length)) fail(`withdraw ${record.reference}: ${JSON.stringify(withdrawn)}`);
      stats.withdrawals++;
      const after = (await post('/graphql', LOOKUP, { id: record.activityId }, 'lookupToggled')) as { processingActivity: unknown } | null;
      if (after && after.processingActivity !== null) {
        stats.staleReads++;
        if (failures.length < 10) failures.push(`stale read: ${record.reference} visible after its withdrawal`);
      }
      const published = (await sync(PUBLISH, { input: { activity: { reference: record.reference } } }, 'publish')) as { publishProcessingActivity: { changed: boolean; errors: unknown[] } } | null;
      if (published?.publishProcessingActivity.errors.length) fail(`publish ${record.reference}: ${JSON.stringify(published)}`);
      stats.publications++;
      if (cycle % 3 === 0) {
        variant++;
        const batch = (await sync(SYNC_SOAK, { input: { records: records(100 + (cycle % 5) * BATCH, BATCH, true) } }, 'sync')) as { syncProcessingActivities: { committed: boolean; summary: { failed: number } } } | null;
        if (batch && (!batch.syncProcessingActivities.committed || batch.syncProcessingActivities.summary.failed)) fail(`sync batch: ${JSON.stringify(batch)}`);
        stats.syncBatches++;
      }
    }
  };

  try {
    await Promise.all([writer(), ...Array.from({ length: o.readers }, () => reader())]);
  } finally {
    clearInterval(sampler);
  }
  rssMbSeries.push(rssMb(o.apiPid));
  const seconds = (Date.now() - started) / 1000;
  const warm = Math.max(1, Math.ceil(rssMbSeries.length * 0.3));
  return {
    seconds: Math.round(seconds),
    readers: o.readers,
    ...stats,
    rps: Math.round((stats.requests / seconds) * 10) / 10,
    byKind,
    peakRssMb: Math.max(...rssMbSeries, peakRss(o.apiPid)),
    rssMbSeries,
    rssAfterWarmupMb: rssMbSeries[warm - 1],
    rssGrowthAfterWarmupMb: Math.max(...rssMbSeries.slice(warm)) - rssMbSeries[warm - 1],
    failures,
  };
}

async function soakToken(databaseUrl: string): Promise<{ token: string; organisation: string }> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, { pool: { min: 0, max: 1 } }));
  try {
    const em = orm.em.fork();
    const [organisation] = await em.find(Organisation, { kind: 'MUNICIPALITY' as Organisation['kind'] }, { orderBy: { name: 'desc' }, limit: 1 });
    const { token } = await new ApiTokenService(em).create({ organisation, name: 'bench soak', scopes: [TokenScope.RECORDS_WRITE] });
    return { token, organisation: organisation.name };
  } finally {
    await orm.close();
  }
}

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

const rssMb = (pid: number) => Math.round(statusKb(pid, 'VmRSS') / 1024);
const peakRss = (pid: number) => Math.round(statusKb(pid, 'VmHWM') / 1024);
