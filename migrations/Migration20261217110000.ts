import { Migration } from '@mikro-orm/migrations';
import { STATISTICS_READ_MODEL_SQL_20261211 } from './sql/statistics-read-model-20261211';
import { STATISTICS_READ_MODEL_SQL_20261217 } from './sql/statistics-read-model-20261217';

/**
 * The queue of records whose statistics facts are refreshed at commit (record_facts_pending)
 * holds one row per statement, the statement's records as a list, instead of a row per record:
 * the deferred trigger that drains it fires once per row, and for a sync batch of 100 records it
 * ran 100 times, every call after the first deleting nothing. The facts themselves are defined
 * as before, so record_facts and organisation_tally stay as they are. The queue is empty outside
 * a writing transaction.
 */
export class Migration20261217110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "record_facts_pending" drop column "activity_id", add column "activity_ids" uuid[] not null;`);
    this.addSql(STATISTICS_READ_MODEL_SQL_20261217);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "record_facts_pending" drop column "activity_ids", add column "activity_id" uuid not null;`);
    this.addSql(STATISTICS_READ_MODEL_SQL_20261211);
  }
}
