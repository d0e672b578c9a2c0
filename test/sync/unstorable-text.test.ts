import { AuditLogEntry } from '../../src/modules/audit/audit-log-entry.entity';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes, DEFENSIE, issueToken, record, sync } from './support/sync-helpers';

const NUL = '\u0000';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

/** Strings PostgreSQL cannot store as sent: a NUL byte, and lone UTF-16 surrogates (which JSON carries as \ud800 escapes). */
describe('text the database cannot store (NUL, lone surrogates)', () => {
  let server: TestServer;
  let defensie: ReturnType<TestServer['syncClient']>;

  beforeAll(async () => {
    server = await startTestServer();
    defensie = server.syncClient(await issueToken(server.db.orm, DEFENSIE));
  });
  afterAll(() => server?.close());

  const refusedAsInput = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

  it('is a field error of the one record that holds it, in any string field; the other records of the batch are written', async () => {
    const base = record('X');
    const records = [
      record('UNSTORABLE-OK-1'),
      record(`UNSTORABLE-NUL${NUL}`),
      record('UNSTORABLE-SURROGATE', { description: `half a smiley ${LONE_HIGH}` }),
      record('UNSTORABLE-INTERNAL', { internal: { remarks: ['fine', `trailing low ${LONE_LOW}`] } }),
      record('UNSTORABLE-DPIA-KEY', { internal: { dpiaScreening: { answers: { [`q${NUL}1`]: true } } } }),
      record('UNSTORABLE-NESTED', { purposes: [{ ...(base.purposes as object[])[0], description: `purpose ${NUL}` }] }),
      record('UNSTORABLE-OK-2'),
    ];
    const res = await sync(defensie, { records });
    expect(res.errors).toEqual([]);
    expect(res.committed).toBe(true);
    const byIndex = res.results.map((r) => ({ index: r.index, outcome: r.outcome, errors: r.errors.filter((e) => e.code === 'INVALID_CHARACTERS').map((e) => e.path) }));
    expect(byIndex).toEqual([
      { index: 0, outcome: 'CREATED', errors: [] },
      { index: 1, outcome: 'FAILED', errors: [['records', '1', 'reference']] },
      { index: 2, outcome: 'FAILED', errors: [['records', '2', 'description']] },
      { index: 3, outcome: 'FAILED', errors: [['records', '3', 'internal', 'remarks', '1']] },
      { index: 4, outcome: 'FAILED', errors: [['records', '4', 'internal', 'dpiaScreening', 'answers', 'q\uFFFD1']] },
      { index: 5, outcome: 'FAILED', errors: [['records', '5', 'purposes', '0', 'description']] },
      { index: 6, outcome: 'CREATED', errors: [] },
    ]);
    // Nothing raw reached the answer or the database: the echoed reference is made storable.
    expect(JSON.stringify(res)).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    const em = server.db.orm.em.fork();
    expect((await em.find(ProcessingActivity, { reference: { $like: 'UNSTORABLE-%' } })).map((a) => a.reference).sort()).toEqual(['UNSTORABLE-OK-1', 'UNSTORABLE-OK-2']);
    const audit = await em.find(AuditLogEntry, { reference: { $like: 'UNSTORABLE-%' } });
    expect(audit.map((e) => [e.reference, e.outcome]).sort()).toEqual(
      [
        ['UNSTORABLE-DPIA-KEY', 'FAILED'],
        ['UNSTORABLE-INTERNAL', 'FAILED'],
        ['UNSTORABLE-NESTED', 'FAILED'],
        ['UNSTORABLE-NUL\uFFFD', 'FAILED'],
        ['UNSTORABLE-OK-1', 'CREATED'],
        ['UNSTORABLE-OK-2', 'CREATED'],
        ['UNSTORABLE-SURROGATE', 'FAILED'],
      ].sort(),
    );
  });

  it('the same in a dry run, an all-or-nothing batch, REPLACE and with an idempotency key (whose answer is stored)', async () => {
    const records = [record('UNSTORABLE-DRY-1'), record(`UNSTORABLE-DRY-${LONE_LOW}`)];
    const dry = await sync(defensie, { records, dryRun: true });
    expect(dry.results.map((r) => [r.outcome, r.errors.map((e) => e.code)])).toEqual([['CREATED', []], ['FAILED', expect.arrayContaining(['INVALID_CHARACTERS'])]]);
    const all = await sync(defensie, { records, allOrNothing: true, idempotencyKey: 'unstorable-1' });
    expect(all.committed).toBe(false);
    expect(all.results.map((r) => r.outcome)).toEqual(['FAILED', 'FAILED']);
    const again = await sync(defensie, { records, allOrNothing: true, idempotencyKey: 'unstorable-1' });
    expect(again.replayed).toBe(true);
    const keyed = await sync(defensie, { records, idempotencyKey: 'unstorable-2' });
    expect(keyed.results.map((r) => r.outcome)).toEqual(['CREATED', 'FAILED']);
  });

  it('an unstorable idempotency key is an error of that field, and nothing is written', async () => {
    const res = await sync(defensie, { records: [record('UNSTORABLE-KEY-1')], idempotencyKey: `k${NUL}` });
    expect(res.committed).toBe(false);
    expect(res.errors.map((e) => [e.code, e.path])).toEqual([['INVALID_CHARACTERS', ['idempotencyKey']]]);
    expect(await server.db.orm.em.fork().count(ProcessingActivity, { reference: 'UNSTORABLE-KEY-1' })).toBe(0);
  });

  it('in a lookup on the sync surface is a clear BAD_USER_INPUT, never an internal error', async () => {
    const lookups: [string, Record<string, unknown>][] = [
      [`query($r: String!) { processingActivity(activity: { reference: $r }) { reference } }`, { r: `D2717${NUL}` }],
      [`query($t: String!) { processingActivity(activity: { organisation: { tooiUri: $t }, reference: "D2717" }) { reference } }`, { t: `https://identifier.overheid.nl/tooi/id/ministerie/mnre1034${NUL}` }],
      [`query($o: String!) { processingActivities(organisation: { oin: $o }) { totalCount } }`, { o: `0000000100000001${NUL}000` }],
      [`query($r: String!) { auditLog(reference: $r) { nodes { id } } }`, { r: `D${LONE_HIGH}` }],
      [`mutation($r: String!) { withdrawProcessingActivity(input: { activity: { reference: $r } }) { changed errors { code } } }`, { r: `D2717${NUL}` }],
    ];
    for (const [query, variables] of lookups) {
      const res = await defensie.request(query, variables);
      expect({ query, status: res.status, codes: refusedAsInput(res), reason: res.errors?.[0]?.extensions?.reason }).toEqual({ query, status: 200, codes: ['BAD_USER_INPUT'], reason: 'INVALID_CHARACTERS' });
      expect(res.raw).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    }
  });

  it("in a batch's organisation is an error of the batch (in its payload, like every refusal of a batch), and nothing is written", async () => {
    const res = await sync(defensie, { organisation: { tooiUri: `https://identifier.overheid.nl/tooi/id/ministerie/mnre1034${NUL}` }, records: [record('UNSTORABLE-ORG-1')] });
    expect(res.committed).toBe(false);
    expect(res.errors.map((e) => [e.code, e.path])).toEqual([['INVALID_CHARACTERS', ['organisation', 'tooiUri']]]);
    expect(await server.db.orm.em.fork().count(ProcessingActivity, { reference: 'UNSTORABLE-ORG-1' })).toBe(0);
  });

  it('in a lookup on the public surface is a clear BAD_USER_INPUT or nothing found (organisation by TOOI URI or OIN, record by reference, search, filters)', async () => {
    const lookups: [string, Record<string, unknown>][] = [
      [`query($t: String) { organisation(tooi: $t) { name } }`, { t: `https://identifier.overheid.nl/tooi/id/ministerie/mnre1034${NUL}` }],
      [`query($o: String) { organisation(oin: $o) { name } }`, { o: `${LONE_LOW}00000001000000010000` }],
      [`query($r: String!) { processingActivityByReference(organisation: "x", reference: $r) { title } }`, { r: `D2717${NUL}` }],
      [`query($s: String) { processingActivities(search: $s) { totalCount } }`, { s: `privacy ${NUL}` }],
      [`query($s: String) { processingActivities(filter: { dataSubject: $s }) { totalCount } }`, { s: `burgers ${LONE_HIGH}` }],
      [`query($s: String) { facets(search: $s) { __typename } }`, { s: `x${NUL}` }],
    ];
    for (const [query, variables] of lookups) {
      const res = await server.publicClient.request(query, variables);
      // Refused as input, or answered like any unknown key: null, without an error.
      const answer = res.errors?.length ? { codes: refusedAsInput(res) } : { values: Object.values(res.data ?? {}).filter((v) => v !== null && !(typeof v === 'object' && (v as { totalCount?: number }).totalCount === 0)) };
      expect({ query, answer }).toEqual({ query, answer: res.errors?.length ? { codes: ['BAD_USER_INPUT'] } : { values: [] } });
      expect(res.raw).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    }
  });

  it('a forged RELEVANCE cursor with an out-of-range rank (1e308) is BAD_USER_INPUT "invalid cursor"', async () => {
    const page = await server.publicClient.query<{ processingActivities: { edges: { node: { id: string } }[] } }>(`{ processingActivities(search: "gegevens", first: 1) { edges { node { id } } } }`);
    const id = '00000000-0000-0000-0000-000000000000';
    for (const rank of [1e308, -1e308, 3.5e38]) {
      const after = Buffer.from(`["RELEVANCE",${rank},"${id}"]`).toString('base64url');
      const res = await server.publicClient.request(`query($a: String) { processingActivities(search: "gegevens", first: 1, after: $a) { edges { node { id } } } }`, { a: after });
      expect({ rank, codes: codes(res), message: res.errors?.[0]?.message }).toEqual({ rank, codes: ['BAD_USER_INPUT'], message: expect.stringMatching(/invalid cursor/i) });
    }
    expect(page.processingActivities.edges.length).toBeLessThanOrEqual(1);
  });
});
