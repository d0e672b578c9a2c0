// First: a bad setting read while the other modules load is one line, not a stack trace.
import { releaseConfigurationGuard } from './configuration-error';
import 'reflect-metadata';
import { config } from './config';
import { openDatabase } from './database/database';
import { oneLine } from './database/embedded-postgres';
import { describeUrl } from './database/read-replicas';
import { createApp } from './server/app';
import { createLogger } from './server/logger';
import { drainingServer } from './server/graceful-shutdown';

releaseConfigurationGuard();

/** The server's own lines (start-up, shutdown): plain console output, in one place so a logger can take over. */
function say(line: string, level: 'info' | 'error' = 'info'): void {
  if (level === 'error') console.error(line);
  else console.log(line);
}

/**
 * Starts the register: database (embedded unless DATABASE_URL), migrations, seeds, then both
 * GraphQL surfaces. SIGTERM or SIGINT drains: no new connections, requests in flight finish
 * (up to SHUTDOWN_GRACE_MS), then the pool and the embedded PostgreSQL close.
 */
async function main(): Promise<void> {
  // Its own process group: Ctrl-C reaches this process only, which stops PostgreSQL after draining.
  const db = await openDatabase({ ownProcessGroup: true });
  let stopApp: () => Promise<void> = async () => undefined;
  try {
    const { app, stop } = await createApp(db.orm, { logger: createLogger() });
    stopApp = stop;
    const http = drainingServer(app);
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen(config.port, () => resolve());
    });
    say(`Verwerkingsregister listening on http://localhost:${config.port}`);
    say(`  public GraphQL: http://localhost:${config.port}/graphql`);
    say(`  sync GraphQL:   http://localhost:${config.port}/sync/graphql`);
    say(`  health:         http://localhost:${config.port}/livez (process), /readyz (database, migrations, cache listener)`);
    say(`  database:       ${db.embeddedDataDir ? `embedded PostgreSQL on port ${config.embeddedPostgresPort}, data in ${db.embeddedDataDir}` : 'DATABASE_URL'}`);
    if (config.databaseReadUrls.length > 0) say(`  read replicas:  ${config.databaseReadUrls.map(describeUrl).join(', ')} (public reads, DATABASE_READ_URL)`);

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: shutting down; waiting up to ${config.shutdownGraceMs} ms for ${http.inFlight()} request(s) in flight`);
      // Also keeps the process alive while it closes: a close that never settles must not end it silently.
      setTimeout(() => {
        say('shutdown: closing the database took too long; exiting', 'error');
        process.exit(1);
      }, config.shutdownGraceMs + 15_000);
      const finished = await http.drain(config.shutdownGraceMs);
      if (!finished) say(`shutdown: grace period over, closed the connections of unfinished requests`, 'error');
      // Then the GraphQL servers and the cache listener, then the pool and the embedded PostgreSQL.
      let closed = true;
      for (const [name, step] of [['GraphQL servers', stop], ['database', () => db.close()]] as const) {
        if (process.env.SHUTDOWN_DEBUG) say(`shutdown: closing the ${name}`);
        await step().catch((e: unknown) => {
          closed = false;
          say(`shutdown: ${oneLine(e)}`, 'error');
        });
      }
      say('shutdown: done');
      process.exit(finished && closed ? 0 : 1);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (e) {
    await stopApp().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw e;
  }
}

main().catch((e: unknown) => {
  say(`Verwerkingsregister could not start: ${startupReason(e)}`, 'error');
  process.exit(1);
});

/** One line that says what to do, never a stack trace. */
function startupReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') return `port ${config.port} is in use: stop what runs there or set PORT`;
  if (code === 'EACCES' && (e as { syscall?: string }).syscall === 'listen') return `no permission to listen on port ${config.port}: set PORT to 1024 or above`;
  const reason = oneLine(e);
  if (config.databaseUrl && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|password authentication|does not exist/.test(reason)) return `cannot use DATABASE_URL (${reason})`;
  return reason;
}
