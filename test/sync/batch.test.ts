import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { DataItem } from '../../src/modules/processing-activity/content/data-item.entity';
import { Purpose } from '../../src/modules/processing-activity/content/purpose.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { DEFENSIE, issueToken, LISSE, record, sync } from './support/sync-helpers';

describe('batch sync', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;
  const em = () => server.db.orm.em.fork();
  const versions = (reference: string) => em().find(ProcessingActivityVersion, { activity: { reference } }, { orderBy: { versionNumber: 'asc' } });

  beforeAll(async () => {
    server = await startTestServer();
    client = server.syncClient(await issueToken(server.db.orm, LISSE));
  });
  afterAll(() => server?.close());

  it('creates, updates and reports per record the outcome and version', async () => {
    const first = await sync(client, { records: [record('L-1'), record('L-2')] });
    expect(first.committed).toBe(true);
    expect(first.organisation?.name).toBe(LISSE);
    expect(first.results.map((r) => [r.index, r.reference, r.outcome, r.version, r.errors])).toEqual([
      [0, 'L-1', 'CREATED', 1, []],
      [1, 'L-2', 'CREATED', 1, []],
    ]);
    expect(first.summary).toEqual({ created: 2, updated: 0, unchanged: 0, withdrawn: 0, failed: 0 });

    const second = await sync(client, { records: [record('L-1', { title: 'Gewijzigd' }), record('L-2')] });
    expect(second.results.map((r) => [r.reference, r.outcome, r.version])).toEqual([
      ['L-1', 'UPDATED', 2],
      ['L-2', 'UNCHANGED', 1],
    ]);
    expect((await versions('L-1')).map((v) => [v.versionNumber, v.title, v.status])).toEqual([
      [1, 'Toepassing chatbot binnen Defensie', VersionStatus.DRAFT],
      [2, 'Gewijzigd', VersionStatus.DRAFT],
    ]);
  });

  it('identical content creates no new version, also with lists sent in a different spelling of "empty"', async () => {
    const before = await versions('L-2');
    const again = await sync(client, { records: [{ ...record('L-2'), controllers: [], processors: [], relatedProcessings: [], description: null }] });
    expect(again.results[0]).toMatchObject({ outcome: 'UNCHANGED', version: 1 });
    const after = await versions('L-2');
    expect(after.map((v) => v.id)).toEqual(before.map((v) => v.id));
  });

  it('re-delivering the content of a published record leaves it published', async () => {
    const published = await sync(client, { records: [record('L-PUB', { publish: true })] });
    expect(published.results[0]).toMatchObject({ outcome: 'CREATED', version: 1, errors: [] });
    const again = await sync(client, { records: [record('L-PUB')] });
    expect(again.results[0]).toMatchObject({ outcome: 'UNCHANGED', version: 1 });
    expect((await versions('L-PUB')).map((v) => v.status)).toEqual([VersionStatus.PUBLISHED]);
  });

  it('a batch with one bad record stores the others and leaves nothing of the bad one', async () => {
    const bad = record('L-BAD', {
      dataSubjectGroups: [{ description: 'Bezoekers', dataItems: [{ description: 'Naam', retentionText: 'P6X' }] }],
    });
    const res = await sync(client, { records: [record('L-OK-1'), bad, record('L-OK-2')] });
    expect(res.committed).toBe(true);
    expect(res.results.map((r) => r.outcome)).toEqual(['CREATED', 'FAILED', 'CREATED']);
    expect(res.results[1].errors).toEqual([
      { path: ['records', '1', 'dataSubjectGroups', '0', 'dataItems', '0', 'retentionText'], code: 'INVALID_DURATION', message: expect.stringContaining('ISO 8601') },
    ]);
    expect(await em().count(ProcessingActivity, { reference: 'L-BAD' })).toBe(0);
    expect(await em().count(DataItem, { description: 'Naam', group: { description: 'Bezoekers' } })).toBe(0);
    expect((await versions('L-OK-1')).length).toBe(1);
    expect((await versions('L-OK-2')).length).toBe(1);
  });

  it('a record failing while it is written (stale base version) rolls back whole, and the others commit', async () => {
    const res = await sync(client, { records: [record('L-1', { baseVersion: 1, title: 'Op verouderde basis', purposes: [{ description: 'Nieuw doel', legalBasis: 'PUBLIC_TASK' }] }), record('L-OK-3')] });
    expect(res.results.map((r) => r.outcome)).toEqual(['FAILED', 'CREATED']);
    expect(res.results[0].errors.map((e) => [e.code, e.path])).toEqual([['STALE_VERSION', ['records', '0', 'baseVersion']]]);
    expect(await em().count(Purpose, { description: 'Nieuw doel' })).toBe(0);
    expect((await versions('L-1')).length).toBe(2);
  });

  it('a record the database refuses halfway through its write leaves none of its rows behind', async () => {
    // A real trigger makes PostgreSQL refuse one remark: by then the version, purposes, groups and data items of that record are already inserted.
    const knex = server.db.orm.em.getConnection().getKnex();
    await knex.raw(`create function refuse_remark() returns trigger language plpgsql as $$ begin if new.text = 'weiger mij' then raise exception 'refused by test trigger'; end if; return new; end $$`);
    await knex.raw(`create trigger refuse_remark before insert on remark for each row execute function refuse_remark()`);
    try {
      const failing = record('L-HALF', { internal: { remarks: ['weiger mij'] }, dataSubjectGroups: [{ description: 'Halfweg', dataItems: [{ description: 'Halfweg-item', retentionText: '1 jaar' }] }] });
      const res = await sync(client, { records: [record('L-HALF-OK-1'), failing, record('L-HALF-OK-2')] });
      expect(res.results.map((r) => r.outcome)).toEqual(['CREATED', 'FAILED', 'CREATED']);
      expect(res.results[1].errors.map((e) => [e.code, e.path])).toEqual([['WRITE_FAILED', ['records', '1']]]);
      expect(await em().count(ProcessingActivity, { reference: 'L-HALF' })).toBe(0);
      expect(await em().count(ProcessingActivityVersion, { activity: { reference: 'L-HALF' } })).toBe(0);
      expect(await em().count(DataItem, { description: 'Halfweg-item' })).toBe(0);
      const rows = await knex.raw(`select count(*)::int as n from data_subject_group where description = 'Halfweg'`);
      expect(rows.rows[0].n).toBe(0);
      expect((await versions('L-HALF-OK-1')).length).toBe(1);
      expect((await versions('L-HALF-OK-2')).length).toBe(1);
    } finally {
      await knex.raw(`drop trigger refuse_remark on remark`);
      await knex.raw(`drop function refuse_remark()`);
    }
  });

  it('all-or-nothing: one bad record and nothing at all is written', async () => {
    const res = await sync(client, { allOrNothing: true, records: [record('L-AON-1'), record('L-AON-2', { title: '' }), record('L-1', { title: 'Nooit' })] });
    expect(res.committed).toBe(false);
    expect(res.results.map((r) => [r.outcome, r.errors.map((e) => e.code)])).toEqual([
      ['FAILED', ['ROLLED_BACK']],
      ['FAILED', ['BLANK']],
      ['FAILED', ['ROLLED_BACK']],
    ]);
    expect(await em().count(ProcessingActivity, { reference: { $in: ['L-AON-1', 'L-AON-2'] } })).toBe(0);
    expect((await versions('L-1')).map((v) => v.title)).not.toContain('Nooit');
    const ok = await sync(client, { allOrNothing: true, records: [record('L-AON-1'), record('L-AON-2')] });
    expect([ok.committed, ok.summary.created]).toEqual([true, 2]);
  });

  it('all-or-nothing also rolls back on a failure found while writing', async () => {
    const res = await sync(client, { allOrNothing: true, records: [record('L-AON-3'), record('L-1', { baseVersion: 1, title: 'Verouderd' })] });
    expect(res.committed).toBe(false);
    expect(res.results.map((r) => r.errors[0]?.code)).toEqual(['ROLLED_BACK', 'STALE_VERSION']);
    expect(await em().count(ProcessingActivity, { reference: 'L-AON-3' })).toBe(0);
  });

  it('refuses more than 500 records in one batch and writes nothing', async () => {
    const records = Array.from({ length: 501 }, (_, i) => ({ reference: `L-BIG-${i}`, title: 'x', legalRole: 'CONTROLLER' }));
    const res = await sync(client, { records });
    expect(res.errors.map((e) => e.code)).toEqual(['BATCH_TOO_LARGE']);
    expect(await em().count(ProcessingActivity, { reference: { $like: 'L-BIG-%' } })).toBe(0);
  });

  it('refuses a reference twice in one batch', async () => {
    const res = await sync(client, { records: [record('L-DUP'), record('L-DUP', { title: 'tweede' })] });
    expect(res.results.map((r) => r.outcome)).toEqual(['CREATED', 'FAILED']);
    expect(res.results[1].errors.map((e) => [e.code, e.path])).toEqual([['DUPLICATE_REFERENCE', ['records', '1', 'reference']]]);
  });

  it('writes an audit entry per record: who, which token, what, when, outcome', async () => {
    const entries = await em().find(AuditLogEntry, { reference: 'L-BAD' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operation: 'syncProcessingActivities', outcome: 'FAILED', actor: expect.stringMatching(/^vr_/) });
    expect(entries[0].tokenId).toBeTruthy();
    expect(entries[0].occurredAt).toBeInstanceOf(Date);
    expect(JSON.stringify(entries[0].details)).toContain('INVALID_DURATION');
    const viaApi = await client.query<{ auditLog: { nodes: { operation: string; outcome: string; reference: string; actor: string; versionNumber: number | null }[] } }>(
      `{ auditLog(reference: "L-1") { nodes { operation outcome reference actor versionNumber } } }`,
    );
    expect(viaApi.auditLog.nodes.map((n) => n.outcome)).toEqual(expect.arrayContaining(['CREATED', 'UPDATED', 'FAILED']));
  });

  describe('idempotency keys', () => {
    it('a replayed key returns the first answer and writes nothing again', async () => {
      const input = { idempotencyKey: 'run-2026-11-23-001', records: [record('L-IDEM', { title: 'Eerste' })] };
      const first = await sync(client, input);
      expect(first.results[0]).toMatchObject({ outcome: 'CREATED', version: 1 });
      // Meanwhile the record moves on; a retry of the first request must not touch it.
      await sync(client, { records: [record('L-IDEM', { title: 'Tweede' })] });
      const auditBefore = await em().count(AuditLogEntry, {});
      const replay = await sync(client, input);
      expect(replay.replayed).toBe(true);
      expect(replay.results).toEqual(first.results);
      expect(replay.summary).toEqual(first.summary);
      expect((await versions('L-IDEM')).map((v) => v.title)).toEqual(['Eerste', 'Tweede']);
      expect(await em().count(AuditLogEntry, {})).toBe(auditBefore);
    });

    it('concurrent retries with one key write once', async () => {
      const input = { idempotencyKey: 'concurrent-key', records: [record('L-IDEM-C', { title: 'Gelijktijdig' })] };
      const answers = await Promise.all([sync(client, input), sync(client, input), sync(client, input)]);
      expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
      for (const a of answers) expect(a.results).toEqual(answers[0].results);
      expect((await versions('L-IDEM-C')).length).toBe(1);
    });

    it('the same key with a different request is refused clearly', async () => {
      await sync(client, { idempotencyKey: 'key-x', records: [record('L-KX')] });
      const res = await sync(client, { idempotencyKey: 'key-x', records: [record('L-KX', { title: 'anders' })] });
      expect(res.committed).toBe(false);
      expect(res.errors.map((e) => [e.code, e.path])).toEqual([['IDEMPOTENCY_KEY_REUSED', ['idempotencyKey']]]);
      expect((await versions('L-KX')).length).toBe(1);
    });

    it('keys are per organisation', async () => {
      const other = server.syncClient(await issueToken(server.db.orm, DEFENSIE));
      const res = await sync(other, { idempotencyKey: 'key-x', records: [record('D-KX')] });
      expect([res.replayed, res.results[0].outcome]).toEqual([false, 'CREATED']);
    });
  });

  describe('REPLACE', () => {
    let replaceClient: ReturnType<TestServer['syncClient']>;
    beforeAll(async () => {
      replaceClient = server.syncClient(await issueToken(server.db.orm, 'Gemeente Hillegom'));
      await sync(replaceClient, { records: [record('H-1', { publish: true }), record('H-2', { publish: true }), record('H-3')] });
    });

    it('dryRun shows the withdrawals and outcomes without writing anything', async () => {
      const before = await em().find(ProcessingActivityVersion, { activity: { reference: { $like: 'H-%' } } });
      const res = await sync(replaceClient, { mode: 'REPLACE', dryRun: true, records: [record('H-1'), record('H-4')] });
      expect(res.dryRun).toBe(true);
      expect(res.committed).toBe(false);
      expect(res.results.map((r) => [r.reference, r.outcome, r.version])).toEqual([
        ['H-1', 'UNCHANGED', 1],
        ['H-4', 'CREATED', 1],
        ['H-2', 'WITHDRAWN', 1],
        ['H-3', 'WITHDRAWN', 1],
      ]);
      const after = await em().find(ProcessingActivityVersion, { activity: { reference: { $like: 'H-%' } } });
      expect(after.map((v) => [v.id, v.status])).toEqual(before.map((v) => [v.id, v.status]));
      expect(await em().count(ProcessingActivity, { reference: 'H-4' })).toBe(0);
    });

    it('without dryRun withdraws the records absent from the batch, exactly as the dry run said', async () => {
      const res = await sync(replaceClient, { mode: 'REPLACE', records: [record('H-1'), record('H-4')] });
      expect(res.results.map((r) => [r.reference, r.outcome])).toEqual([
        ['H-1', 'UNCHANGED'],
        ['H-4', 'CREATED'],
        ['H-2', 'WITHDRAWN'],
        ['H-3', 'WITHDRAWN'],
      ]);
      expect((await versions('H-1')).map((v) => v.status)).toEqual([VersionStatus.PUBLISHED]);
      expect((await versions('H-2')).map((v) => [v.status, !!v.withdrawnAt])).toEqual([[VersionStatus.WITHDRAWN, true]]);
      expect((await versions('H-3')).map((v) => v.status)).toEqual([VersionStatus.WITHDRAWN]);
      // Other organisations are untouched.
      expect((await em().find(ProcessingActivityVersion, { activity: { reference: 'D2717' } })).map((v) => v.status)).toEqual([VersionStatus.PUBLISHED]);
      const again = await sync(replaceClient, { mode: 'REPLACE', records: [record('H-1'), record('H-4')] });
      expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 2, withdrawn: 0, failed: 0 });
    });

    it('with no records (the whole register withdrawn) only with confirmWithdrawAll: true; without it a clear error and nothing written', async () => {
      const published = async () => (await em().find(ProcessingActivityVersion, { activity: { reference: { $like: 'H-%' } }, status: VersionStatus.PUBLISHED })).length;
      expect(await published()).toBeGreaterThan(0);
      for (const dryRun of [false, true]) {
        const refused = await sync(replaceClient, { mode: 'REPLACE', dryRun, records: [] });
        expect({ dryRun, committed: refused.committed, results: refused.results, errors: refused.errors.map((e) => [e.code, e.path]) }).toEqual({
          dryRun,
          committed: false,
          results: [],
          errors: [['CONFIRMATION_REQUIRED', ['confirmWithdrawAll']]],
        });
        expect(refused.errors[0].message).toMatch(/confirmWithdrawAll: true/);
      }
      expect(await published()).toBeGreaterThan(0);
      // UPSERT with no records is harmless and needs nothing.
      expect((await sync(replaceClient, { records: [] })).errors).toEqual([]);
      const confirmed = await sync(replaceClient, { mode: 'REPLACE', records: [], confirmWithdrawAll: true });
      expect(confirmed.errors).toEqual([]);
      expect(confirmed.summary.withdrawn).toBeGreaterThan(0);
      expect(await published()).toBe(0);
    });
  });
});
