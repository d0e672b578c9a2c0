import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

// Indexes into statFields(): /proc/<pid>/stat field N (proc(5), counted from 1 with the pid) is
// index N - 2, since the array starts at comm (field 2). They were read one place off before:
// cmajflt + utime instead of utime + stime.
const UTIME = 12;
const STIME = 13;
const CUTIME = 14;
const CSTIME = 15;

/** CPU time (user + system) of one process, in ms. */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[UTIME]) + Number(fields[STIME])) * TICK_MS : 0;
}

/**
 * CPU time of all PostgreSQL processes (postmaster, backends, background workers), in ms: user +
 * system of the live ones plus what the postmaster collected from those that exited.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields || fields[0] !== 'postgres') continue;
    total += (Number(fields[UTIME]) + Number(fields[STIME]) + Number(fields[CUTIME]) + Number(fields[CSTIME])) * TICK_MS;
  }
  return total;
}

/**
 * CPU time of the backends connected to one database, in ms: on a PostgreSQL server that other
 * work shares (BENCH_PG_URL), the part that is this bench's. Backends that exit in between are
 * not counted (their time goes to the postmaster).
 */
export function databaseBackendsCpuMs(database: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // A backend's title: "postgres: <user> <database> <host>(<port>) <state>".
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(' ')[2] !== database) continue;
    } catch {
      continue;
    }
    const fields = statFields(Number(entry));
    if (fields && fields[0] === 'postgres') total += (Number(fields[UTIME]) + Number(fields[STIME])) * TICK_MS;
  }
  return total;
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
