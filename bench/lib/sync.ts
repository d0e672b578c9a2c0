import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/database/mikro-orm.config';
import { ApiTokenService } from '../../src/modules/auth/api-token.service';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { syntheticRecord } from './generate';
import { Random } from './prng';
import type { LoadMeasured } from './load';
import { peakRssMb, postgresCpuMs, processCpuMs, resetPeakRss } from './proc';
import { SYNC } from './queries';
import type { Server } from './servers';

/** Prepared sync bodies per organisation (about 300 KB each). */
const SYNC_BODIES = 16;
const BATCH = 100;

export interface SyncMeasured extends LoadMeasured {
  /** Records sent per second (every record of a batch counts, the unchanged half too). */
  recordsPerSecond: number;
  /** syncPublish: rows of the read model (and of its schedule) that differ from what the rule computes for the scenario's records after the run; 0 when the projection kept up. */
  projectionDifferences?: number;
  /** syncPublish: the scenario's records that are public (current rows of the read model) after the run. */
  publicRecords?: number;
}

/**
 * Scenarios "sync" and "syncPublish": two organisations push batches of 100 records at the same
 * time, each on its own connection, for the scenario's duration: half the records unchanged, half
 * changed each time. "sync" writes drafts (publish: false), which leave the public register as it
 * is; "syncPublish" publishes every record, so each changed record gets a new public version: the
 * projector renders its document and appends an UPDATED event in the same transaction. After
 * syncPublish the read model of the scenario's records is compared with what the publication rule
 * computes from their versions.
 */
