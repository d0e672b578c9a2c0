import { toGlobalId } from '../../src/api/common/global-id';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { ProcessingActivityParticipant } from '../../src/modules/sharing/processing-activity-participant.entity';
import {
  AdoptionsDocument,
  AdoptProcessingActivityDocument,
  type AdoptProcessingActivityMutation,
  LeaveProcessingActivityDocument,
  WithdrawProcessingActivityDocument,
} from '../../clients/typescript/src/generated/sync/graphql';
import { OrganisationRegisterDocument, SharedListingDocument } from '../generated/public/graphql';
import { verifyReadModelAfterEach } from '../support/read-model';
import type { GraphQLClient } from '../support/test-server';
import { startTestServer } from '../support/test-server';
import { ALL_WRITE, codes, EZ, HLTSAMEN, issueToken, LISSE, organisationId, record, RVO, sync, type TestServer } from './support/sync-helpers';

const HILLEGOM = 'Gemeente Hillegom';
const TEYLINGEN = 'Gemeente Teylingen';
const MUNICIPALITIES = [HILLEGOM, LISSE, TEYLINGEN];

type Payload = AdoptProcessingActivityMutation['adoptProcessingActivity'];

/**
 * Shared processings: a record of one organisation (a joint arrangement) that other organisations
 * (the municipalities it works for) adopt into their own registers. The owner writes it; a
 * participant adopts or leaves it within its own scope; the public listings, counts, facets and
 * the change log follow, through the read model only.
 */
