import { Art30Field, TALLY_COLUMNS } from '../../src/modules/statistics/record-facts';
import { activityRowsSql, STATISTICS_READ_MODEL_SQL, tallyRowsSql } from '../../src/modules/statistics/read-model.sql';
import {
  ACTIVITY_ROWS_FROM_AUDIT_LOG_20261211,
  MISSING_COLUMNS_20261211,
  TALLY_COLUMNS_20261211,
  TALLY_ROWS_FROM_RECORD_FACTS_20261211,
} from '../../migrations/sql/statistics-read-model-20261211';
import { STATISTICS_READ_MODEL_SQL_20261217 } from '../../migrations/sql/statistics-read-model-20261217';

/**
 * The statistics' definitions in src/modules/statistics are what the database runs only if a
 * migration installed them: a change of a definition needs a migration that installs the current
 * ones (and recomputes the read model), and then this test compares with that migration's copy.
 */
describe("the statistics' read model definitions", () => {
  it('are those the latest statistics migrations install (the functions: Migration20261217110000; the facts, tally and activity: Migration20261211100000)', () => {
    expect(STATISTICS_READ_MODEL_SQL).toBe(STATISTICS_READ_MODEL_SQL_20261217);
    expect(TALLY_COLUMNS).toEqual(TALLY_COLUMNS_20261211);
    expect(Object.values(Art30Field).map((f) => `missing_${f.toLowerCase()}`)).toEqual(MISSING_COLUMNS_20261211);
    expect(tallyRowsSql('record_facts')).toBe(TALLY_ROWS_FROM_RECORD_FACTS_20261211);
    expect(activityRowsSql('audit_log_entry')).toBe(ACTIVITY_ROWS_FROM_AUDIT_LOG_20261211);
  });
});
