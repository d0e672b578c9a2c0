import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) of one process, in ms. (fields[k] is field k + 2 of proc(5): utime is field 14.) */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[12]) + Number(fields[13])) * TICK_MS : 0;
}

/**
 * On a PostgreSQL server shared with others (BENCH_PG_URL with BENCH_DB_NAME), only the backends
 * connected to the bench's database count: the server's other work is someone else's.
 */
const SHARED_SERVER_DATABASE = process.env.BENCH_PG_URL && process.env.BENCH_DB_NAME ? process.env.BENCH_DB_NAME : null;

/** On a shared server: the CPU each backend of the bench's database (by pid and start time) was last seen with (an exited backend keeps its last figure). */
const backendCpuMs = new Map<string, number>();

/**
 * CPU time of all PostgreSQL processes (postmaster, backends, background workers), in ms: user +
 * system of the live ones plus what the postmaster collected from those that exited. On a shared
 * server, that of the backends of the bench's database only, as a running total over every backend
 * seen (pools close idle connections: a backend that exited keeps the CPU it was last seen with, so
 * the total never drops; what it used after it was last seen is missed).
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields || fields[0] !== 'postgres') continue;
    if (SHARED_SERVER_DATABASE) {
      if (backendOf(Number(entry), SHARED_SERVER_DATABASE)) backendCpuMs.set(`${entry}:${fields[20]}`, (Number(fields[12]) + Number(fields[13])) * TICK_MS);
      continue;
    }
    total += (Number(fields[12]) + Number(fields[13]) + Number(fields[14]) + Number(fields[15])) * TICK_MS;
  }
  if (SHARED_SERVER_DATABASE) for (const ms of backendCpuMs.values()) total += ms;
  return total;
}

/** Whether a PostgreSQL process is a backend connected to this database (its title: "postgres: user database host(port) state"). */
function backendOf(pid: number, database: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(' ')[2] === database;
  } catch {
    return false;
  }
}

/** Fields of /proc/<pid>/stat after the pid, comm first (without parentheses); null when the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    return [stat.slice(open + 1, close), ...stat.slice(close + 2).split(' ')];
  } catch {
    return null;
  }
}

/** Peak resident set size (VmHWM) in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Resets VmHWM to the current RSS (Linux: clear_refs 5), so the next peak is the next scenario's own. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted: the peak is then the process's lifetime peak.
  }
}

export function machine(): { nproc: number; cpu: string; memoryGb: number; kernel: string; node: string } {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const mem = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  return {
    nproc: (cpuinfo.match(/^processor\s*:/gm) ?? []).length,
    cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    memoryGb: Math.round(mem / 1048576),
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
    node: process.version,
  };
}
