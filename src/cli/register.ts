#!/usr/bin/env node
import 'reflect-metadata';
import { Client } from 'pg';
import { config } from '../config';
import { type Database, openDatabase } from '../database/database';
import { runCommand, USAGE } from './register-commands';

/**
 * The register's command line, for operators and first use: organisations and API tokens.
 * With DATABASE_URL it uses that database. Otherwise it uses the embedded PostgreSQL of
 * `npm start`: connected to when the server already runs it, started (and stopped) when not.
 */
async function connect(): Promise<Database> {
  if (config.databaseUrl) return openDatabase();
  const url = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/verwerkingsregister`;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await probe.connect();
    await probe.end();
    return openDatabase({ url });
  } catch {
    await probe.end().catch(() => undefined);
    return openDatabase();
  }
}

async function main(argv: string[]): Promise<void> {
  if (!argv.length || argv[0] === '--help' || argv[0] === 'help') {
    console.log(USAGE);
    return;
  }
  const db = await connect();
  try {
    const lines = await runCommand(db.orm.em.fork(), argv);
    console.log(lines.join('\n'));
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
