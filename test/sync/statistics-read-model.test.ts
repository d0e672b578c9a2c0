import { RegisterStatisticsDocument } from '../../clients/typescript/src/generated/sync/graphql';
import { toGlobalId } from '../../src/api/common/global-id';
import { runRegisterCommand } from '../../src/cli/commands';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivityService } from '../../src/modules/processing-activity/processing-activity.service';
import { verifyStatistics } from '../../src/modules/statistics/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { EZ, FINANCIEN, issueToken, LISSE, mutate, organisationId, record, RVO, seedContent, sync } from './support/sync-helpers';

/**
 * The statistics' read model (record_facts, audit_activity): written at commit of every write,
 * whatever wrote it; after every test it is exactly what the rule computes from the records and
 * the audit log (what `register statistics:rebuild --verify` checks). The numbers themselves are
 * checked against independent counts in statistics.test.ts.
 */
describe("the statistics' read model", () => {
  let server: TestServer;
  let ez: ReturnType<TestServer['syncClient']>;
  let operator: ReturnType<TestServer['syncClient']>;
  const knex = () => server.db.orm.em.getKnex();
  const facts = (reference: string) => knex().first('*').from('record_facts').where({ reference });
  const stats = async (organisationName: string) => {
    const id = toGlobalId('Organisation', await organisationId(server.db.orm, organisationName));
    return (await operatorReader()).query(RegisterStatisticsDocument, { organisation: { id }, reviewAfterMonths: 12 });
  };
  let reader: ReturnType<TestServer['syncClient']> | null = null;
  const operatorReader = async () => (reader ??= server.syncClient(await issueToken(server.db.orm, FINANCIEN, [TokenScope.REGISTER_READ])));

  beforeAll(async () => {
    server = await startTestServer();
    ez = server.syncClient(await issueToken(server.db.orm, EZ));
    operator = server.syncClient(await issueToken(server.db.orm, FINANCIEN, [TokenScope.OPERATOR]));
  });
  afterEach(async () => {
    expect(await verifyStatistics(knex())).toEqual([]);
  });
  afterAll(() => server?.close());

  it('follows syncs, publications, withdrawals and withholdings, and counts their activity', async () => {
    const ezId = await organisationId(server.db.orm, EZ);
    const activity = async () => {
      const [sums] = await knex()('audit_activity').where({ organisation_id: ezId }).sum({ written: 'versions_written', published: 'published', withdrawn: 'withdrawn' });
      return { written: Number(sums.written ?? 0), published: Number(sums.published ?? 0), withdrawn: Number(sums.withdrawn ?? 0) };
    };
    const activityBefore = await activity();
    await sync(ez, { records: [record('SRM-A'), record('SRM-B', { purposes: [] })] });
    expect(await facts('SRM-A')).toMatchObject({ status: 'DRAFT', withheld: false, missing_purpose: false });
    expect(await facts('SRM-B')).toMatchObject({ status: 'DRAFT', missing_purpose: true, missing_legal_basis: true });

    expect((await mutate(ez, 'publishProcessingActivity', { activity: { reference: 'SRM-A' } }, 'PublishProcessingActivityInput')).errors).toEqual([]);
    expect(await facts('SRM-A')).toMatchObject({ status: 'PUBLISHED', publish_from: null });

    const before = (await facts('SRM-B')).version_id;
    await sync(ez, { records: [record('SRM-B')] });
    expect(await facts('SRM-B')).toMatchObject({ missing_purpose: false, missing_legal_basis: false });
    expect((await facts('SRM-B')).version_id).not.toBe(before);

    expect((await mutate(ez, 'withdrawProcessingActivity', { activity: { reference: 'SRM-A' } }, 'WithdrawProcessingActivityInput')).errors).toEqual([]);
    expect((await mutate(ez, 'withholdProcessingActivity', { activity: { reference: 'SRM-B' }, reason: 'OTHER' }, 'WithholdProcessingActivityInput')).errors).toEqual([]);
    expect(await facts('SRM-A')).toMatchObject({ status: 'WITHDRAWN' });
    expect(await facts('SRM-B')).toMatchObject({ withheld: true });

    // Three versions written (two records, then one of them again), one publication, one withdrawal; a withholding is not activity.
    const after = await activity();
    expect({ written: after.written - activityBefore.written, published: after.published - activityBefore.published, withdrawn: after.withdrawn - activityBefore.withdrawn }).toEqual({
      written: 3,
      published: 1,
      withdrawn: 1,
    });
  });

  it('is written in the transaction of the write: a rolled-back write leaves no trace', async () => {
    await expect(
      server.db.orm.em.fork().transactional(async (em) => {
        const organisation = await em.findOneOrFail(Organisation, { name: EZ });
        await new ProcessingActivityService(em).saveRecord({ organisation, reference: 'SRM-ROLLBACK', content: seedContent('D2717'), status: VersionStatus.PUBLISHED });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await facts('SRM-ROLLBACK')).toBeUndefined();
    // Written through the ORM (a version, then its content rows, in separate statements): counted at commit with all of it.
    const em = server.db.orm.em.fork();
    await new ProcessingActivityService(em).saveRecord({ organisation: await em.findOneOrFail(Organisation, { name: EZ }), reference: 'SRM-ORM', content: seedContent('D2717'), status: VersionStatus.DRAFT });
    expect(await facts('SRM-ORM')).toMatchObject({ status: 'DRAFT', missing_purpose: false, missing_data_items: false });
  });

  it('counts a scheduled publication as SCHEDULED until its moment and PUBLISHED after it, without a write in between', async () => {
    await sync(ez, { records: [record('SRM-TIMED')] });
    const publishFrom = new Date(Date.now() + 3_000);
    expect((await mutate(ez, 'scheduleProcessingActivityPublication', { activity: { reference: 'SRM-TIMED' }, publishFrom: publishFrom.toISOString() }, 'SchedulePublicationInput')).errors).toEqual([]);
    const states = async () => (await stats(EZ)).statistics.organisations.find((o) => o.organisation.name === EZ)!.own.byState;
    const scheduled = await states();
    expect(Date.now()).toBeLessThan(publishFrom.getTime());
    await new Promise((r) => setTimeout(r, publishFrom.getTime() - Date.now() + 100));
    const published = await states();
    expect({ scheduled: published.scheduled - scheduled.scheduled, published: published.published - scheduled.published }).toEqual({ scheduled: -1, published: 1 });
  });

  it("follows an organisation's contact data for its records that name no controller", async () => {
    const lisse = server.syncClient(await issueToken(server.db.orm, LISSE));
    await sync(lisse, { records: [record('SRM-CONTACT', { controllers: [] })] });
    expect(await facts('SRM-CONTACT')).toMatchObject({ missing_controller_contact: true });
    const lisseId = await organisationId(server.db.orm, LISSE);
    const setContact = async (email: string | null) =>
      expect(
        (await mutate<{ errors: unknown[] }>(operator, 'updateOrganisation', { organisation: { id: toGlobalId('Organisation', lisseId) }, email }, 'UpdateOrganisationInput', 'errors { code }')).errors,
      ).toEqual([]);
    await setContact('privacy@lisse.example');
    expect(await facts('SRM-CONTACT')).toMatchObject({ missing_controller_contact: false });
    await setContact(null);
    expect(await facts('SRM-CONTACT')).toMatchObject({ missing_controller_contact: true });
  });

  it('follows moves: a record moved to another organisation counts there, an organisation moved under another is rolled up there', async () => {
    await sync(ez, { records: [record('SRM-MOVE')] });
    const [ezId, rvoId, lisseId] = [await organisationId(server.db.orm, EZ), await organisationId(server.db.orm, RVO), await organisationId(server.db.orm, LISSE)];
    await knex()('processing_activity').where({ reference: 'SRM-MOVE' }).update({ organisation_id: rvoId });
    expect(await facts('SRM-MOVE')).toMatchObject({ organisation_id: rvoId });

    const rolledUp = async (organisationName: string, id: string) =>
      (await stats(organisationName)).statistics.organisations.find((o) => o.organisation.id === toGlobalId('Organisation', id))!.withSubOrganisations.records;
    const ezBefore = await rolledUp(EZ, ezId);
    const rvoRecords = await rolledUp(RVO, rvoId);
    expect(rvoRecords).toBeGreaterThan(0);
    const move = (parent: string | null) =>
      mutate<{ errors: unknown[] }>(operator, 'moveOrganisation', { organisation: { id: toGlobalId('Organisation', rvoId) }, parent: parent && { id: toGlobalId('Organisation', parent) } }, 'MoveOrganisationInput', 'errors { code }');
    expect((await move(lisseId)).errors).toEqual([]);
    try {
      expect(await rolledUp(EZ, ezId)).toBe(ezBefore - rvoRecords);
      expect(await rolledUp(LISSE, lisseId)).toBe(rvoRecords + (await stats(LISSE)).statistics.organisations.find((o) => o.organisation.id === toGlobalId('Organisation', lisseId))!.own.records);
    } finally {
      expect((await move(ezId)).errors).toEqual([]);
    }
  });

  it("waits for an uncommitted change of its organisation's contact data before counting a new record", async () => {
    const lisseId = await organisationId(server.db.orm, LISSE);
    const lisse = server.syncClient(await issueToken(server.db.orm, LISSE));
    await knex()('organisation').where({ id: lisseId }).update({ email: 'privacy@lisse.example' });
    const change = await knex().transaction();
    try {
      await change('organisation').where({ id: lisseId }).update({ email: null });
      const written = sync(lisse, { records: [record('SRM-RACE', { controllers: [] })] });
      // The sync reaches its commit and waits there for the uncommitted change (it reads the contact data it counts by).
      let waiting = false;
      for (const deadline = Date.now() + 10_000; !waiting && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const { rows } = await knex().raw(`select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        waiting = rows[0].n > 0;
      }
      expect(waiting).toBe(true);
      await change.commit();
      await written;
    } finally {
      if (!change.isCompleted()) await change.rollback();
    }
    expect(await facts('SRM-RACE')).toMatchObject({ missing_controller_contact: true });
  });

  it('queues the records of a statement as one entry, so a batch is refreshed by one call at commit', async () => {
    await sync(ez, { records: [record('SRM-QUEUE-1'), record('SRM-QUEUE-2'), record('SRM-QUEUE-3')] });
    const ids = (await knex().select('id').from('processing_activity').where('reference', 'like', 'SRM-QUEUE-%').orderBy('reference')).map((r) => r.id as string);
    expect(ids).toHaveLength(3);
    const queued = await knex().transaction(async (trx) => {
      // One statement that writes all three records (a withdrawal of their versions), as the sync's write does.
      await trx('processing_activity_version').whereIn('activity_id', ids).update({ status: VersionStatus.WITHDRAWN, withdrawn_at: new Date() });
      const { rows } = await trx.raw(`select cardinality(activity_ids) as records from record_facts_pending where transaction_id = pg_current_xact_id()`);
      return rows as { records: number }[];
    });
    expect(queued).toEqual([{ records: 3 }]);
    for (const reference of ['SRM-QUEUE-1', 'SRM-QUEUE-2', 'SRM-QUEUE-3']) expect(await facts(reference)).toMatchObject({ status: 'WITHDRAWN' });
    expect(await knex().count({ n: '*' }).from('record_facts_pending')).toEqual([{ n: '0' }]);
  });

  it('follows deleted records and versions', async () => {
    await sync(ez, { records: [record('SRM-DELETED'), record('SRM-VERSION')] });
    await sync(ez, { records: [record('SRM-VERSION', { purposes: [] })] });
    expect(await facts('SRM-VERSION')).toMatchObject({ missing_purpose: true });
    // Deleting the newest version by hand (no code path does): the record counts by the version before it again.
    const activity = await knex().first('id', 'latest_version_number').from('processing_activity').where({ reference: 'SRM-VERSION' });
    await knex().transaction(async (trx) => {
      await trx('processing_activity_version').where({ activity_id: activity.id, version_number: activity.latest_version_number }).delete();
      await trx('processing_activity').where({ id: activity.id }).update({ latest_version_number: activity.latest_version_number - 1, updated_at: new Date() });
    });
    expect(await facts('SRM-VERSION')).toMatchObject({ missing_purpose: false });
    await knex()('processing_activity').where({ reference: 'SRM-DELETED' }).delete();
    expect(await facts('SRM-DELETED')).toBeUndefined();
  });

  it('statistics:rebuild --verify reports every difference and fails; statistics:rebuild corrects it', async () => {
    await sync(ez, { records: [record('SRM-DRIFT'), record('SRM-GONE')] });
    const em = server.db.orm.em.fork();
    expect(await runRegisterCommand(em, ['statistics:rebuild', '--verify'])).toEqual(["the statistics' read model agrees with the records and the audit log"]);

    // Drift, as a bug or a hand-made change would cause it.
    await knex()('record_facts').where({ reference: 'SRM-DRIFT' }).update({ missing_purpose: true });
    await knex()('record_facts').where({ reference: 'SRM-GONE' }).delete();
    await knex()('audit_activity').insert({ organisation_id: null, occurred_at: new Date('2020-01-01T00:00:00Z'), versions_written: 5, published: 0, withdrawn: 0 });
    const verify = runRegisterCommand(em, ['statistics:rebuild', '--verify']);
    // The two records' rows, the tally of their organisation (which no longer matches record_facts) and the activity row.
    await expect(verify).rejects.toThrow(/differs from the records and the audit log in 6 row\(s\)/);
    const message: string = await verify.then(() => "", (e: Error) => e.message);
    expect(message.match(/^ {2}missing record_facts /gm)).toHaveLength(2);
    expect(message.match(/^ {2}unexpected record_facts /gm)).toHaveLength(1);
    expect(message).toMatch(/unexpected audit_activity none 2020-01-01/);
    expect(message).toMatch(/missing organisation_tally .*\n {2}unexpected organisation_tally /);

    expect((await runRegisterCommand(em, ['statistics:rebuild']))[0]).toMatch(/^statistics' read model rebuilt: 2 record_facts rows corrected, \d+ audit_activity rows written$/);
    expect(await facts('SRM-DRIFT')).toMatchObject({ missing_purpose: false });
    expect(await facts('SRM-GONE')).toMatchObject({ status: 'DRAFT' });
    expect(await runRegisterCommand(em, ['statistics:rebuild', '--verify'])).toEqual(["the statistics' read model agrees with the records and the audit log"]);
  });
});
