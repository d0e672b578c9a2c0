import { ChangesDocument } from '../generated/public/graphql';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, mutate, record, sync } from '../sync/support/sync-helpers';
import { ALL_ACTIVITY_FIELDS } from './activity-fields';

/**
 * A mirror that follows the register through the change feed only ends with exactly the public
 * register: through publishes, new versions, a scheduled publication, a withdrawal, a withholding
 * and its lifting, drafts and a record withheld before it was ever public.
 *
 * The mirror keeps each record's own content. Two fields are left out of the comparison because
 * they describe other records, which an event of this record does not carry: the organisation's
 * publishedActivityCount and a related processing's resolved activity.
 */
const MIRRORED_FIELDS = ALL_ACTIVITY_FIELDS.replace(' publishedActivityCount', '').replace('activity { id title }', '');

type Change = { kind: 'PUBLISHED' | 'UPDATED' | 'REMOVED'; activityId: string; reference: string; record: { id: string; reference: string } | null };
type ChangesPage = { changes: { lastPosition: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Change }[] } };

describe('the change feed', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;
  verifyReadModelAfterEach(() => server.db.orm);

  /** The mirror: records by global id, as JSON text, and the log position it has applied. */
  const mirror = new Map<string, string>();
  const seen: Change[] = [];
  let position: string | null = null;

  /** Reads the feed from the stored position to its end, in small pages, applying each event. */
  async function follow(): Promise<void> {
    for (;;) {
      const data: ChangesPage = await server.publicClient.query(
        `query($after: String) { changes(after: $after, first: 3) { lastPosition pageInfo { hasNextPage endCursor } edges { cursor node { kind activityId reference record { ${MIRRORED_FIELDS} } } } } }`,
        { after: position },
      );
      for (const { node } of data.changes.edges) {
        seen.push(node);
        if (node.kind === 'REMOVED') mirror.delete(node.activityId);
        else if (node.record) mirror.set(node.activityId, JSON.stringify(node.record));
        // An event whose record has left the register since: its REMOVED event follows.
      }
      position = data.changes.pageInfo.endCursor ?? position;
      if (!data.changes.pageInfo.hasNextPage) {
        expect(position ?? '0').toBe(data.changes.lastPosition);
        return;
      }
    }
  }

  /** The public register as the listing answers it, as JSON text in reference order. */
  async function listing(): Promise<string> {
    const data = await server.publicClient.query<{ processingActivities: { edges: { node: { reference: string } }[] } }>(
      `{ processingActivities(first: 100, orderBy: REFERENCE_ASC) { edges { node { ${MIRRORED_FIELDS} } } } }`,
    );
    return `[${data.processingActivities.edges.map((e) => JSON.stringify(e.node)).join(',')}]`;
  }

  const mirrored = () =>
    `[${[...mirror.values()]
      .map((json) => ({ json, reference: (JSON.parse(json) as { reference: string }).reference }))
      .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
      .map((r) => r.json)
      .join(',')}]`;

  const publication = (field: string, inputType: string, input: Record<string, unknown>) => mutate(client, field, input, inputType);

  beforeAll(async () => {
    server = await startTestServer();
    client = server.syncClient(await issueToken(server.db.orm, 'Ministerie van Defensie'));
  });
  afterAll(() => server?.close());

  it('starts from position 0 with the register as seeded', async () => {
    await follow();
    expect(mirrored()).toBe(await listing());
    expect(mirror.size).toBeGreaterThan(0);
  });

  it('follows publishes, new versions, a scheduled publication, withdrawals and withholdings to exactly the public register', async () => {
    await sync(client, { records: ['M-1', 'M-2', 'M-3', 'M-4'].map((r) => ({ ...record(r), title: `Spiegel ${r}`, publish: true })) });
    await follow();
    expect(mirrored()).toBe(await listing());

    // A new published version, and a new draft (which the public does not see).
    await sync(client, { records: [{ ...record('M-1'), title: 'Spiegel M-1 herzien', publish: true }, { ...record('M-4'), title: 'Spiegel M-4 concept' }] });
    // A scheduled publication, a second from now.
    const publishFrom = new Date(Date.now() + 1_000);
    await sync(client, { records: [{ ...record('M-5'), title: 'Spiegel M-5 gepland', publish: true, publishFrom: publishFrom.toISOString() }] });
    await follow();
    expect(mirrored()).toBe(await listing());
    expect(seen.some((e) => e.reference === 'M-5')).toBe(false);

    await publication('withdrawProcessingActivity', 'WithdrawProcessingActivityInput', { activity: { reference: 'M-2' } });
    await publication('withholdProcessingActivity', 'WithholdProcessingActivityInput', { activity: { reference: 'M-3' }, reason: 'NATIONAL_SECURITY' });
    // Withheld before it was ever public: publishing it changes nothing the public sees.
    await sync(client, { records: [{ ...record('M-6'), title: 'Spiegel M-6 nooit openbaar' }] });
    await publication('withholdProcessingActivity', 'WithholdProcessingActivityInput', { activity: { reference: 'M-6' }, reason: 'OTHER' });
    await publication('publishProcessingActivity', 'PublishProcessingActivityInput', { activity: { reference: 'M-6' } });
    await new Promise((r) => setTimeout(r, Math.max(0, publishFrom.getTime() - Date.now()) + 50));
    await follow();
    expect(mirrored()).toBe(await listing());

    // Lifting the withholding brings M-3 back.
    await publication('unwithholdProcessingActivity', 'UnwithholdProcessingActivityInput', { activity: { reference: 'M-3' } });
    await follow();
    const final = await listing();
    expect(mirrored()).toBe(final);
    for (const reference of ['M-1', 'M-3', 'M-4', 'M-5']) expect(final).toContain(`"reference":"${reference}"`);
    expect(final).not.toContain('"reference":"M-2"');
    expect(final).not.toContain('Spiegel M-4 concept');

    const events = (reference: string) => seen.filter((e) => e.reference === reference).map((e) => e.kind);
    expect(events('M-1')).toEqual(['PUBLISHED', 'UPDATED']);
    expect(events('M-2')).toEqual(['PUBLISHED', 'REMOVED']);
    expect(events('M-3')).toEqual(['PUBLISHED', 'REMOVED', 'PUBLISHED']);
    expect(events('M-4')).toEqual(['PUBLISHED']);
    expect(events('M-5')).toEqual(['PUBLISHED']);
    expect(events('M-6')).toEqual([]);
  });

  it('resumes from any stored position and refuses one that is not a position', async () => {
    const all = await server.publicClient.query(ChangesDocument, { first: 500 });
    const edges = all.changes.edges;
    const middle = edges[Math.floor(edges.length / 2)].cursor;
    const rest = await server.publicClient.query(ChangesDocument, { after: middle, first: 500 });
    expect(rest.changes.edges).toEqual(edges.filter((e) => BigInt(e.cursor) > BigInt(middle)));
    expect(edges.every((e, i) => e.cursor === e.node.position && (i === 0 || BigInt(e.cursor) > BigInt(edges[i - 1].cursor)))).toBe(true);
    expect(rest.changes.lastPosition).toBe(edges.at(-1)!.cursor);
    const bad = await server.publicClient.request(`{ changes(after: "abc") { lastPosition } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
