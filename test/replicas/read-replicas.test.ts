import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/database/mikro-orm.config';
import { prepareDatabase } from '../../src/database/prepare-database';
import { ReadReplicas, REPLICA_READ_APPLICATION } from '../../src/database/read-replicas';
import { parseWalPosition } from '../../src/database/wal-position';
import { createApp } from '../../src/server/app';
import { readinessChecks } from '../../src/server/health';
import { freePort } from '../support/free-port';
import { DEFENSIE, issueToken } from '../sync/support/sync-helpers';
import { query, type ReplicationCluster, type ServerHandle, startReplicationCluster, walPosition } from './support/replication-cluster';

/**
 * Read replicas never make a withdrawal visible again, and the response cache never keeps an
 * answer from before it, while replication lags on purpose: a primary, a replica that applies
 * every commit 2 s late (recovery_min_apply_delay) and one without delay, all real PostgreSQL
 * servers (support/replication-cluster.ts); two API apps with their own pools, listeners and
 * response caches: A reads from the slow replica, B from the slow and the fast one. Writes go
 * through A's sync surface, to the primary.
 */

const DATABASE = 'verwerkingsregister';
const APPLY_DELAY_MS = 2_000;
const LIST = '{ processingActivities(first: 50) { edges { node { reference } } } }';
const RECORD = 'D2717';
const LISTENER = 'verwerkingsregister listener';

interface Api {
  name: string;
  url: string;
  close(): Promise<void>;
}

interface Observation {
  api: string;
  cached: boolean;
  started: number;
  finished: number;
  visible: boolean;
  cacheHeader: string | null;
}

let cluster: ReplicationCluster;
let token: string;
let a: Api;
let b: Api;

async function startApi(name: string, cluster: ReplicationCluster, replicas: ServerHandle[]): Promise<Api> {
  const orm = await MikroORM.init(ormConfig(cluster.primary.url(DATABASE), { pool: { min: 0, max: 4 } }));
  const { app, stop } = await createApp(orm, { responseCache: true, readReplicaUrls: replicas.map((r) => r.url(DATABASE)) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await orm.close();
    },
  };
}

/** Whether `reference` is in the listing, as the cache sees it (`LIST` every time) or always computed (a document of its own). */
async function observe(api: Api, cached: boolean, n: number, reference = RECORD): Promise<Observation> {
  const started = Date.now();
  const document = cached ? LIST : `query Poll${n} ${LIST}`;
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document }) });
  const body = (await res.json()) as { data: { processingActivities: { edges: { node: { reference: string } }[] } } };
  const visible = body.data.processingActivities.edges.some((e) => e.node.reference === reference);
  return { api: api.name, cached, started, finished: Date.now(), visible, cacheHeader: res.headers.get('x-response-cache') };
}

/** The replica's clock, to compare with the query_start of its backends. */
async function replicaNow(replica: ServerHandle): Promise<Date> {
  return (await query<{ now: Date }>(replica.url('postgres'), 'select clock_timestamp() as now'))[0].now;
}

/** Statements of the public read pools that began on `replica` since `since`. */
async function publicReadsOn(replica: ServerHandle, since: Date): Promise<number> {
  const [row] = await query<{ n: number }>(replica.url('postgres'), 'select count(*)::int as n from pg_stat_activity where application_name = $1 and query_start >= $2', [REPLICA_READ_APPLICATION, since]);
  return row.n;
}

/** Whether the record's published versions exist on this server (primary or replica), straight from its tables. */
async function publishedOn(server: ServerHandle, reference = RECORD): Promise<boolean> {
  const [row] = await query<{ n: number }>(
    server.url(DATABASE),
    `select count(*)::int as n from processing_activity_version v join processing_activity a on a.id = v.activity_id where a.reference = $1 and v.status = 'PUBLISHED'`,
    [reference],
  );
  return row.n > 0;
}

async function sync(api: Api, document: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${api.url}/sync/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document, variables }),
  });
  return res.json();
}

