import 'reflect-metadata';
import { benchDatabase, startPostgres } from './lib/database';
import { scaleOf } from './lib/generate';

/** Generates (or finds) the bench database without running the scenarios: `npm run bench:generate -- [--quick | --scale large] [--regenerate]`. */
async function main(): Promise<void> {
  const scale = scaleOf(process.argv.slice(2));
  const server = await startPostgres();
  try {
    const url = await benchDatabase(server, scale, { regenerate: process.argv.includes('--regenerate') });
    console.log(url);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
