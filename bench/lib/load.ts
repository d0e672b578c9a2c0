import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  /** POST (default) with a body each, or GET without. */
  method?: 'GET' | 'POST';
  /** Request bodies (JSON); each POST takes one at random. */
  bodies: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** The status every answer must have (e.g. 304); any other counts in non2xx. Default: any 2xx. */
  expectStatus?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  tool: 'wrk' | 'autocannon';
}

export type LoadTool = 'wrk' | 'autocannon';

/** What the bench reports for a scenario measured against one server: the load's figures and the server's cost per request. */
export interface LoadMeasured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number;
  sqlPerRequest: number | null;
  peakRssMb: number;
}

/** wrk when installed (it leaves the server more of a 2-core machine's CPU), else autocannon (an npm devDependency). */
export function pickTool(wanted?: string): LoadTool {
  if (wanted === 'autocannon') return 'autocannon';
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return 'wrk';
  } catch (e) {
    // wrk --version exits 1 after printing its version; only a missing binary is ENOENT.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return 'wrk';
    if (wanted === 'wrk') throw new Error('--tool wrk: wrk is not installed (apt-get install wrk)');
    return 'autocannon';
  }
}

export function runLoad(tool: LoadTool, options: LoadOptions): Promise<LoadResult> {
  return tool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runWrk(o: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vr-bench-'));
  const script = path.join(dir, 'bodies.lua');
  const long = (s: string) => `[==[${s}]==]`;
  const get = o.method === 'GET';
  const headers = Object.entries({ ...(get ? {} : { 'Content-Type': 'application/json' }), ...(o.headers ?? {}) })
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  // With expectStatus, each thread counts the other answers (response() runs per answer) and done() adds them up.
  const expect = o.expectStatus
    ? `local threads = {}
setup = function(thread) table.insert(threads, thread) end
response = function(status, headers, body) if status ~= ${o.expectStatus} then unexpected = unexpected + 1 end end`
    : '';
  writeFileSync(
    script,
    `local bodies = {\n${o.bodies.map(long).join(',\n')}\n}
wrk.method = "${get ? 'GET' : 'POST'}"
${headers}
local counter = 0
${expect}
init = function(args) math.randomseed(os.time() + counter) counter = counter + 1 unexpected = 0 end
request = function() return wrk.format(nil, nil, nil, ${get ? 'nil' : 'bodies[math.random(#bodies)]'}) end
done = function(summary, latency, requests)
  local e = summary.errors
  local bad = e.status
  ${o.expectStatus ? 'bad = 0 for _, t in ipairs(threads) do bad = bad + t:get("unexpected") end' : ''}
  io.write(string.format('\\n{"requests":%.0f,"durationUs":%.0f,"p50Us":%.0f,"p99Us":%.0f,"errors":%.0f,"non2xx":%.0f}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, bad))
end
`,
  );
  const stdout: string = await new Promise((resolve, reject) =>
    execFile('wrk', ['-t2', `-c${o.connections}`, `-d${o.durationSeconds}s`, '--timeout', '10s', '-s', script, o.url], { maxBuffer: 1 << 24 }, (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out + errOut))),
  );
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const r = JSON.parse(line);
  const seconds = r.durationUs / 1e6;
  return { requests: r.requests, seconds, rps: r.requests / seconds, p50Ms: r.p50Us / 1000, p99Ms: r.p99Us / 1000, errors: r.errors, non2xx: r.non2xx, tool: 'wrk' };
}

async function runAutocannon(o: LoadOptions): Promise<LoadResult> {
  const pick = () => o.bodies[Math.floor(Math.random() * o.bodies.length)];
  const request =
    o.method === 'GET' ? { method: 'GET' as const, headers: o.headers ?? {} } : { method: 'POST' as const, headers: { 'content-type': 'application/json', ...(o.headers ?? {}) }, setupRequest: (req: object) => ({ ...req, body: pick() }) };
  const result = await autocannon({ url: o.url, connections: o.connections, duration: o.durationSeconds, requests: [request] });
  const requests = result.requests.total;
  const expected = o.expectStatus ? ((result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats[String(o.expectStatus)]?.count ?? 0) : null;
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: expected === null ? result.non2xx : requests - expected,
    tool: 'autocannon',
  };
}