/** The LISTEN connections of the apps on the primary. */
async function listeners(): Promise<number> {
  const [row] = await query<{ n: number }>(cluster.primary.url('postgres'), 'select count(*)::int as n from pg_stat_activity where application_name = $1', [LISTENER]);
  return row.n;
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  cluster = await startReplicationCluster({
    database: DATABASE,
    replicas: [{ name: 'slow', applyDelay: `${APPLY_DELAY_MS}ms` }, { name: 'fast' }],
    prepare: async (url) => {
      const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
      try {
        await prepareDatabase(orm, { seedEmptyDatabase: true });
        token = await issueToken(orm, DEFENSIE);
      } finally {
        await orm.close();
      }
    },
  });
  const { slow, fast } = cluster.replicas;
  [a, b] = await Promise.all([startApi('A', cluster, [slow]), startApi('B', cluster, [slow, fast])]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await cluster?.stop();
});

test('public reads are served by the replicas once they have replayed the latest change', async () => {
  const { slow, fast } = cluster.replicas;
  const since = await replicaNow(slow);
  let n = 0;
  // Each app learns how far its replicas are within a probe or two of starting.
  await eventually('A reads from the slow replica', async () => (await observe(a, false, n++)).visible && (await publicReadsOn(slow, since)) > 0);
  const sinceB = await replicaNow(slow);
  await eventually('B reads from one of its replicas', async () => {
    await observe(b, false, n++);
    return (await publicReadsOn(slow, sinceB)) + (await publicReadsOn(fast, sinceB)) > 0;
  });
});

test('a withdrawal is never visible again once gone, and no cache keeps the answer from before it', async () => {
  const { slow, fast } = cluster.replicas;
  // Warm both caches with the record visible.
  for (const api of [a, b]) {
    expect((await observe(api, true, 0)).visible).toBe(true);
    const again = await observe(api, true, 0);
    expect(again).toMatchObject({ visible: true, cacheHeader: 'hit' });
  }

  const withdrawal = await sync(a, 'mutation($input: WithdrawProcessingActivityInput!) { withdrawProcessingActivity(input: $input) { changed } }', { input: { activity: { reference: RECORD } } });
  expect(withdrawal).toEqual({ data: { withdrawProcessingActivity: { changed: true } } });
  const withdrawn = Date.now();
  const withdrawalPosition = parseWalPosition(await walPosition(cluster.primary, DATABASE));
  const fastSince = await replicaNow(fast);

  // Replication really lags: the slow replica still has the record published.
  expect(await publishedOn(cluster.primary)).toBe(false);
  expect(await publishedOn(slow)).toBe(true);

  // Poll both apps, cached document and computed one, until well after the slow replica applied the withdrawal.
  const observations: Observation[] = [];
  let n = 1;
  while (Date.now() - withdrawn < APPLY_DELAY_MS + 1_000) {
    const round = n++;
    observations.push(...(await Promise.all([observe(a, true, round), observe(a, false, round), observe(b, true, round), observe(b, false, round)])));
  }
  const slowCaughtUp = parseWalPosition(await walPosition(slow, DATABASE)) >= withdrawalPosition;
  expect(slowCaughtUp).toBe(true);
  expect(await publishedOn(slow)).toBe(false);

  // Once gone on an API, never back: on that API nor on the other, cached or computed.
  const firstGone = Math.min(...observations.filter((o) => !o.visible).map((o) => o.finished));
  const reappeared = observations.filter((o) => o.started > firstGone && o.visible);
  expect(reappeared).toEqual([]);
  // Gone long before the slow replica applied the withdrawal: each app knows the change's WAL
  // position and reads the primary (A) or the fast replica (B) until the slow one has replayed it.
  // Only the notification's own travel (milliseconds) may pass first; 250 ms is far more.
  const visibleAfterwards = observations.filter((o) => o.started > withdrawn + 250 && o.visible);
  expect(visibleAfterwards).toEqual([]);
  expect(observations.filter((o) => o.started > withdrawn + 250 && !o.cached).length).toBeGreaterThan(10);
  // B was served by its fast replica meanwhile.
  expect(await publicReadsOn(fast, fastSince)).toBeGreaterThan(0);

  // The slow replica has caught up: reads go back to it, and the caches hold the new answer.
  const since = await replicaNow(slow);
  expect((await observe(a, false, n++)).visible).toBe(false);
  expect(await publicReadsOn(slow, since)).toBeGreaterThan(0);
  for (const api of [a, b]) {
    await observe(api, true, 0);
    expect(await observe(api, true, 0)).toMatchObject({ visible: false, cacheHeader: 'hit' });
  }
});

