#!/usr/bin/env node
// First: a bad setting read while the other modules load is one line, not a stack trace.
import { releaseConfigurationGuard } from '../configuration-error';
import 'reflect-metadata';
import { Client } from 'pg';
import { config } from '../config';
import { type Database, openDatabase } from '../database/database';
import { ALL_COMMANDS, REGISTER_USAGE, runRegisterCommand } from './commands';
import { CommandFailed } from './commands/record-commands';
import { parseArgs, UsageError } from './register-commands';

releaseConfigurationGuard();

/**
 * The register's command line, for operators and first use: organisations and API tokens, and
 * bringing records in (`import avg-register`, `sync`).
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
    console.log(REGISTER_USAGE);
    return;
  }
  // Parsed before connecting, so a misspelt option or --help never needs the database.
  const { command, help } = parseArgs(argv, ALL_COMMANDS);
  if (!command || !(command in ALL_COMMANDS)) throw new UsageError(`unknown command ${command}\n\n${REGISTER_USAGE}`);
  if (help) {
    console.log(`usage: npm run register -- ${ALL_COMMANDS[command as keyof typeof ALL_COMMANDS].usage}`);
    return;
  }
  const db = await connect();
  try {
    const lines = await runRegisterCommand(db.orm.em.fork(), argv);
    console.log(lines.join('\n'));
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((e: Error) => {
  if (e instanceof CommandFailed) {
    console.log(e.lines.join('\n'));
    process.exit(e.exitCode);
  }
  console.error(e.message);
  // 64: the command was called wrongly (EX_USAGE); 1: it failed.
  process.exit(e instanceof UsageError ? 64 : 1);
});
