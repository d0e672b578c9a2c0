import 'reflect-metadata';
import type { Server } from 'node:http';
import { config } from './config';
import { openDatabase } from './database/database';
import { describeUrl } from './database/read-replicas';
import { createApp } from './server/app';

/** Starts the register: database (embedded unless DATABASE_URL), migrations, seeds, then both GraphQL surfaces. */
async function main(): Promise<void> {
  const db = await openDatabase();
  const { app, stop } = await createApp(db.orm);
  const server: Server = app.listen(config.port, () => {
    console.log(`Verwerkingsregister listening on http://localhost:${config.port}`);
    console.log(`  public GraphQL: http://localhost:${config.port}/graphql`);
    console.log(`  sync GraphQL:   http://localhost:${config.port}/sync/graphql`);
    console.log(`  database:       ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL (${config.embeddedPostgresDir})`}`);
    if (config.databaseReadUrls.length > 0) console.log(`  read replicas:  ${config.databaseReadUrls.map(describeUrl).join(', ')} (public reads, DATABASE_READ_URL)`);
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