test('while its listener is down, an app reads the primary: it cannot know how far a replica must have replayed', async () => {
  const { slow, fast } = cluster.replicas;
  const WITHHELD = 'D2412';
  for (const api of [a, b]) expect((await observe(api, false, 0, WITHHELD)).visible).toBe(true);

  // Both listeners cut, and kept from reconnecting (a login event trigger): the change reaches no app by notification.
  expect(await listeners()).toBe(2);
  await query(
    cluster.primary.url(DATABASE),
    `create function refuse_listener() returns event_trigger language plpgsql as $$
     begin
       if current_setting('application_name') = '${LISTENER}' then raise exception 'listener refused by the test'; end if;
     end $$;
     create event trigger refuse_listener on login execute function refuse_listener();`,
  );
  await query(cluster.primary.url('postgres'), `select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = $1`, [LISTENER]);
  const since = await replicaNow(slow);
  const withholding = await sync(a, 'mutation($input: WithholdProcessingActivityInput!) { withholdProcessingActivity(input: $input) { changed } }', { input: { activity: { reference: WITHHELD }, reason: 'OTHER' } });
  expect(withholding).toEqual({ data: { withholdProcessingActivity: { changed: true } } });
  const withheldAt = parseWalPosition(await walPosition(cluster.primary, DATABASE));
  const observations: Observation[] = [];
  for (const api of [a, b]) observations.push(await observe(api, true, 0, WITHHELD), await observe(api, false, 1, WITHHELD));
  expect(await listeners()).toBe(0);
  expect(await publishedOn(slow, WITHHELD)).toBe(true);
  expect(observations.filter((o) => o.visible)).toEqual([]);
  expect(observations.filter((o) => o.cacheHeader !== 'bypass')).toEqual([]);
  expect((await publicReadsOn(slow, since)) + (await publicReadsOn(fast, since))).toBe(0);

  // Back: each app asks the primary where it stands, and keeps off the slow replica until that one has replayed the change.
  await query(cluster.primary.url(DATABASE), 'drop event trigger refuse_listener');
  await eventually('both listeners reconnect', async () => (await listeners()) === 2);
  let n = 2;
  while (parseWalPosition(await walPosition(slow, DATABASE)) < withheldAt) {
    for (const api of [a, b]) expect((await observe(api, false, n++, WITHHELD)).visible).toBe(false);
  }
  const caughtUp = await replicaNow(slow);
  await eventually('A reads from the slow replica again', async () => !(await observe(a, false, n++, WITHHELD)).visible && (await publicReadsOn(slow, caughtUp)) > 0);
});

test("the replicas' read connections carry the public statement timeout, as the public pool's do", async () => {
  const orm = await MikroORM.init(ormConfig(cluster.primary.url(DATABASE), { pool: { min: 0, max: 1 } }));
  const replicas = new ReadReplicas(orm, [cluster.replicas.fast.url(DATABASE)], { statementTimeoutMs: 1_234, healthPollMs: 50 });
  try {
    await eventually('the replica is probed', async () => replicas.health().healthy === 1);
    const knex = replicas.knexFor(0n);
    expect(replicas.stats.replica).toBe(1);
    const rows = (await knex.raw('show statement_timeout')).rows as { statement_timeout: string }[];
    expect(rows[0].statement_timeout).toBe('1234ms');
  } finally {
    await replicas.stop();
    await orm.close();
  }
});

test('/readyz reports the read replicas: ok while they serve, degraded (still ready) while none does', async () => {
  const res = await fetch(`${a.url}/readyz`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { checks: Record<string, unknown> }).checks.replicas).toEqual({ status: 'ok' });

  const orm = await MikroORM.init(ormConfig(cluster.primary.url(DATABASE), { pool: { min: 0, max: 1 } }));
  const unreachable = `postgres://postgres@127.0.0.1:${await freePort()}/${DATABASE}`;
  const replicas = new ReadReplicas(orm, [cluster.replicas.fast.url(DATABASE), unreachable], { healthPollMs: 50 });
  try {
    await eventually('the reachable replica is probed', async () => replicas.health().healthy === 1);
    const checks = await readinessChecks({ orm, responseCacheListening: null, replicaHealth: () => replicas.health() });
    expect(checks.replicas).toEqual({ status: 'degraded', reason: '1 of 2 read replicas healthy; public reads go to the primary meanwhile' });
    expect(checks.database).toEqual({ status: 'ok' });
  } finally {
    await replicas.stop();
    await orm.close();
  }
});