export async function measureSync(api: Server, url: string, options: { warmup: number; duration: number; publish: boolean }): Promise<SyncMeasured> {
  const name = options.publish ? 'syncPublish' : 'sync';
  const prefix = options.publish ? 'SYNCPUB' : 'SYNC';
  console.error(`  ${name} …`);
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  const em = orm.em.fork();
  const organisations = await em.find(Organisation, { kind: 'MUNICIPALITY' as Organisation['kind'] }, { orderBy: { name: 'asc' }, limit: 2 });
  const tokens: string[] = [];
  for (const organisation of organisations) tokens.push((await new ApiTokenService(em).create({ organisation, name: `bench ${name}`, scopes: [TokenScope.RECORDS_WRITE] })).token);
  await orm.close();

  let variant = Date.now() % 1_000_000; // changed content on every run, also against a reused database
  const batch = (o: number) => {
    variant++;
    const records = Array.from({ length: BATCH }, (_, i) => {
      const r = syntheticRecord(new Random(5_000_000 + o * 1000 + i), 5_000_000 + i, i < BATCH / 2 ? 0 : variant, organisations[o].name);
      return { ...r, reference: `${prefix}-${o}-${String(i).padStart(3, '0')}`, publish: options.publish };
    });
    return JSON.stringify({ query: SYNC, variables: { input: { records } } });
  };
  // Bodies are built before measuring (as wrk sends prepared requests), so the load generator does
  // not take the server's CPU. Each organisation cycles through its own bodies: consecutive batches
  // differ in their changed half, so every batch really changes 50 records (and leaves 50 unchanged).
  const bodies = [0, 1].map((o) => Array.from({ length: SYNC_BODIES }, () => batch(o)));
  const sent = [0, 0];
  const post = async (o: number) => {
    const request = bodies[o][sent[o]++ % SYNC_BODIES];
    const t = performance.now();
    const res = await fetch(`${api.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[o]}` }, body: request });
    const body = (await res.json()) as { data?: { syncProcessingActivities: { committed: boolean; summary: { failed: number } } }; errors?: unknown[] };
    const ok = res.ok && !body.errors && body.data?.syncProcessingActivities.committed && body.data.syncProcessingActivities.summary.failed === 0;
    if (!ok) console.error(`    ! sync batch failed: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - t, ok };
  };
  const loop = async (seconds: number) => {
    const latencies: number[] = [];
    let failed = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      [0, 1].map(async (o) => {
        while (Date.now() < until) {
          const r = await post(o);
          latencies.push(r.ms);
          if (!r.ok) failed++;
        }
      }),
    );
    return { latencies, failed };
  };
  try {
    await Promise.all([post(0), post(1)]); // creates the records on a fresh database
    if (options.warmup) await loop(options.warmup);
    api.assertOwn();
    const before = { node: processCpuMs(api.pid), pg: postgresCpuMs(), sql: await statementCount(api) };
    resetPeakRss(api.pid);
    const t = Date.now();
    const { latencies, failed } = await loop(options.duration);
    const seconds = (Date.now() - t) / 1000;
    const after = { node: processCpuMs(api.pid), pg: postgresCpuMs(), sql: await statementCount(api) };
    const projection = options.publish ? await projectionCheck(url, prefix) : null;
    if (projection?.differences) console.error(`    ! ${name}: ${projection.differences} rows of the read model differ from the rule's answer for the scenario's records`);
    latencies.sort((a, b) => a - b);
    const n = latencies.length;
    return {
      rps: round(n / seconds, 1),
      p50Ms: round(latencies[Math.floor(n * 0.5)] ?? 0, 1),
      p99Ms: round(latencies[Math.min(n - 1, Math.floor(n * 0.99))] ?? 0, 1),
      requests: n,
      errors: failed + (projection?.differences ? 1 : 0),
      nodeCpuMsPerRequest: round((after.node - before.node) / n, 1),
      pgCpuMsPerRequest: round((after.pg - before.pg) / n, 1),
      sqlPerRequest: before.sql == null || after.sql == null ? null : round((after.sql - before.sql) / n, 1),
      peakRssMb: peakRssMb(api.pid),
      recordsPerSecond: round((n * BATCH) / seconds, 0),
      ...(projection ? { projectionDifferences: projection.differences, publicRecords: projection.publicRecords } : {}),
    };
  } finally {
    await removeSyncRecords(url);
  }
}

/**
 * The read model of the scenario's records against what the publication rule computes from their
 * versions now (the comparison of `register public:rebuild --verify`, restricted to these records).
 */
async function projectionCheck(url: string, prefix: string): Promise<{ differences: number; publicRecords: number }> {
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 1 } }));
  try {
    const [row] = await orm.em.getConnection().execute<{ differences: string; public_records: string }[]>(
      `with ids as materialized (select array_agg(id) as ids from processing_activity where reference like ?),
            expected as materialized (select f.* from ids, public_scope_versions(ids.ids, clock_timestamp()) f),
            actual as materialized (select p.* from ids, public_processing_activity_version p where p.activity_id = any(ids.ids))
       select (select count(*) from (select to_jsonb(e) from expected e except select to_jsonb(a) from actual a) m)
            + (select count(*) from (select to_jsonb(a) from actual a except select to_jsonb(e) from expected e) u) as differences,
              (select count(*) from actual where is_current) as public_records`,
      [`${prefix}-%`],
    );
    return { differences: Number(row.differences), publicRecords: Number(row.public_records) };
  } finally {
    await orm.close();
  }
}

/**
 * The sync scenarios' records get a version per batch; left in place they would pile up run after
 * run (hundreds of thousands of versions) and slow every other scenario of the next run, API and
 * baseline alike. They are removed after measuring, so each run finds the generated register.
 * Then VACUUM ANALYZE: the embedded server stops at the end of each run, which cancels an
 * autovacuum of the large content tables before it finishes; after a day of runs data_item had
 * 4.6 million dead rows and search ran at 0.3 requests/s for the API and the baseline alike.
 */
export async function removeSyncRecords(url: string): Promise<void> {
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 1 } }));
  try {
    await orm.em.getConnection().execute(`delete from processing_activity where reference like 'SYNC-%' or reference like 'SYNCPUB-%'`);
    await orm.em.getConnection().execute('vacuum (analyze)');
  } finally {
    await orm.close();
  }
}

/** The server's statement count (GET /__bench/metrics), or null for a server that does not count them. */
export async function statementCount(server: Server): Promise<number | null> {
  if (!server.countsStatements) return null;
  try {
    const res = await fetch(`${server.url}/__bench/metrics`);
    return ((await res.json()) as { statements: number }).statements;
  } catch {
    return null;
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
