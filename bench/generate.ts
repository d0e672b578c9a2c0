import 'reflect-metadata';
import { benchDatabase, startPostgres } from './lib/database';
import { SCALES } from './lib/generate';

/** Generates (or finds) the bench database without running the scenarios: `npm run bench:generate -- [--quick] [--regenerate]`. */
async function main(): Promise<void> {
  const scale = process.argv.includes('--quick') ? SCALES.quick : SCALES.full;
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
