import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';

/**
 * For the benchmark suite only (bench/): with BENCH_METRICS=1 the server counts the SQL statements
 * it sends and answers the count at GET /__bench/metrics. Without it nothing is mounted and no
 * listener is attached, so production requests pay nothing for it. The operational metrics
 * (/metrics, metrics.ts) leave the statement count out for that reason: it listens to every statement.
 */
export function mountBenchMetrics(app: express.Express, orm: MikroORM): void {
  if (process.env.BENCH_METRICS !== '1') return;
  let statements = 0;
  orm.em.getKnex().on('query', () => {
    statements++;
  });
  app.get('/__bench/metrics', (_req, res) => {
    res.json({ statements, rssMb: Math.round(process.memoryUsage().rss / 1048576) });
  });
}
