import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { DEFENSIE, issueToken, RVO, seedContent } from '../sync/support/sync-helpers';

/**
 * The response cache never serves a record after it was withdrawn, withheld or replaced, across
 * API processes: two real server processes (src/main.ts) on one database, both with warm caches;
 * writes go through one, and the other must stop serving the old answer (LISTEN/NOTIFY). A
 * scheduled publication comes into force without any write, and the caches must see it too.
 */

const ROOT = path.join(__dirname, '../..');
const LIST = '{ processingActivities(first: 50) { edges { node { reference title } } } }';

interface Api {
  url: string;
  output: string[];
  process: ChildProcess;
}

let db: TestDatabase;
let a: Api;
let b: Api;
let defensie: string;
let rvo: string;

async function startApi(databaseUrl: string): Promise<Api> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), SEED: 'false', RESPONSE_CACHE: 'on' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`API exited: ${output.join('')}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, output, process: child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`API did not start: ${output.join('')}`);
}

async function stopApi(api: Api | undefined): Promise<void> {
  if (!api || api.process.exitCode !== null) return;
  const exited = new Promise((r) => api.process.once('exit', r));
  api.process.kill('SIGTERM');
  await exited;
}

async function publicList(api: Api): Promise<{ cache: string | null; titles: Map<string, string> }> {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST }) });
  const body = (await res.json()) as { data: { processingActivities: { edges: { node: { reference: string; title: string } }[] } } };
  return { cache: res.headers.get('x-response-cache'), titles: new Map(body.data.processingActivities.edges.map((e) => [e.node.reference, e.node.title])) };
}

async function sync(api: Api, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** Warms both caches with the listing and checks that the second read is served from the cache. */
async function warm(): Promise<void> {
  for (const api of [a, b]) {
    await publicList(api);
    expect((await publicList(api)).cache).toBe('hit');
  }
}

/** Polls until `done` holds for the answer of `api`; answers how long that took. Fails after 2 s. */
async function within(api: Api, done: (titles: Map<string, string>) => boolean): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { titles } = await publicList(api);
    if (done(titles)) break;
    if (Date.now() - started > 2_000) throw new Error('the cache kept serving the old answer for more than 2 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  const took = Date.now() - started;
  // And it stays that way.
  for (let i = 0; i < 5; i++) expect(done((await publicList(api)).titles)).toBe(true);
  return took;
}

beforeAll(async () => {
  db = await createTestDatabase();
  [defensie, rvo] = [await issueToken(db.orm, DEFENSIE), await issueToken(db.orm, RVO)];
  [a, b] = await Promise.all([startApi(db.url), startApi(db.url)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stopApi(a), stopApi(b)]);
  await db?.close();
});

test('both processes cache the listing', async () => {
  await warm();
  expect((await publicList(b)).titles.has('D2717')).toBe(true);
});

test('a record withdrawn through one process disappears from the other', async () => {
  await warm();
  const data = await sync(a, defensie, 'mutation($input: WithdrawProcessingActivityInput!) { withdrawProcessingActivity(input: $input) { changed } }', { input: { activity: { reference: 'D2717' } } });
  expect(data).toEqual({ withdrawProcessingActivity: { changed: true } });
  const ms = await within(b, (titles) => !titles.has('D2717'));
  await within(a, (titles) => !titles.has('D2717'));
  console.log(`withdrawal reached the other process's cache in ${ms} ms`);
});

test('a record withheld through one process disappears from the other', async () => {
  await warm();
  expect((await publicList(b)).titles.has('D2412')).toBe(true);
  await sync(a, defensie, 'mutation($input: WithholdProcessingActivityInput!) { withholdProcessingActivity(input: $input) { changed } }', { input: { activity: { reference: 'D2412' }, reason: 'OTHER' } });
  await within(b, (titles) => !titles.has('D2412'));
});

test('a record replaced by a new published version is served only in its new version', async () => {
  await warm();
  const old = (await publicList(b)).titles.get('M10495')!;
  const record = { reference: 'M10495', ...seedContent('M10495'), title: 'Telefoongesprekken opnemen (vervangen)', publish: true };
  await sync(a, rvo, 'mutation($input: SyncProcessingActivitiesInput!) { syncProcessingActivities(input: $input) { summary { updated failed } } }', { input: { records: [record] } });
  await within(b, (titles) => titles.get('M10495') === 'Telefoongesprekken opnemen (vervangen)');
  expect(old).not.toBe('Telefoongesprekken opnemen (vervangen)');
});

test('a scheduled publication appears when it comes into force, without any further write', async () => {
  const publishFrom = new Date(Date.now() + 3_000);
  const record = { reference: 'GEPLAND-1', ...seedContent('M10495'), title: 'Gepland gepubliceerd', publish: true, publishFrom: publishFrom.toISOString() };
  await sync(a, rvo, 'mutation($input: SyncProcessingActivitiesInput!) { syncProcessingActivities(input: $input) { summary { created failed } } }', { input: { records: [record] } });
  // Both caches warm again after the write's notification, without the record (not in force yet).
  await within(b, (titles) => !titles.has('GEPLAND-1'));
  await warm();
  expect((await publicList(b)).titles.has('GEPLAND-1')).toBe(false);
  await new Promise((r) => setTimeout(r, Math.max(0, publishFrom.getTime() - Date.now())));
  for (const api of [a, b]) expect((await publicList(api)).titles.get('GEPLAND-1')).toBe('Gepland gepubliceerd');
});
