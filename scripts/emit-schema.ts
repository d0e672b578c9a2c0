import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildPublicSchema } from '../src/api/public/public.schema';
import { buildSyncSchema } from '../src/api/sync/sync.schema';

/**
 * Writes the SDL of both surfaces to schema/*.graphql (sorted, so diffs are about content).
 * With --check it writes nothing and fails when a committed file differs from the code.
 */
const SURFACES: Record<string, () => Promise<GraphQLSchema>> = { public: buildPublicSchema, sync: buildSyncSchema };

async function main(check: boolean): Promise<void> {
  let stale = 0;
  for (const [name, build] of Object.entries(SURFACES)) {
    const file = path.join(__dirname, '..', 'schema', `${name}.graphql`);
    const sdl = `# Emitted by scripts/emit-schema.ts from the code: do not edit. Run \`npm run schema:emit\`.\n\n${printSchema(lexicographicSortSchema(await build()))}\n`;
    const current = readIfExists(file);
    if (check) {
      if (current !== sdl) {
        console.error(`schema/${name}.graphql is stale: run \`npm run schema:emit\` and commit the result.`);
        stale++;
      }
    } else if (current !== sdl) {
      writeFileSync(file, sdl);
      console.log(`wrote schema/${name}.graphql`);
    }
  }
  if (stale) process.exit(1);
  if (check) console.log('schema/*.graphql match the code.');
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

main(process.argv.includes('--check')).catch((e) => {
  console.error(e);
  process.exit(1);
});
