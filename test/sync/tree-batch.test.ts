import { toGlobalId } from '../../src/api/common/global-id';
import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { OrganisationService } from '../../src/modules/organisation/organisation.service';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, record, sync, type SyncPayload } from './support/sync-helpers';

/**
 * One batch for a whole organisation tree (issue 12, section 4): records name their unit, REPLACE
 * with replaceScope SUBTREE reconciles the whole tree, and a record that changes units keeps its
 * identity and history.
 *
 *   Gemeente Zuidstad
 *   ├─ Afdeling Burgerzaken ── Team Juridisch
 *   └─ Afdeling Publiekszaken ── Team Juridisch
 *   Gemeente Elders (another municipality: outside the token's scope)
 */
describe('a batch for a whole organisation tree', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;
  const ids: Record<string, string> = {};
  const em = () => server.db.orm.em.fork();
  const gid = (name: string) => toGlobalId('Organisation', ids[name]);
  const ELDERS_TOOI = 'https://identifier.overheid.nl/tooi/id/gemeente/gm9998';

  async function organisation(name: string, parent: string | null, tooiUri: string | null = null): Promise<void> {
    await server.db.orm.em.fork().transactional(async (tx) => {
      const result = await new OrganisationService(tx).create({ name, kind: parent ? OrganisationKind.OTHER : OrganisationKind.MUNICIPALITY, tooiUri }, parent ? tx.getReference(Organisation, ids[parent]) : null);
      ids[parent && name === 'Team Juridisch' ? `${name} ${parent}` : name] = result.organisation!.id;
    });
  }

  /** Each record's reference, outcome, version and unit (by name). */
  function outcomes(res: SyncPayload): [string, string, number | null, string | null][] {
    const names = new Map(Object.entries(ids).map(([name, id]) => [toGlobalId('Organisation', id), name]));
    return res.results.map((r) => [r.reference, r.outcome, r.version ?? null, r.organisationId ? (names.get(r.organisationId) ?? r.organisationId) : null]);
  }

  beforeAll(async () => {
    server = await startTestServer();
    await organisation('Gemeente Zuidstad', null, 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999');
    await organisation('Afdeling Burgerzaken', 'Gemeente Zuidstad');
    await organisation('Afdeling Publiekszaken', 'Gemeente Zuidstad');
    await organisation('Team Juridisch', 'Afdeling Burgerzaken');
    await organisation('Team Juridisch', 'Afdeling Publiekszaken');
    await organisation('Gemeente Elders', null, ELDERS_TOOI);
    client = server.syncClient(await issueToken(server.db.orm, 'Gemeente Zuidstad'));
    await sync(server.syncClient(await issueToken(server.db.orm, 'Gemeente Elders')), { records: [record('Z-1'), record('E-1')] });
  });
  afterAll(() => server?.close());
  verifyReadModelAfterEach(() => server.db.orm);

  it('puts each record in the unit it names (by name, global id or TOOI URI); an unknown, ambiguous or out-of-scope unit fails that record alone', async () => {
    const res = await sync(client, {
      records: [
        record('Z-1', { publish: true }),
        record('Z-2', { unit: { name: 'afdeling burgerzaken' }, publish: true }),
        record('Z-3', { unit: { id: gid('Afdeling Publiekszaken') }, publish: true }),
        record('Z-4', { unit: { id: ids['Team Juridisch Afdeling Burgerzaken'] } }),
        record('Z-5', { unit: { tooiUri: 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999' } }),
        record('Z-6', { unit: { name: 'Afdeling Onbekend' } }),
        record('Z-7', { unit: { name: 'Team Juridisch' } }),
        record('Z-8', { unit: { tooiUri: ELDERS_TOOI } }),
        record('Z-9', { unit: { name: 'Afdeling Burgerzaken', tooiUri: ELDERS_TOOI } }),
      ],
    });
    expect(outcomes(res)).toEqual([
      ['Z-1', 'CREATED', 1, 'Gemeente Zuidstad'],
      ['Z-2', 'CREATED', 1, 'Afdeling Burgerzaken'],
      ['Z-3', 'CREATED', 1, 'Afdeling Publiekszaken'],
      ['Z-4', 'CREATED', 1, 'Team Juridisch Afdeling Burgerzaken'],
      ['Z-5', 'CREATED', 1, 'Gemeente Zuidstad'],
      ['Z-6', 'FAILED', null, 'Gemeente Zuidstad'],
      ['Z-7', 'FAILED', null, 'Gemeente Zuidstad'],
      ['Z-8', 'FAILED', null, 'Gemeente Zuidstad'],
      ['Z-9', 'FAILED', null, 'Gemeente Zuidstad'],
    ]);
    // Z-5 names the batch organisation itself: it is the same record slot as a record without unit.
    const errors = res.results.slice(5).map((r) => r.errors.map((e) => [e.path.join('.'), e.code]));
    expect(errors).toEqual([[['records.5.unit', 'NOT_FOUND']], [['records.6.unit', 'AMBIGUOUS']], [['records.7.unit', 'NOT_FOUND']], [['records.8.unit', 'INVALID_FORMAT']]]);
    // The ambiguous name says which organisations carry it, with the ids to name them by.
    const ambiguous = res.results[6].errors[0].message;
    expect(ambiguous).toContain(ids['Team Juridisch Afdeling Burgerzaken']);
    expect(ambiguous).toContain(ids['Team Juridisch Afdeling Publiekszaken']);
    // The other municipality's records are neither touched nor visible: its Z-1 stays its own.
    const stored = await em().find(ProcessingActivity, { reference: { $like: 'Z-%' } }, { populate: ['organisation'], orderBy: { reference: 'asc', organisation: { name: 'asc' } } });
    expect(stored.map((a) => [a.reference, a.organisation.name])).toEqual([
      ['Z-1', 'Gemeente Elders'],
      ['Z-1', 'Gemeente Zuidstad'],
      ['Z-2', 'Afdeling Burgerzaken'],
      ['Z-3', 'Afdeling Publiekszaken'],
      ['Z-4', 'Team Juridisch'],
      ['Z-5', 'Gemeente Zuidstad'],
    ]);
    // Audited per unit.
    const audit = await em().findOne(AuditLogEntry, { reference: 'Z-3', operation: 'syncProcessingActivities' });
    expect(audit?.targetOrganisationId).toBe(ids['Afdeling Publiekszaken']);
  });

  it('moves a record to another unit: same record, a new version there, history kept; the public sees it under its new unit and the change feed says so', async () => {
    const before = await em().findOneOrFail(ProcessingActivity, { reference: 'Z-2' });
    const res = await sync(client, { records: [record('Z-2', { unit: { name: 'Afdeling Publiekszaken' }, publish: true })] });
    expect(outcomes(res)).toEqual([['Z-2', 'UPDATED', 2, 'Afdeling Publiekszaken']]);
    expect(res.results[0].activityId).toBe(toGlobalId('ProcessingActivity', before.id));
    expect(res.results[0].movedFromOrganisationId).toBe(gid('Afdeling Burgerzaken'));

    const after = await em().findOneOrFail(ProcessingActivity, { id: before.id }, { populate: ['organisation'] });
    expect(after.organisation.name).toBe('Afdeling Publiekszaken');
    const versions = await em().find(ProcessingActivityVersion, { activity: before.id }, { orderBy: { versionNumber: 'asc' } });
    expect(versions.map((v) => [v.versionNumber, v.status, v.contentHash === versions[0].contentHash])).toEqual([
      [1, VersionStatus.PUBLISHED, true],
      [2, VersionStatus.PUBLISHED, true],
    ]);
    expect(await em().count(ProcessingActivity, { reference: 'Z-2' })).toBe(1);

    const id = toGlobalId('ProcessingActivity', before.id);
    const pub = await server.publicClient.query<{ node: { organisation: { name: string }; versionNumber: number; history: { versionNumber: number }[] } }, { id: string }>(
      'query($id: ID!) { node(id: $id) { ... on ProcessingActivity { versionNumber organisation { name } history { versionNumber } } } }',
      { id },
    );
    expect(pub.node).toEqual({ versionNumber: 2, organisation: { name: 'Afdeling Publiekszaken' }, history: expect.arrayContaining([{ versionNumber: 1 }, { versionNumber: 2 }]) });
    const feed = await server.publicClient.query<{ changes: { edges: { node: { kind: string; activityId: string; organisation: { name: string } } }[] } }, Record<string, never>>(
      '{ changes(first: 100) { edges { node { kind activityId organisation { name } } } } }',
    );
    const events = feed.changes.edges.map((e) => e.node).filter((n) => n.activityId === id);
    expect(events.map((e) => [e.kind, e.organisation.name])).toEqual([
      ['PUBLISHED', 'Afdeling Burgerzaken'],
      ['UPDATED', 'Afdeling Publiekszaken'],
    ]);
    const audit = await em().find(AuditLogEntry, { reference: 'Z-2', operation: 'syncProcessingActivities' }, { orderBy: { id: 'desc' }, limit: 1 });
    expect(audit[0].details).toMatchObject({ movedFrom: ids['Afdeling Burgerzaken'] });
  });

  it('does not guess: a reference held by two other units fails AMBIGUOUS instead of moving either', async () => {
    await sync(client, { records: [record('Z-10', { unit: { id: gid('Afdeling Burgerzaken') } }), record('Z-10', { unit: { id: gid('Afdeling Publiekszaken') } })] });
    const res = await sync(client, { records: [record('Z-10', { unit: { id: ids['Team Juridisch Afdeling Burgerzaken'] } })] });
    expect(res.results[0].outcome).toBe('FAILED');
    expect(res.results[0].errors.map((e) => [e.path.join('.'), e.code])).toEqual([['records.0.reference', 'AMBIGUOUS']]);
    expect(await em().count(ProcessingActivity, { reference: 'Z-10' })).toBe(2);
  });

  it('the dry run answers what the write then does, moves and subtree withdrawals included', async () => {
    const input = {
      mode: 'REPLACE',
      replaceScope: 'SUBTREE',
      records: [
        record('Z-1', { publish: true }),
        record('Z-2', { unit: { name: 'Afdeling Publiekszaken' }, publish: true }),
        // Z-3 moves from Publiekszaken to Burgerzaken; Z-4, Z-5 and both Z-10 are absent from the tree's register now.
        record('Z-3', { unit: { name: 'Afdeling Burgerzaken' } }),
        record('Z-11', { unit: { name: 'Afdeling Burgerzaken' } }),
      ],
    };
    const dry = await sync(client, { ...input, dryRun: true });
    const real = await sync(client, input);
    // A dry run cannot know the id a new record will get; everything else is the same.
    const comparable = (res: SyncPayload) => res.results.map((r) => ({ ...r, activityId: r.outcome === 'CREATED' ? null : r.activityId }));
    expect(dry.committed).toBe(false);
    expect(comparable(dry)).toEqual(comparable(real));
    expect(outcomes(real).slice(0, 4)).toEqual([
      ['Z-1', 'UNCHANGED', 1, 'Gemeente Zuidstad'],
      ['Z-2', 'UNCHANGED', 2, 'Afdeling Publiekszaken'],
      ['Z-3', 'UPDATED', 2, 'Afdeling Burgerzaken'],
      ['Z-11', 'CREATED', 1, 'Afdeling Burgerzaken'],
    ]);
    // Withdrawn in reference order (and, within a reference, in id order).
    expect(outcomes(real).slice(4).sort()).toEqual([
      ['Z-10', 'WITHDRAWN', 1, 'Afdeling Burgerzaken'],
      ['Z-10', 'WITHDRAWN', 1, 'Afdeling Publiekszaken'],
      ['Z-4', 'WITHDRAWN', 1, 'Team Juridisch Afdeling Burgerzaken'],
      ['Z-5', 'WITHDRAWN', 1, 'Gemeente Zuidstad'],
    ]);
    expect(real.results[2].movedFromOrganisationId).toBe(gid('Afdeling Publiekszaken'));
    // The other municipality's records are outside the tree: untouched.
    const elders = await em().find(ProcessingActivityVersion, { activity: { organisation: ids['Gemeente Elders'] } });
    expect(elders.map((v) => v.status)).toEqual([VersionStatus.DRAFT, VersionStatus.DRAFT]);
  });

  it('REPLACE without replaceScope still reconciles the batch organisation only, and a failed record is never taken for a deleted one', async () => {
    await sync(client, { records: [record('Z-20', { unit: { name: 'Afdeling Burgerzaken' } }), record('Z-21')] });
    const res = await sync(client, { mode: 'REPLACE', records: [record('Z-1', { publish: true }), record('Z-21', { title: null })] });
    // Z-21 fails (no title) and is not withdrawn; Z-11 and Z-20 belong to a unit, not to the organisation itself.
    expect(outcomes(res)).toEqual([
      ['Z-1', 'UNCHANGED', 1, 'Gemeente Zuidstad'],
      ['Z-21', 'FAILED', null, 'Gemeente Zuidstad'],
    ]);
    const latest = await em().find(ProcessingActivityVersion, { activity: { reference: { $in: ['Z-20', 'Z-21'] } } }, { populate: ['activity'] });
    expect(latest.map((v) => [v.activity.reference, v.status]).sort()).toEqual([
      ['Z-20', VersionStatus.DRAFT],
      ['Z-21', VersionStatus.DRAFT],
    ]);
  });

  it('moves record by record too (a record with baseVersion is written in its own savepoint), checking the version it was based on', async () => {
    const stale = await sync(client, { records: [record('Z-20', { unit: { name: 'Afdeling Publiekszaken' }, baseVersion: 7 })] });
    expect(stale.results[0].errors.map((e) => e.code)).toEqual(['STALE_VERSION']);
    const moved = await sync(client, { records: [record('Z-20', { unit: { name: 'Afdeling Publiekszaken' }, baseVersion: 1 })] });
    expect(outcomes(moved)).toEqual([['Z-20', 'UPDATED', 2, 'Afdeling Publiekszaken']]);
    expect(moved.results[0].movedFromOrganisationId).toBe(gid('Afdeling Burgerzaken'));
    const row = await em().findOneOrFail(ProcessingActivity, { reference: 'Z-20' }, { populate: ['organisation'] });
    expect([row.organisation.name, row.latestVersionNumber]).toEqual(['Afdeling Publiekszaken', 2]);
  });
});
