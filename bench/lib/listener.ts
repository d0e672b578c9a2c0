import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import net from 'node:net';

/**
 * Ports for the servers the bench starts, and proof that the server answering on a port is the
 * process the bench started. Several checkouts bench on this machine at once: with fixed ports a
 * bench once measured (and compared against) another checkout's server that happened to listen
 * on its port.
 */

/** A TCP port nobody listens on now (the kernel's choice). The caller's server binds it right after; a race is caught by ownsListener. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Socket inodes listening on this TCP port (any address, IPv4 or IPv6), from /proc/net/tcp{,6}. */
function listeningInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; the inode is the 10th field.
      if (f.length > 9 && f[1].endsWith(`:${hexPort}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  return inodes;
}

/** Whether this process holds a socket listening on this port (and nobody else does). */
export function ownsListener(pid: number, port: number): boolean {
  const inodes = listeningInodes(port);
  if (!inodes.size) return false;
  const held = new Set<string>();
  for (const fd of safeReaddir(`/proc/${pid}/fd`)) {
    const m = /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`));
    if (m && inodes.has(m[1])) held.add(m[1]);
  }
  return held.size === inodes.size;
}

/** Refuses to go on when the server on this port is not the process the bench started. */
export function assertOwnsListener(name: string, pid: number, port: number): void {
  if (!ownsListener(pid, port)) {
    throw new Error(`${name}: port ${port} is not (only) served by the process the bench started (pid ${pid}); refusing to measure another server`);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
