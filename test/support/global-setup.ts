import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from './free-port';
import { adminUrl, databaseUrl } from './urls';

/**
 * Once per test run: a real PostgreSQL (DATABASE_URL's server, or an embedded one in a temp dir),
 * and a template database with the migrations applied, the vocabularies and the five seeds loaded.
 * Each test file clones the template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), 'vr-test-pg-')), port: await freePort(), database: 'postgres', persistent: false, noSync: true });
    (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = pg;
    serverUrl = pg.url;
  }
  const template = `vr_template_${process.pid}`;
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DB = template;

  const admin = new Client({ connectionString: adminUrl(serverUrl) });
  await admin.connect();
  await admin.query(`drop database if exists "${template}"`);
  await admin.query(`create database "${template}"`);
  await admin.end();

  execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', path.join(__dirname, 'prepare-template.ts'), databaseUrl(serverUrl, template)], {
    stdio: 'inherit',
  });
}
