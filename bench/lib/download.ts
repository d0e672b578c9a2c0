import { get } from 'node:http';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { type LoadTool, runLoad } from './load';
import { databaseBackendsCpuMs, peakRssMb, processCpuMs, resetPeakRss } from './proc';

/**
 * The download scenario: the whole register as CSV and as NDJSON from one API process (as users
 * start it), each download timed from the request to its last byte and checked for completeness
 * (as many records as the read model's current public versions), with the API's peak RSS while it
 * streams; then a conditional GET (If-None-Match with the download's ETag) under load, which must
 * answer 304 every time.
 */

export interface DownloadMeasured {
  /** Median of the runs, request to last byte. */
  seconds: number;
  runsSeconds: number[];
  bytes: number;
  /** CSV rows (header aside) or NDJSON lines of the last run. */
  records: number;
  /** Current public versions in the read model: what a complete download holds. */
  expectedRecords: number;
  complete: boolean;
  /** API process's peak RSS (VmHWM, reset before the runs). */
  peakRssMb: number;
  /** Per download, mean of the runs: CPU of the API process, and of the PostgreSQL backends connected to the bench database. */
  nodeCpuMs: number;
  pgCpuMs: number;
  mbPerSecond: number;
}

export interface NotModifiedMeasured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers other than 304, and failed requests. */
  errors: number;
  peakRssMb: number;
}

export interface DownloadOptions {
  apiUrl: string;
  apiPid: number;
  databaseUrl: string;
  /** Its name, to tell its backends from those of other databases on the server. */
  databaseName: string;
  /** Timed downloads of each file (interleaved CSV, NDJSON, CSV, …), after one untimed warm-up of each. */
  runs: number;
  warmup: boolean;
  tool: LoadTool;
  connections: number;
  durationSeconds: number;
}

const CSV = '/open-data/processing-activities.csv';
const NDJSON = '/open-data/processing-activities.ndjson';

/** When and under what load (1-minute load average of the machine, which other work shares) the figures were taken. */
export interface RunConditions {
  date: string;
  loadAverageBefore: number;
  loadAverageAfter: number;
}

export async function measureDownloads(o: DownloadOptions): Promise<Record<'downloadCsv' | 'downloadNdjson', DownloadMeasured & RunConditions> & { downloadNotModified: NotModifiedMeasured & RunConditions }> {
  const conditions = { date: new Date().toISOString(), loadAverageBefore: round(loadavg()[0], 2) };
  const expectedRecords = await publicRecordCount(o.databaseUrl);
  if (o.warmup) for (const path of [CSV, NDJSON]) await download(o, path);
  const runs: Record<string, Run[]> = { [CSV]: [], [NDJSON]: [] };
  const peaks: Record<string, number> = { [CSV]: 0, [NDJSON]: 0 };
  for (let i = 0; i < o.runs; i++) {
    for (const path of i % 2 === 0 ? [CSV, NDJSON] : [NDJSON, CSV]) {
      resetPeakRss(o.apiPid);
      runs[path].push(await download(o, path));
      peaks[path] = Math.max(peaks[path], peakRssMb(o.apiPid));
    }
  }
  const summary = (path: string): DownloadMeasured => {
    const list = runs[path];
    const last = list[list.length - 1];
    const seconds = median(list.map((r) => r.seconds));
    return {
      seconds: round(seconds, 2),
      runsSeconds: list.map((r) => round(r.seconds, 2)),
      bytes: last.bytes,
      records: last.records,
      expectedRecords,
      complete: list.every((r) => r.records === expectedRecords && r.complete),
      peakRssMb: peaks[path],
      nodeCpuMs: Math.round(mean(list.map((r) => r.nodeCpuMs))),
      pgCpuMs: Math.round(mean(list.map((r) => r.pgCpuMs))),
      mbPerSecond: round(last.bytes / 1e6 / seconds, 1),
    };
  };
  const downloadCsv = summary(CSV);
  const downloadNdjson = summary(NDJSON);
  const downloadNotModified = await measureNotModified(o);
  const run = { ...conditions, loadAverageAfter: round(loadavg()[0], 2) };
  return { downloadCsv: { ...downloadCsv, ...run }, downloadNdjson: { ...downloadNdjson, ...run }, downloadNotModified: { ...downloadNotModified, ...run } };
}

interface Run {
  seconds: number;
  bytes: number;
  records: number;
  /** Ended as a whole file: status 200 and the last record closed (a trailing newline). */
  complete: boolean;
  nodeCpuMs: number;
  pgCpuMs: number;
}

/** One download read to its end with node:http (less client CPU than fetch's web streams), counting records as the bytes arrive (nothing kept). */
async function download(o: DownloadOptions, path: string): Promise<Run> {
  const before = { node: processCpuMs(o.apiPid), pg: databaseBackendsCpuMs(o.databaseName) };
  const started = performance.now();
  const counter = path.endsWith('.csv') ? new CsvRecordCounter() : new LineCounter();
  const { status, bytes, last } = await new Promise<{ status: number; bytes: number; last: number }>((resolve, reject) => {
    get(o.apiUrl + path, (res) => {
      let bytes = 0;
      let last = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        counter.add(chunk);
        last = chunk[chunk.length - 1];
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, last }));
      res.on('error', reject);
    }).on('error', reject);
  });
  const seconds = (performance.now() - started) / 1000;
  const after = { node: processCpuMs(o.apiPid), pg: databaseBackendsCpuMs(o.databaseName) };
  const records = path.endsWith('.csv') ? counter.count - 1 : counter.count; // the CSV's header row
  return { seconds, bytes, records, complete: status === 200 && last === 0x0a, nodeCpuMs: after.node - before.node, pgCpuMs: after.pg - before.pg };
}

/** NDJSON: a record per line; JSON escapes line breaks inside strings, so every newline ends one. */
class LineCounter {
  count = 0;
  add(chunk: Buffer): void {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) this.count++;
  }
}

/** CSV (RFC 4180): a newline ends a row unless it is inside quotes; a doubled quote inside quotes toggles twice. */
class CsvRecordCounter {
  count = 0;
  private quoted = false;
  add(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x22) this.quoted = !this.quoted;
      else if (c === 0x0a && !this.quoted) this.count++;
    }
  }
}

/** Conditional GETs of the CSV with its current ETag, under load: each must answer 304 without a body. */
async function measureNotModified(o: DownloadOptions): Promise<NotModifiedMeasured> {
  const head = await fetch(o.apiUrl + CSV, { method: 'HEAD' });
  const etag = head.headers.get('etag');
  if (!etag) throw new Error(`${CSV} answered without an ETag`);
  const probe = await fetch(o.apiUrl + CSV, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
  if (probe.status !== 304) throw new Error(`a conditional GET of ${CSV} answered ${probe.status}, not 304`);
  const load = (seconds: number) => runLoad(o.tool, { url: o.apiUrl + CSV, method: 'GET', bodies: [], headers: { 'If-None-Match': etag }, connections: o.connections, durationSeconds: seconds, expectStatus: 304 });
  if (o.warmup) await load(2);
  resetPeakRss(o.apiPid);
  const r = await load(o.durationSeconds);
  return { rps: round(r.rps, 1), p50Ms: round(r.p50Ms, 2), p99Ms: round(r.p99Ms, 2), requests: r.requests, errors: r.errors + r.non2xx, peakRssMb: peakRssMb(o.apiPid) };
}

async function publicRecordCount(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('select count(*) as count from public_processing_activity_version where is_current');
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
