import { Client } from 'pg';
import type { RunningPostgres } from '../../src/database/embedded-postgres';
import { adminUrl } from './urls';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as RunningPostgres | undefined;
  if (embedded) return embedded.stop(); // non-persistent: its data directory goes with it
  const admin = new Client({ connectionString: adminUrl(process.env.TEST_SERVER_URL!) });
  await admin.connect();
  await admin.query(`drop database if exists "${process.env.TEST_TEMPLATE_DB}"`);
  await admin.end();
}
