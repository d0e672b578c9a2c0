import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { VersionStatus, WithheldReason } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, mutate, record, seedContent, sync } from './support/sync-helpers';

type Payload = { activity: { reference: string; withheld: boolean; withheldReason: string | null; latestVersionNumber: number } | null; version: number | null; changed: boolean; errors: { path: string[]; code: string; message: string }[] };

describe('publication state', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;
  const em = () => server.db.orm.em.fork();
  const statuses = async (reference: string) => (await em().find(ProcessingActivityVersion, { activity: { reference } }, { orderBy: { versionNumber: 'asc' } })).map((v) => v.status);
  const publicVersion = async (reference: string) =>
    (await client.query<{ processingActivity: { publicVersion: { versionNumber: number } | null } }>(`query($r: String!) { processingActivity(activity: { reference: $r }) { publicVersion { versionNumber } } }`, { r: reference }))
      .processingActivity.publicVersion?.versionNumber ?? null;
  const publish = (input: Record<string, unknown>) => mutate<Payload>(client, 'publishProcessingActivity', input, 'PublishProcessingActivityInput');

  beforeAll(async () => {
    server = await startTestServer();
    client = server.syncClient(await issueToken(server.db.orm, 'Gemeente Hillegom'));
    await sync(client, { records: [record('P-1'), record('P-2'), record('P-3'), record('P-WPG', { legalRole: 'WPG_CONTROLLER' })] });
  });
  afterAll(() => server?.close());
  verifyReadModelAfterEach(() => server.db.orm);

  it('publishes the newest version; the public then sees it', async () => {
    expect(await publicVersion('P-1')).toBeNull();
    const res = await publish({ activity: { reference: 'P-1' }, baseVersion: 1 });
    expect(res).toMatchObject({ changed: true, version: 1, errors: [] });
    expect(await statuses('P-1')).toEqual([VersionStatus.PUBLISHED]);
    expect(await publicVersion('P-1')).toBe(1);
    const again = await publish({ activity: { reference: 'P-1' } });
    expect(again).toMatchObject({ changed: false, errors: [] });
  });

  it('a new draft does not replace the published version until it is published', async () => {
    await sync(client, { records: [record('P-1', { title: 'Herzien' })] });
    expect(await statuses('P-1')).toEqual([VersionStatus.PUBLISHED, VersionStatus.DRAFT]);
    expect(await publicVersion('P-1')).toBe(1);
    await publish({ activity: { reference: 'P-1' } });
    expect(await publicVersion('P-1')).toBe(2);
    // Publishing an older version under a newer published one would change nothing the public sees: refused.
    const older = await publish({ activity: { reference: 'P-1' }, version: 1 });
    expect(older.errors.map((e) => e.code)).toEqual(['CONFLICT']);
  });

  it('schedules publication: published, but not public before "publish from"', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const res = await mutate<Payload>(client, 'scheduleProcessingActivityPublication', { activity: { reference: 'P-2' }, publishFrom: future }, 'SchedulePublicationInput');
    expect(res).toMatchObject({ changed: true, version: 1, errors: [] });
    const v = await em().findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'P-2' }, versionNumber: 1 });
    expect([v.status, v.publishFrom?.toISOString()]).toEqual([VersionStatus.PUBLISHED, future]);
    expect(await publicVersion('P-2')).toBeNull();
    // Moving the moment into the past makes it public.
    await mutate<Payload>(client, 'scheduleProcessingActivityPublication', { activity: { reference: 'P-2' }, publishFrom: new Date(Date.now() - 1000).toISOString() }, 'SchedulePublicationInput');
    expect(await publicVersion('P-2')).toBe(1);
  });

  it('withdraws every published version', async () => {
    const res = await mutate<Payload>(client, 'withdrawProcessingActivity', { activity: { reference: 'P-1' } }, 'WithdrawProcessingActivityInput');
    expect(res).toMatchObject({ changed: true, errors: [] });
    expect(await statuses('P-1')).toEqual([VersionStatus.WITHDRAWN, VersionStatus.WITHDRAWN]);
    expect(await publicVersion('P-1')).toBeNull();
    const versions = await em().find(ProcessingActivityVersion, { activity: { reference: 'P-1' } });
    expect(versions.every((v) => v.withdrawnAt instanceof Date)).toBe(true);
  });

  it('marks and unmarks withheld with a reason; a withheld record is never public', async () => {
    const res = await mutate<Payload>(client, 'withholdProcessingActivity', { activity: { reference: 'P-2' }, reason: 'NATIONAL_SECURITY', explanation: 'Advies AIVD' }, 'WithholdProcessingActivityInput');
    expect(res.activity).toMatchObject({ withheld: true, withheldReason: 'NATIONAL_SECURITY' });
    expect(await publicVersion('P-2')).toBeNull();
    const entry = await em().findOneOrFail(AuditLogEntry, { operation: 'withholdProcessingActivity', reference: 'P-2' });
    expect(entry.details).toMatchObject({ reason: 'NATIONAL_SECURITY', explanation: 'Advies AIVD' });
    const lifted = await mutate<Payload>(client, 'unwithholdProcessingActivity', { activity: { reference: 'P-2' } }, 'UnwithholdProcessingActivityInput');
    expect(lifted.activity).toMatchObject({ withheld: false, withheldReason: null });
    expect(await publicVersion('P-2')).toBe(1);
  });

  it('processor and Wpg records stay withheld by law', async () => {
    const a = await em().findOneOrFail(ProcessingActivity, { reference: 'P-WPG' });
    expect([a.withheld, a.withheldReason]).toEqual([true, WithheldReason.WPG_RECORD]);
    const res = await mutate<Payload>(client, 'unwithholdProcessingActivity', { activity: { reference: 'P-WPG' } }, 'UnwithholdProcessingActivityInput');
    expect(res.errors.map((e) => e.code)).toEqual(['WITHHELD_BY_LAW']);
    expect((await em().findOneOrFail(ProcessingActivity, { reference: 'P-WPG' })).withheld).toBe(true);
  });

  it('an unknown record or version is NOT_FOUND', async () => {
    expect((await publish({ activity: { reference: 'P-NONE' } })).errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect((await publish({ activity: { reference: 'P-3' }, version: 9 })).errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('every publication change is in the audit log with token and outcome', async () => {
    const log = await client.query<{ auditLog: { nodes: { operation: string; outcome: string; reference: string; actor: string }[] } }>(`{ auditLog(first: 500) { nodes { operation outcome reference actor } } }`);
    const ops = new Set(log.auditLog.nodes.map((n) => n.operation));
    for (const op of ['syncProcessingActivities', 'publishProcessingActivity', 'scheduleProcessingActivityPublication', 'withdrawProcessingActivity', 'withholdProcessingActivity', 'unwithholdProcessingActivity'])
      expect(ops).toContain(op);
    expect(log.auditLog.nodes.every((n) => n.actor.startsWith('vr_'))).toBe(true);
    expect(log.auditLog.nodes.find((n) => n.operation === 'unwithholdProcessingActivity' && n.reference === 'P-WPG')?.outcome).toBe('FAILED');
  });

  describe('publication lint: no personal contact data of staff in public text', () => {
    const lintCases: [string, Record<string, unknown>, string, string[]][] = [
      ['a person’s e-mail address in a purpose', { purposes: [{ description: 'Vragen aan j.jansen@hillegom.nl', legalBasis: 'PUBLIC_TASK' }] }, 'PERSONAL_EMAIL', ['purposes', '0', 'description']],
      ['a first.last e-mail address in the description', { description: 'Contact: piet.de.vries@gemeente.nl' }, 'PERSONAL_EMAIL', ['description']],
      ['a person’s mailbox as a party e-mail', { controllers: [{ name: 'Gemeente Hillegom', email: 'kjansen@hillegom.nl' }] }, 'PERSONAL_EMAIL', ['controllers', '0', 'email']],
      ['a mobile number in a recipient', { recipients: [{ description: 'Teamleider, bereikbaar op 06-12345678' }] }, 'PHONE_NUMBER', ['recipients', '0', 'description']],
      ['a landline in international form', { dataSubjectRights: 'Bel +31 (0)70 123 45 67' }, 'PHONE_NUMBER', ['dataSubjectRights']],
      ['a foreign number', { processingLocation: 'Helpdesk +44 20 7946 0958' }, 'PHONE_NUMBER', ['processingLocation']],
      ['a BSN in a data item', { dataSubjectGroups: [{ description: 'Inwoners', dataItems: [{ description: 'Bijvoorbeeld BSN 111222333', retentionText: '1 jaar' }] }] }, 'BSN', ['dataSubjectGroups', '0', 'dataItems', '0', 'description']],
      ['a BSN written with dots', { title: 'Dossier 1112.22.333' }, 'BSN', ['title']],
    ];

    test.each(lintCases)('refuses %s', async (_label, overrides, code, path) => {
      const reference = `LINT-${code}-${path.join('-')}`.slice(0, 60);
      await sync(client, { records: [record(reference, overrides)] });
      const res = await publish({ activity: { reference } });
      expect(res.changed).toBe(false);
      expect(res.errors).toContainEqual({ path: ['content', ...path], code, message: expect.any(String) });
      expect(await statuses(reference)).toEqual([VersionStatus.DRAFT]);
      // The same through the batch mutation's publish flag: the record fails, nothing is stored.
      const batch = await sync(client, { records: [record(`${reference}-B`, { ...overrides, publish: true })] });
      expect(batch.results[0].errors).toContainEqual({ path: ['records', '0', ...path], code, message: expect.any(String) });
      expect(await em().count(ProcessingActivity, { reference: `${reference}-B` })).toBe(0);
    });

    it('allows functional mailboxes, service numbers, organisations’ own phone numbers and numbers that fail the eleven-test', async () => {
      const base = seedContent('D2717');
      const res = await sync(client, {
        records: [
          record('LINT-OK', {
            description: 'Vragen? Mail privacy@hillegom.nl of fg@hillegom.nl, of bel 0800-1234567. Zaaknummer 123456789.',
            controllers: [{ name: 'Gemeente Hillegom', email: 'info@hillegom.nl', phone: '0252 536 536' }],
            purposes: base.purposes,
            publish: true,
          }),
        ],
      });
      expect(res.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
      expect(await statuses('LINT-OK')).toEqual([VersionStatus.PUBLISHED]);
    });

    it('internal parts may hold staff contact data: they are never published', async () => {
      const res = await sync(client, { records: [record('LINT-INTERNAL', { internal: { contactPersons: [{ name: 'J. Jansen', email: 'j.jansen@hillegom.nl', phone: '06-12345678' }] }, publish: true })] });
      expect(res.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
    });
  });
});
