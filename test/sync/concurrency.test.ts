import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { FULL_VERSION_POPULATE, toRecordContent } from '../../src/modules/processing-activity/version-reader';
import { contentHash } from '../../src/modules/processing-activity/content-hash';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, mutate, record, sync } from './support/sync-helpers';

describe('optimistic concurrency', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;
  const em = () => server.db.orm.em.fork();

  beforeAll(async () => {
    server = await startTestServer();
    client = server.syncClient(await issueToken(server.db.orm, 'Gemeente Teylingen'));
    await sync(client, { records: [record('T-1')] });
  });
  afterAll(() => server?.close());

  it('an update based on the current version succeeds; a stale one is refused with a clear error and nothing changes', async () => {
    const ok = await sync(client, { records: [record('T-1', { baseVersion: 1, title: 'Versie 2' })] });
    expect(ok.results[0]).toMatchObject({ outcome: 'UPDATED', version: 2, errors: [] });
    const stale = await sync(client, { records: [record('T-1', { baseVersion: 1, title: 'Op oude basis' })] });
    expect(stale.results[0].outcome).toBe('FAILED');
    expect(stale.results[0].errors).toEqual([
      { path: ['records', '0', 'baseVersion'], code: 'STALE_VERSION', message: expect.stringMatching(/version 2.*based on version 1/) },
    ]);
    const versions = await em().find(ProcessingActivityVersion, { activity: { reference: 'T-1' } });
    expect(versions.map((v) => v.title).sort()).toEqual(['Toepassing chatbot binnen Defensie', 'Versie 2']);
  });

  it('baseVersion 0 means "new": refused when the record already exists', async () => {
    const res = await sync(client, { records: [record('T-1', { baseVersion: 0, title: 'Nieuw?' })] });
    expect(res.results[0].errors.map((e) => e.code)).toEqual(['STALE_VERSION']);
    const created = await sync(client, { records: [record('T-NEW', { baseVersion: 0 })] });
    expect(created.results[0].outcome).toBe('CREATED');
  });

  it('the dry run reports a stale version the same way', async () => {
    const res = await sync(client, { dryRun: true, records: [record('T-1', { baseVersion: 1, title: 'x' })] });
    expect(res.results[0].errors.map((e) => e.code)).toEqual(['STALE_VERSION']);
  });

  it('publication changes refuse a stale base version too', async () => {
    const res = await mutate<{ errors: { code: string; path: string[] }[]; changed: boolean }>(client, 'publishProcessingActivity', { activity: { reference: 'T-1' }, baseVersion: 1 }, 'PublishProcessingActivityInput');
    expect(res.errors.map((e) => [e.code, e.path])).toEqual([['STALE_VERSION', ['baseVersion']]]);
    expect(res.changed).toBe(false);
  });

  it('two concurrent updates of one record from the same base: one winner, one STALE_VERSION, one intact new version', async () => {
    for (let round = 0; round < 5; round++) {
      const activity = await em().findOneOrFail(ProcessingActivity, { reference: 'T-1' });
      const base = activity.latestVersionNumber;
      const a = record('T-1', { baseVersion: base, title: `A${round}`, recipients: [{ description: `Ontvanger A${round}` }] });
      const b = record('T-1', { baseVersion: base, title: `B${round}`, recipients: [{ description: `Ontvanger B${round}` }, { description: 'Tweede B' }] });
      const [ra, rb] = await Promise.all([sync(client, { records: [a] }), sync(client, { records: [b] })]);
      const outcomes = [ra.results[0], rb.results[0]];
      expect(outcomes.map((r) => r.outcome).sort()).toEqual(['FAILED', 'UPDATED']);
      const loser = outcomes.find((r) => r.outcome === 'FAILED')!;
      expect(loser.errors.map((e) => e.code)).toEqual(['STALE_VERSION']);
      const winner = outcomes.find((r) => r.outcome === 'UPDATED')!;
      expect(winner.version).toBe(base + 1);

      const after = await em().findOneOrFail(ProcessingActivity, { reference: 'T-1' });
      expect(after.latestVersionNumber).toBe(base + 1);
      // The stored version is exactly the winner's content: nothing of the loser mixed in.
      const stored = await em().findOneOrFail(ProcessingActivityVersion, { activity: after, versionNumber: base + 1 }, { populate: FULL_VERSION_POPULATE as never });
      const won = ra.results[0].outcome === 'UPDATED' ? a : b;
      const { reference: _r, baseVersion: _b, ...wonContent } = won;
      expect(stored.contentHash).toBe(contentHash(wonContent as never));
      expect(contentHash(toRecordContent(stored))).toBe(stored.contentHash);
      expect(stored.recipients.getItems().map((r) => r.description)).toEqual((won.recipients as { description: string }[]).map((r) => r.description));
    }
  });

  it('two concurrent creations of one new record: one creates, the other becomes an update or unchanged, never a duplicate', async () => {
    const [x, y] = await Promise.all([sync(client, { records: [record('T-RACE', { title: 'X' })] }), sync(client, { records: [record('T-RACE', { title: 'Y' })] })]);
    expect([x.results[0].outcome, y.results[0].outcome].sort()).toEqual(['CREATED', 'UPDATED']);
    expect(await em().count(ProcessingActivity, { reference: 'T-RACE' })).toBe(1);
    expect(await em().count(ProcessingActivityVersion, { activity: { reference: 'T-RACE' } })).toBe(2);
  });
});
