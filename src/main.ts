import 'reflect-metadata';
import type { Server } from 'node:http';
import { config } from './config';
import { openDatabase } from './database/database';
import { createApp } from './server/app';
import { createLogger } from './server/logger';

/** Starts the register: database (embedded unless DATABASE_URL), migrations, seeds, then both GraphQL surfaces. */
async function main(): Promise<void> {
  const db = await openDatabase();
  const logger = createLogger();
  const { app, stop } = await createApp(db.orm, { logger });
  const server: Server = app.listen(config.port, () => {
    logger.info(
      {
        public: `http://localhost:${config.port}/graphql`,
        sync: `http://localhost:${config.port}/sync/graphql`,
        database: config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL (${config.embeddedPostgresDir})`,
      },
      `Verwerkingsregister listening on http://localhost:${config.port}`,
    );
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    await stop();
    await db.close(); // stops the embedded PostgreSQL too
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
