import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormConfig } from '../../src/database/mikro-orm.config';
import { adminUrl, databaseUrl } from './urls';

export interface TestDatabase {
  orm: MikroORM;
  url: string;
  name: string;
  close(): Promise<void>;
}

/**
 * A database of this test file's own: a clone of the migrated and seeded template, or an empty
 * database when `empty` is set (for the migration test). Dropped again by close().
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const server = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!server || !template) throw new Error('test/support/global-setup.ts did not run (see jest.config.js)');
  const name = `vr_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, options.empty ? `create database "${name}"` : `create database "${name}" template "${template}"`);
  const url = databaseUrl(server, name);
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 4 } }));
  return {
    orm,
    url,
    name,
    close: async () => {
      await orm.close();
      await adminQuery(server, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl(server) });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