describe('shared processings', () => {
  let server: TestServer;
  let hlt: GraphQLClient;
  let lisse: GraphQLClient;
  let hillegom: GraphQLClient;
  let ez: GraphQLClient;
  const gid: Record<string, string> = {};

  verifyReadModelAfterEach(() => server.db.orm);

  beforeAll(async () => {
    server = await startTestServer();
    hlt = server.syncClient(await issueToken(server.db.orm, HLTSAMEN, ALL_WRITE));
    lisse = server.syncClient(await issueToken(server.db.orm, LISSE, ALL_WRITE));
    hillegom = server.syncClient(await issueToken(server.db.orm, HILLEGOM, ALL_WRITE));
    ez = server.syncClient(await issueToken(server.db.orm, EZ, ALL_WRITE));
    for (const name of [HLTSAMEN, LISSE, HILLEGOM, TEYLINGEN, EZ, RVO]) gid[name] = toGlobalId('Organisation', await organisationId(server.db.orm, name));
  });
  afterAll(() => server?.close());

  const adopt = async (client: GraphQLClient, reference: string, participant?: string, owner = HLTSAMEN): Promise<Payload> =>
    (await client.query(AdoptProcessingActivityDocument, { input: { activity: { organisation: { id: gid[owner] }, reference }, ...(participant ? { participant: { id: gid[participant] } } : {}) } })).adoptProcessingActivity;
  const leave = async (client: GraphQLClient, activity: { id: string } | { reference: string; organisation: { id: string } }, participant?: string): Promise<Payload> =>
    (await client.query(LeaveProcessingActivityDocument, { input: { activity, ...(participant ? { participant: { id: gid[participant] } } : {}) } })).leaveProcessingActivity;
  const register = async (name: string) => (await server.publicClient.query(OrganisationRegisterDocument, { id: gid[name], first: 100 })).organisation!;
  const listed = async (name: string) => (await register(name)).processingActivities.edges.map((e) => `${e.node.reference}${e.isAdopted ? ' (adopted)' : ''}`).sort();
  const publish = async (reference: string, overrides: Record<string, unknown> = {}) => {
    const res = await sync(hlt, { records: [record(reference, { publish: true, ...overrides })] });
    expect(res.results.map((r) => r.errors)).toEqual([[]]);
  };
  const lastPosition = async () => (await server.publicClient.query<{ changes: { lastPosition: string } }>(`{ changes(first: 0) { lastPosition } }`)).changes.lastPosition;
  const changesAfter = async (after: string) =>
    (
      await server.publicClient.query<{ changes: { edges: { node: { kind: string; reference: string; organisation: { name: string }; record: { sharedWith: { name: string }[] } | null } }[] } }>(
        `query($after: String) { changes(after: $after, first: 500) { edges { node { kind reference organisation { name } record { sharedWith { name } } } } } }`,
        { after },
      )
    ).changes.edges.map((e) => e.node);

  it('loads the chatbot seed as HLTsamen’s record shared with Hillegom, Lisse and Teylingen, each listing it as adopted', async () => {
    for (const municipality of MUNICIPALITIES) {
      const org = await register(municipality);
      expect({ municipality, count: org.publishedActivityCount, own: org.ownCount, total: org.processingActivities.totalCount }).toEqual({ municipality, count: 1, own: 1, total: 1 });
      const [edge] = org.processingActivities.edges;
      expect(edge.isAdopted).toBe(true);
      expect(edge.node.reference).toBe('GEM-CHATBOT');
      expect(edge.node.organisation.name).toBe(HLTSAMEN);
      expect(edge.node.sharedWith.map((o) => o.name)).toEqual(MUNICIPALITIES);
    }
    const owner = await register(HLTSAMEN);
    expect(owner.processingActivities.edges.map((e) => [e.node.reference, e.isAdopted])).toEqual([['GEM-CHATBOT', false]]);
    expect(owner.publishedActivityCount).toBe(1);

    // The whole register lists it once; the organisation facet counts it for the owner and each municipality.
    const all = await server.publicClient.query(SharedListingDocument, {});
    expect(all.processingActivities.edges.filter((e) => e.node.reference === 'GEM-CHATBOT')).toEqual([{ isAdopted: false, node: { reference: 'GEM-CHATBOT', organisation: { name: HLTSAMEN }, sharedWith: MUNICIPALITIES.map((name) => ({ name })) } }]);
    expect(all.facets.total).toBe(all.processingActivities.totalCount);
    const facet = Object.fromEntries(all.facets.organisations.map((o) => [o.organisation.name, o.count]));
    expect([HLTSAMEN, ...MUNICIPALITIES].map((name) => facet[name])).toEqual([1, 1, 1, 1]);

    // The sync side: the participant lists its adoption, the owner its participants.
    const adoptions = await lisse.query(AdoptionsDocument, {});
    expect(adoptions.adoptions.nodes.map((n) => [n.reference, n.owner.name, n.participant.name, n.isPublic, n.publicTitle])).toEqual([['GEM-CHATBOT', HLTSAMEN, LISSE, true, 'Chatbot (Gem)']]);
    const owned = await hlt.query<{ processingActivity: { participants: { participant: { name: string }; isPublic: boolean }[] } }>(
      `{ processingActivity(activity: { reference: "GEM-CHATBOT" }) { participants { participant { name } isPublic } } }`,
    );
    expect(owned.processingActivity.participants.map((p) => p.participant.name).sort()).toEqual(MUNICIPALITIES);
  });

  it('adopts and leaves through the sync surface, idempotently, with audit entries and an UPDATED event each', async () => {
    await publish('HLT-SHARED-1', { title: 'Gedeelde verwerking één' });
    const before = await lastPosition();

    const first = await adopt(lisse, 'HLT-SHARED-1');
    expect(first).toMatchObject({ owner: { name: HLTSAMEN }, participant: { name: LISSE }, adopted: true, changed: true, errors: [] });
    expect(first.adoptedAt).not.toBeNull();
    const again = await adopt(lisse, 'HLT-SHARED-1');
    expect(again).toMatchObject({ adopted: true, changed: false, adoptedAt: first.adoptedAt, errors: [] });
    expect(await listed(LISSE)).toEqual(['GEM-CHATBOT (adopted)', 'HLT-SHARED-1 (adopted)']);
    expect((await register(LISSE)).publishedActivityCount).toBe(2);
    // One event for the adoption (the repeat changed nothing): the record, as its listings now show it.
    expect(await changesAfter(before)).toEqual([{ kind: 'UPDATED', reference: 'HLT-SHARED-1', organisation: { name: HLTSAMEN }, record: { sharedWith: [{ name: LISSE }] } }]);

    const middle = await lastPosition();
    expect(await leave(lisse, { id: first.activityId! })).toMatchObject({ adopted: false, changed: true, adoptedAt: null, errors: [] });
    expect(await leave(lisse, { id: first.activityId! })).toMatchObject({ adopted: false, changed: false, errors: [] });
    expect(await listed(LISSE)).toEqual(['GEM-CHATBOT (adopted)']);
    expect(await changesAfter(middle)).toEqual([{ kind: 'UPDATED', reference: 'HLT-SHARED-1', organisation: { name: HLTSAMEN }, record: { sharedWith: [] } }]);

    // The participant's audit log has each call, newest first; the record itself is untouched (one version).
    const audit = await lisse.query<{ auditLog: { nodes: { operation: string; outcome: string; reference: string; organisationId: string }[] } }>(
      `{ auditLog(operations: ["adoptProcessingActivity", "leaveProcessingActivity"], reference: "HLT-SHARED-1") { nodes { operation outcome reference organisationId } } }`,
    );
    expect(audit.auditLog.nodes.map((n) => `${n.operation} ${n.outcome}`)).toEqual([
      'leaveProcessingActivity UNCHANGED',
      'leaveProcessingActivity CHANGED',
      'adoptProcessingActivity UNCHANGED',
      'adoptProcessingActivity CHANGED',
    ]);
    expect(new Set(audit.auditLog.nodes.map((n) => n.organisationId))).toEqual(new Set([gid[LISSE]]));
    expect(await server.db.orm.em.fork().count(ProcessingActivityVersion, { activity: { reference: 'HLT-SHARED-1' } })).toBe(1);
  });

  it('adopts only for organisations within the token’s scope, and never the participant’s own record', async () => {
    await publish('HLT-SHARED-2');
    const outside = await adopt(lisse, 'HLT-SHARED-2', HILLEGOM);
    expect(outside).toMatchObject({ activityId: null, participant: null, adopted: false, changed: false });
    expect(outside.errors.map((e) => [e.code, e.path])).toEqual([['NOT_FOUND', ['participant']]]);
    const own = await adopt(hlt, 'HLT-SHARED-2');
    expect(own.errors.map((e) => [e.code, e.path])).toEqual([['OWN_RECORD', ['participant']]]);
    expect(own.changed).toBe(false);
    // A parent adopts for its sub-organisation.
    expect(await adopt(ez, 'HLT-SHARED-2', RVO)).toMatchObject({ participant: { name: RVO }, changed: true, errors: [] });
    expect(await server.db.orm.em.fork().count(ProcessingActivityParticipant, { activity: { reference: 'HLT-SHARED-2' } })).toBe(1);
    // A write-only token adopts; a read-only one cannot.
    const readOnly = server.syncClient(await issueToken(server.db.orm, LISSE, [TokenScope.INTERNAL_READ]));
    const refused = await readOnly.request(AdoptProcessingActivityDocument, { input: { activity: { organisation: { id: gid[HLTSAMEN] }, reference: 'HLT-SHARED-2' } } });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });

  it('answers an unpublished record of another organisation exactly like one that does not exist', async () => {
    const draft = await sync(hlt, { records: [record('HLT-DRAFT')] });
    const draftId = draft.results[0].activityId!;
    const answers = [
      await adopt(lisse, 'HLT-DRAFT'),
      await adopt(lisse, 'HLT-DOES-NOT-EXIST'),
      (await lisse.query(AdoptProcessingActivityDocument, { input: { activity: { id: draftId } } })).adoptProcessingActivity,
      (await lisse.query(AdoptProcessingActivityDocument, { input: { activity: { id: toGlobalId('ProcessingActivity', '00000000-0000-4000-8000-000000000000') } } })).adoptProcessingActivity,
      await leave(lisse, { id: draftId }),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({ ...answers[0], participant: answer.participant });
      expect(answer.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      expect(answer.activityId).toBeNull();
    }
    expect(await server.db.orm.em.fork().count(ProcessingActivityParticipant, { activity: { reference: 'HLT-DRAFT' } })).toBe(0);
  });

  it('counts a record that several organisations of one tree adopted once for that tree, exactly in totals and facets', async () => {
    await publish('HLT-SHARED-3');
    const ezBefore = await register(EZ);
    const rvoBefore = await register(RVO);
    await adopt(ez, 'HLT-SHARED-3');
    await adopt(ez, 'HLT-SHARED-3', RVO);
    const ezAfter = await register(EZ);
    const rvoAfter = await register(RVO);
    expect([ezAfter.publishedActivityCount - ezBefore.publishedActivityCount, ezAfter.ownCount - ezBefore.ownCount]).toEqual([1, 1]);
    expect([rvoAfter.publishedActivityCount - rvoBefore.publishedActivityCount, rvoAfter.ownCount - rvoBefore.ownCount]).toEqual([1, 1]);

    const listing = await server.publicClient.query(SharedListingDocument, { filter: { organisation: gid[EZ] } });
    const references = listing.processingActivities.edges.map((e) => e.node.reference);
    expect(references.filter((r) => r === 'HLT-SHARED-3')).toHaveLength(1);
    expect(listing.processingActivities.totalCount).toBe(references.length);
    expect(listing.processingActivities.totalCount).toBe(ezAfter.publishedActivityCount);
    expect(listing.facets.total).toBe(listing.processingActivities.totalCount);
    expect(listing.processingActivities.edges.find((e) => e.node.reference === 'HLT-SHARED-3')).toMatchObject({ isAdopted: true, node: { organisation: { name: HLTSAMEN } } });
    expect(listing.processingActivities.edges.find((e) => e.node.reference === 'M10495')).toMatchObject({ isAdopted: false });
    // Per organisation: HLTsamen owns the adopted ones (HLT-SHARED-2, adopted by RVO before, and HLT-SHARED-3); EZ and RVO list what they own and adopted.
    const facet = Object.fromEntries(listing.facets.organisations.map((o) => [o.organisation.name, o.count]));
    expect(facet[HLTSAMEN]).toBe(listing.processingActivities.edges.filter((e) => e.node.organisation.name === HLTSAMEN).length);
    expect(facet[HLTSAMEN]).toBe(2);
    expect(facet[EZ]).toBe(ezAfter.ownCount);
    expect(facet[RVO]).toBe(rvoAfter.ownCount);
  });

  it('the owner’s withdrawal takes the record out of every listing at once; the adoptions stay and return with a new publication', async () => {
    const adopted = await publish('HLT-SHARED-4').then(() => adopt(lisse, 'HLT-SHARED-4'));
    await adopt(hillegom, 'HLT-SHARED-4');
    const before = await lastPosition();
    const withdrawn = await hlt.query(WithdrawProcessingActivityDocument, { input: { activity: { reference: 'HLT-SHARED-4' } } });
    expect(withdrawn.withdrawProcessingActivity.changed).toBe(true);
    for (const name of [LISSE, HILLEGOM, HLTSAMEN]) expect(await listed(name)).not.toContain('HLT-SHARED-4 (adopted)');
    expect(await listed(HLTSAMEN)).not.toContain('HLT-SHARED-4');
    expect((await register(LISSE)).publishedActivityCount).toBe(1);
    expect(await changesAfter(before)).toEqual([{ kind: 'REMOVED', reference: 'HLT-SHARED-4', organisation: { name: HLTSAMEN }, record: null }]);
    const adoptions = await lisse.query(AdoptionsDocument, {});
    expect(adoptions.adoptions.nodes.find((n) => n.reference === 'HLT-SHARED-4')).toMatchObject({ isPublic: false, publicTitle: null });

    // A participant can leave a record that is no longer public (it adopted it, so it can name it).
    expect(await leave(lisse, { id: adopted.activityId! })).toMatchObject({ changed: true, errors: [] });
    const republished = await lastPosition();
    await publish('HLT-SHARED-4', { title: 'Opnieuw gepubliceerd' });
    expect(await listed(HILLEGOM)).toEqual(['GEM-CHATBOT (adopted)', 'HLT-SHARED-4 (adopted)']);
    expect(await listed(LISSE)).toEqual(['GEM-CHATBOT (adopted)']);
    expect(await changesAfter(republished)).toEqual([{ kind: 'PUBLISHED', reference: 'HLT-SHARED-4', organisation: { name: HLTSAMEN }, record: { sharedWith: [{ name: HILLEGOM }] } }]);
  });

  it('REPLACE by a participant reconciles its own records only: an adopted record is neither withdrawn nor left', async () => {
    const gem = await server.db.orm.em.fork().findOneOrFail(ProcessingActivity, { reference: 'GEM-CHATBOT' }, { populate: ['versions'] });
    const replaced = await sync(lisse, { mode: 'REPLACE', records: [record('L-EIGEN-1')] });
    expect(replaced.results.map((r) => `${r.reference} ${r.outcome}`)).toEqual(['L-EIGEN-1 CREATED']);
    const emptied = await sync(lisse, { mode: 'REPLACE', records: [], confirmWithdrawAll: true });
    expect(emptied.results.map((r) => `${r.reference} ${r.outcome}`)).toEqual(['L-EIGEN-1 WITHDRAWN']);
    expect(await listed(LISSE)).toEqual(['GEM-CHATBOT (adopted)']);
    const after = await server.db.orm.em.fork().findOneOrFail(ProcessingActivity, { reference: 'GEM-CHATBOT' }, { populate: ['versions'] });
    expect(after.versions.getItems().map((v) => [v.versionNumber, v.status])).toEqual(gem.versions.getItems().map((v) => [v.versionNumber, v.status]));
    expect(await server.db.orm.em.fork().count(ProcessingActivityParticipant, { activity: gem.id })).toBe(3);
  });

  it('a record that moves to an organisation that adopted it is that organisation’s own: listed once, no longer as adopted', async () => {
    await publish('HLT-SHARED-5');
    await adopt(lisse, 'HLT-SHARED-5');
    await adopt(hillegom, 'HLT-SHARED-5');
    // An organisation move (written by hand here, as any writer may): the projector follows at commit.
    await server.db.orm.em.fork().nativeUpdate(ProcessingActivity, { reference: 'HLT-SHARED-5' }, { organisation: await organisationId(server.db.orm, LISSE) });
    const edge = (await register(LISSE)).processingActivities.edges.filter((e) => e.node.reference === 'HLT-SHARED-5');
    expect(edge.map((e) => [e.isAdopted, e.node.organisation.name, e.node.sharedWith.map((o) => o.name)])).toEqual([[false, LISSE, [HILLEGOM]]]);
    expect(await listed(HILLEGOM)).toContain('HLT-SHARED-5 (adopted)');
    expect(await listed(HLTSAMEN)).not.toContain('HLT-SHARED-5');
    await server.db.orm.em.fork().nativeUpdate(ProcessingActivity, { reference: 'HLT-SHARED-5' }, { organisation: await organisationId(server.db.orm, HLTSAMEN) });
    expect(await listed(LISSE)).toContain('HLT-SHARED-5 (adopted)');
    expect(await leave(lisse, { reference: 'HLT-SHARED-5', organisation: { id: gid[HLTSAMEN] } })).toMatchObject({ changed: true, errors: [] });
    expect(await listed(LISSE)).toEqual(['GEM-CHATBOT (adopted)']);
  });

  it('stores several controllers, each with its own role, and shows them in the export, the public record and every download', async () => {
    const gemeente = { name: 'Gemeente Lisse', kind: 'Gemeente', organisationTooi: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553' };
    const roles = ['burgemeester', 'college van burgemeester en wethouders', 'gemeenteraad'];
    const controllers = roles.map((roleDescription) => ({ ...gemeente, roleDescription }));
    const written = await sync(lisse, { records: [record('L-RAAD', { title: 'Raadsinformatie', controllers, publish: true })] });
    expect(written.results.map((r) => [r.outcome, r.errors])).toEqual([['CREATED', []]]);

    // Stored and exported as sent: sending the export back changes nothing.
    const exported = await lisse.query<{ exportProcessingActivities: { nodes: Record<string, unknown>[] } }>(
      `{ exportProcessingActivities(references: ["L-RAAD"]) { nodes { reference controllers { name roleDescription kind organisationTooi } } } }`,
    );
    expect(exported.exportProcessingActivities.nodes).toEqual([{ reference: 'L-RAAD', controllers }]);
    expect((await sync(lisse, { records: [record('L-RAAD', { title: 'Raadsinformatie', controllers, publish: true })] })).results[0].outcome).toBe('UNCHANGED');

    const pub = await register(LISSE);
    const node = pub.processingActivities.edges.find((e) => e.node.reference === 'L-RAAD')!;
    expect(node.isAdopted).toBe(false);
    expect(node.node.controllers).toEqual(roles.map((roleDescription) => ({ name: 'Gemeente Lisse', roleDescription })));

    const csv = await (await fetch(`${server.url}/open-data/processing-activities.csv?organisation=${encodeURIComponent(gid[LISSE])}`)).text();
    const { parse } = await import('csv-parse/sync');
    const rows: Record<string, string>[] = parse(csv.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows.map((r) => [r.reference, r.controller_roles, r.shared_with])).toEqual([
      ['GEM-CHATBOT', '', 'Gemeente Hillegom | Gemeente Lisse | Gemeente Teylingen'],
      ['L-RAAD', roles.join(' | '), ''],
    ]);
    const ndjson = (await (await fetch(`${server.url}/open-data/processing-activities.ndjson?organisation=${encodeURIComponent(gid[LISSE])}&subOrganisations=false`)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(ndjson.map((r) => [r.reference, r.controllers.map((c: { roleDescription: string | null }) => c.roleDescription)])).toEqual([
      ['GEM-CHATBOT', [null]],
      ['L-RAAD', roles],
    ]);
    type Graph = { '@graph': { 'dct:identifier': string; 'dpv:hasJointDataControllers'?: { 'dpv:hasDataController': Record<string, unknown>[] } }[] };
    const { '@graph': graph } = (await (await fetch(`${server.url}/open-data/processing-activities.jsonld?organisation=${encodeURIComponent(gid[LISSE])}`)).json()) as Graph;
    const raad = graph.find((n) => n['dct:identifier'] === 'L-RAAD')!;
    expect(raad['dpv:hasJointDataControllers']!['dpv:hasDataController'].map((c) => [c['@id'], c['dct:description']])).toEqual(roles.map((r) => [gemeente.organisationTooi, r]));
    // A record with one controller says so with dpv:hasDataController alone.
    expect(graph.find((n) => n['dct:identifier'] === 'GEM-CHATBOT')!['dpv:hasJointDataControllers']).toBeUndefined();

    // A role is public text: checked like the other texts before publication, and bounded.
    const personal = await sync(lisse, { records: [record('L-RAAD-2', { controllers: [{ ...gemeente, roleDescription: 'burgemeester, j.jansen@lisse.nl' }], publish: true })] });
    expect(personal.results[0].errors.map((e) => [e.code, e.path])).toEqual([['PERSONAL_EMAIL', ['records', '0', 'controllers', '0', 'roleDescription']]]);
    const long = await sync(lisse, { records: [record('L-RAAD-3', { controllers: [{ ...gemeente, roleDescription: 'x'.repeat(5000) }] })] });
    expect(long.results[0].errors.map((e) => [e.code, e.path])).toEqual([['TOO_LONG', ['records', '0', 'controllers', '0', 'roleDescription']]]);
  });
});
