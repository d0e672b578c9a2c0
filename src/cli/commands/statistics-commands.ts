import type { EntityManager } from '@mikro-orm/postgresql';
import { rebuildStatistics, verifyStatistics } from '../../modules/statistics/read-model';
import type { CommandSpec, Options } from '../register-commands';

/**
 * Recomputes the statistics' read model (record_facts, audit_activity) from the records and the
 * audit log; with --verify, only compares and fails (non-zero exit) on any difference, listing it.
 */
async function statisticsRebuild(em: EntityManager, options: Options): Promise<string[]> {
  const knex = em.getKnex();
  if (options.verify) {
    const differences = await verifyStatistics(knex);
    if (differences.length) {
      throw new Error(
        [
          `the statistics' read model differs from the records and the audit log in ${differences.length} row(s):`,
          ...differences.map((d) => `  ${d.problem} ${d.table} ${d.key}`),
          'run statistics:rebuild to correct it',
        ].join('\n'),
      );
    }
    return ["the statistics' read model agrees with the records and the audit log"];
  }
  const { recordFacts, auditActivity } = await rebuildStatistics(knex);
  return [`statistics' read model rebuilt: ${recordFacts} record_facts row${recordFacts === 1 ? '' : 's'} corrected, ${auditActivity} audit_activity row${auditActivity === 1 ? '' : 's'} written`];
}

export const STATISTICS_COMMANDS: Record<'statistics:rebuild', CommandSpec> = {
  'statistics:rebuild': {
    usage: "statistics:rebuild [--verify]   recompute the statistics' read model from the records and the audit log (--verify: only compare; exit 1 on a difference)",
    options: { verify: { type: 'boolean' } },
    positionals: 0,
    run: (em, _p, options) => statisticsRebuild(em, options),
  },
};
