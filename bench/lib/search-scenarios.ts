import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { LoadMeasured } from './load';
import { printMarkdownTable } from './markdown-table';
import { SEARCH } from './queries';
import { SEARCH_TERMS } from './vocabulary';

/**
 * The search scenarios besides `search` (docs/performance.md, "Search"), each the bench's SEARCH
 * document (first 20 by relevance, totalCount, facets) over its own terms, at the bench's 10
 * connections, plus one client sending one request at a time (`singleClientP50Ms`: the latency a
 * citizen at a search box sees, which the targets are about):
 *
 * - `search`: the one-word terms of bench/lib/vocabulary.ts (common to rare) — singleClientP50Ms added;
 * - `searchTwoWords`: two words a citizen would type together (AND, ranked by ts_rank_cd);
 * - `searchRare`: words in under 1% of the records;
 * - `searchPrefix`: type-ahead prefixes (`klach*`);
 * - `searchLarge` (with `--scale large`): `search` on the 500,000-record register, side by side
 *   with the same measurement on the full register, interleaved.
 */

/** The scenarios of this file (besides `search` itself, measured in run.ts beside its baseline). */
export const SEARCH_SCENARIOS = ['searchTwoWords', 'searchRare', 'searchPrefix'];

export const TWO_WORD_TERMS = [
  'medische gegevens',
  'camerabeelden politie',
  'klachten burgers',
  'uitkeringen inkomensgegevens',
  'sollicitaties medewerkers',
  'burgerservicenummer belastingdienst',
  'verzuimregistratie medewerkers',
  'parkeervergunningen kenteken',
  'datalekken gemeente',
  'subsidieaanvragen ondernemers',
];
/** In a few hundred of the 50,000 records: places and topics of organisations' names and descriptions. */
export const RARE_TERMS = ['toeslagen', 'Woerden', 'juridische', 'Delft', 'vastgoed', 'Katwijk', 'erfgoed', 'Dordrecht'];
export const PREFIX_TERMS = ['klach*', 'camera*', 'sollicit*', 'burgerserv*', 'verlof*', 'parkeer*', 'subsid*', 'jeugd*', 'gege*', 'belasting*'];

interface ServerLike {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface SearchScenarioHooks {
  api: ServerLike;
  wanted(name: string): boolean;
  /** run.ts's measureInSlices: load at the bench's connections, several servers interleaved. */
  measure(targets: { server: ServerLike; route: string; bodies: string[] }[], slices: number): Promise<LoadMeasured[]>;
  duration: number;
  warmup: number;
  /** With --scale large: the large register, and how to start the API on it. */
  large: { url: string; records: number; fullRecords: number; startApi(url: string): Promise<ServerLike> } | null;
}

export type SearchScenarioReport = Record<
  string,
  Partial<LoadMeasured> & { singleClientP50Ms?: number; singleClientP99Ms?: number; records?: number; terms?: string[]; date?: string; loadAverage?: number }
>;

const body = (search: string) => JSON.stringify({ query: SEARCH, variables: { search } });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

/** One client, one request at a time, cycling through the bodies: median and 99th percentile latency. */
export async function singleClient(url: string, bodies: string[], seconds: number): Promise<{ p50Ms: number; p99Ms: number; requests: number }> {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < until; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
    const json = (await res.json()) as { errors?: unknown[] };
    if (!res.ok || json.errors?.length) throw new Error(`search failed: ${JSON.stringify(json).slice(0, 300)}`);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), requests: latencies.length };
}

/** Single-client latencies of several servers in alternating slices (A B B A …), as measureInSlices does for load. */
async function singleClientInSlices(urls: string[], bodies: string[], seconds: number, warmup: number): Promise<{ p50Ms: number; p99Ms: number }[]> {
  for (const url of urls) await singleClient(url, bodies, Math.max(1, warmup));
  const slices = 4;
  const per = Math.max(1, seconds / slices);
  const all: { p50Ms: number; p99Ms: number; requests: number }[][] = urls.map(() => []);
  const forward = urls.map((_, i) => i);
  for (let s = 0; s < slices; s++) for (const i of s % 2 === 0 ? forward : [...forward].reverse()) all[i].push(await singleClient(urls[i], bodies, per));
  // Request-weighted, as measureInSlices weighs wrk's percentiles.
  return all.map((runs) => {
    const n = runs.reduce((a, r) => a + r.requests, 0);
    return { p50Ms: round(runs.reduce((a, r) => a + r.p50Ms * r.requests, 0) / n), p99Ms: round(runs.reduce((a, r) => a + r.p99Ms * r.requests, 0) / n) };
  });
}

