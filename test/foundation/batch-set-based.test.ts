import { CLI_ACTOR } from '../../src/modules/audit/audit.service';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { BatchSyncService, RecordOutcome, SyncMode } from '../../src/modules/sync/batch-sync.service';
import type { SyncRecordData } from '../../src/modules/sync/record-validation';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { LISSE, seedContent } from '../sync/support/sync-helpers';

/**
 * The batch sync service writes a batch set-based (one write statement for all new versions),
 * so the statements per batch do not grow with its size; when that write fails it falls back to
 * one savepoint per record (in a new transaction), so one bad record still fails alone.
 */

let db: TestDatabase;
let statements: string[] | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  db.orm.em.getKnex().on('query', (q: { sql: string }) => statements?.push(q.sql));
});
afterAll(() => db?.close());

const records = (prefix: string, n: number, title = 'Versie A'): SyncRecordData[] =>
  Array.from({ length: n }, (_, i) => ({ ...seedContent('D2717'), reference: `${prefix}-${i}`, title: `${title} ${i}`, publish: true }) as SyncRecordData);

async function sync(batch: SyncRecordData[]) {
  const organisation = await db.orm.em.fork().findOneOrFail(Organisation, { name: LISSE });
  statements = [];
  const result = await new BatchSyncService(db.orm.em.fork(), CLI_ACTOR).sync({ organisation, records: batch, mode: SyncMode.UPSERT, dryRun: false, allOrNothing: false });
  const issued = statements;
  statements = null;
  return { result, issued };
}

test('a batch of 40 new records takes as many statements as a batch of 10', async () => {
  const ten = await sync(records('TIEN', 10));
  const forty = await sync(records('VEERTIG', 40));
  expect(ten.result.results.every((r) => r.outcome === RecordOutcome.CREATED && r.version === 1)).toBe(true);
  expect(forty.result.results.every((r) => r.outcome === RecordOutcome.CREATED && r.version === 1)).toBe(true);
  expect(forty.issued.length).toBe(ten.issued.length);
});

test('unchanged records write nothing, changed ones get the next version', async () => {
  const batch = records('VEERTIG', 40).map((r, i) => (i % 2 ? { ...r, title: `Versie B ${i}` } : r));
  const { result } = await sync(batch);
  result.results.forEach((r, i) => {
    expect(r.outcome).toBe(i % 2 ? RecordOutcome.UPDATED : RecordOutcome.UNCHANGED);
    expect(r.version).toBe(i % 2 ? 2 : 1);
  });
  const titles = await db.orm.em.getKnex().raw(`select count(*)::int as n from processing_activity_version v join processing_activity a on a.id = v.activity_id where a.reference like 'VEERTIG-%' and v.title like 'Versie B%'`);
  expect(titles.rows[0].n).toBe(20);
});

test('a record the database refuses fails alone: the batch falls back to one savepoint per record', async () => {
  // Validation now resolves every code before writing, so a trigger plays the database that refuses one record.
  const knex = db.orm.em.getKnex();
  await knex.raw(`create function refuse_fout_2() returns trigger language plpgsql as $$ begin if new.title = 'Versie A 2' then raise exception 'refused'; end if; return new; end $$`);
  await knex.raw(`create trigger refuse_fout_2 before insert on processing_activity_version for each row execute function refuse_fout_2()`);
  const batch = records('FOUT', 5);
  const { result } = await sync(batch).finally(() => knex.raw('drop trigger refuse_fout_2 on processing_activity_version'));
  expect(result.results.map((r) => r.outcome)).toEqual([RecordOutcome.CREATED, RecordOutcome.CREATED, RecordOutcome.FAILED, RecordOutcome.CREATED, RecordOutcome.CREATED]);
  expect(result.results[2].errors[0].code).toBe('WRITE_FAILED');
  // The set-based attempt left nothing behind: one version per written record, one audit entry per record.
  const versions = await db.orm.em.getKnex().raw(`select count(*)::int as n from processing_activity_version v join processing_activity a on a.id = v.activity_id where a.reference like 'FOUT-%'`);
  expect(versions.rows[0].n).toBe(4);
  const audit = await db.orm.em.getKnex().raw(`select count(*)::int as n from audit_log_entry where reference like 'FOUT-%'`);
  expect(audit.rows[0].n).toBe(5);
});

test("the write statement also inserts the batch's audit entries when it settles every record; otherwise they follow it", async () => {
  const knex = db.orm.em.getKnex();
  const auditInserts = (issued: string[]) => issued.filter((sql) => sql.includes('insert into "audit_log_entry"'));
  const entries = async (prefix: string) =>
    (await knex.raw(`select reference, outcome, version_number from audit_log_entry where reference like ? order by reference`, [`${prefix}-%`])).rows as { reference: string; outcome: string; version_number: number | null }[];

  // New records, one of them invalid: every outcome is known before the write, so one statement writes versions and entries.
  const batch = [...records('ZELF', 3), { ...records('ZELF', 4)[3], title: '' }];
  const folded = await sync(batch);
  expect(folded.result.results.map((r) => r.outcome)).toEqual([RecordOutcome.CREATED, RecordOutcome.CREATED, RecordOutcome.CREATED, RecordOutcome.FAILED]);
  expect(auditInserts(folded.issued)).toHaveLength(1);
  expect(auditInserts(folded.issued)[0]).toContain('insert into "processing_activity_version"');
  expect(await entries('ZELF')).toEqual([
    { reference: 'ZELF-0', outcome: 'CREATED', version_number: 1 },
    { reference: 'ZELF-1', outcome: 'CREATED', version_number: 1 },
    { reference: 'ZELF-2', outcome: 'CREATED', version_number: 1 },
    { reference: 'ZELF-3', outcome: 'FAILED', version_number: null },
  ]);

  // REPLACE withdraws after the write: the entries follow in a statement of their own.
  const organisation = await db.orm.em.fork().findOneOrFail(Organisation, { name: LISSE });
  statements = [];
  const replaced = await new BatchSyncService(db.orm.em.fork(), CLI_ACTOR).sync({ organisation, records: records('ZELF', 2), mode: SyncMode.REPLACE, dryRun: false, allOrNothing: false });
  const issued = statements;
  statements = null;
  expect(replaced.results.filter((r) => r.outcome === RecordOutcome.WITHDRAWN).length).toBeGreaterThan(0);
  expect(auditInserts(issued)).toHaveLength(1);
  expect(auditInserts(issued)[0]).not.toContain('processing_activity_version');
  expect((await entries('ZELF')).filter((e) => e.outcome === 'WITHDRAWN').map((e) => e.reference)).toContain('ZELF-2');
});
