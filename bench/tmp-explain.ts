import { readFileSync } from 'node:fs';
import { Client } from 'pg';
async function main() {
  const c = new Client({ connectionString: process.argv[2] });
  await c.connect();
  const lines = readFileSync(process.argv[3], 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sql: string; bindings: unknown[] });
  for (const { sql, bindings } of lines) {
    if (/phraseto_tsquery|websearch_to_tsquery\('dutch', \$1\)::text as rest/.test(sql)) continue;
    for (let i = 0; i < 3; i++) await c.query(sql, bindings); // warm
    const r = await c.query(`explain (analyze, buffers) ${sql}`, bindings);
    console.log('-----', sql.slice(0, 160).replace(/\s+/g, ' '), JSON.stringify(bindings).slice(0, 100));
    console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
  await c.end();
}
main().catch((e) => { console.error(e); process.exit(1); });