/** Runs the search scenarios asked for; the report's entries are merged into bench/results/latest.json's scenarios. */
export async function measureSearchScenarios(h: SearchScenarioHooks): Promise<SearchScenarioReport> {
  const report: SearchScenarioReport = {};
  const slices = h.duration >= 8 ? 4 : 2;
  // One client needs fewer seconds than ten for a steady median; half the scenario's time keeps --quick quick.
  const single = Math.max(2, h.duration / 2);
  if (h.wanted('search')) {
    console.error('  search, single client …');
    await singleClient(h.api.url, SEARCH_TERMS.map(body), Math.max(1, h.warmup));
    const measured = await singleClient(h.api.url, SEARCH_TERMS.map(body), single);
    report.search = { singleClientP50Ms: measured.p50Ms, singleClientP99Ms: measured.p99Ms };
  }
  const scenarios: [string, string[]][] = [
    ['searchTwoWords', TWO_WORD_TERMS],
    ['searchRare', RARE_TERMS],
    ['searchPrefix', PREFIX_TERMS],
  ];
  for (const [name, terms] of scenarios) {
    if (!h.wanted(name)) continue;
    console.error(`  ${name} …`);
    const bodies = terms.map(body);
    const [measured] = await h.measure([{ server: h.api, route: '/graphql', bodies }], slices);
    await singleClient(h.api.url, bodies, Math.max(1, h.warmup));
    const one = await singleClient(h.api.url, bodies, single);
    report[name] = { ...measured, singleClientP50Ms: one.p50Ms, singleClientP99Ms: one.p99Ms, terms };
  }
  if (h.large && h.wanted('search')) {
    console.error('  search at the large scale, beside the full scale …');
    const large = await h.large.startApi(h.large.url);
    try {
      const bodies = SEARCH_TERMS.map(body);
      const [full, big] = await h.measure(
        [
          { server: h.api, route: '/graphql', bodies },
          { server: large, route: '/graphql', bodies },
        ],
        slices,
      );
      const [fullSingle, bigSingle] = await singleClientInSlices([h.api.url, large.url], bodies, 2 * single, h.warmup);
      report.searchLarge = { ...big, singleClientP50Ms: bigSingle.p50Ms, singleClientP99Ms: bigSingle.p99Ms, records: h.large.records };
      report.searchFullBesideLarge = { ...full, singleClientP50Ms: fullSingle.p50Ms, singleClientP99Ms: fullSingle.p99Ms, records: h.large.fullRecords };
    } finally {
      await large.stop();
    }
  }
  // The file merges runs of different days, on a machine others share: each entry says when, and under what load (1-minute average at the end).
  for (const entry of Object.values(report)) Object.assign(entry, { date: new Date().toISOString(), loadAverage: Math.round(loadavg()[0] * 100) / 100 });
  return report;
}

/** The report's figures as a table on stdout; the two scales side by side when both were measured. */
export function printSearchReport(report: SearchScenarioReport): void {
  const names = Object.keys(report);
  if (!names.length) return;
  const header = ['search scenario', 'records', 'single-client p50 ms', 'single-client p99 ms', 'req/s (10 conn.)', 'p50 ms', 'p99 ms', 'peak RSS MB'];
  const cell = (v: number | undefined) => (v == null ? '–' : String(v));
  const rows = names.map((n) => {
    const r = report[n];
    return [n, cell(r.records), cell(r.singleClientP50Ms), cell(r.singleClientP99Ms), cell(r.rps), cell(r.p50Ms), cell(r.p99Ms), cell(r.peakRssMb)];
  });
  printMarkdownTable(header, rows);
}
