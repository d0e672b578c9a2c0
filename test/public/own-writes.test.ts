import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { type App, createApp } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { DEFENSIE, issueToken } from '../sync/support/sync-helpers';

/**
 * A caller that withdraws a record and reads the register again at once must not get the cached
 * answer from before its withdrawal, even when the notification of the change has not reached
 * this process yet (it travels separately and may come milliseconds later). The test holds the
 * notification back by pausing the listener's socket, so the race is decided, not left to timing.
 */
let db: TestDatabase;
let app: App;
let server: Server;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await createApp(db.orm, { responseCache: true });
  server = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (let i = 0; i < 100 && !app.changes.connected; i++) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await app?.stop();
  await db?.close();
});

const LIST = '{ processingActivities(first: 20) { edges { node { reference } } } }';
const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { cache: res.headers.get('x-response-cache'), body: (await res.json()) as any };
};

test('a withdrawal answered by this process is never followed by its cached answer from before', async () => {
  const references = (b: any) => b.data.processingActivities.edges.map((e: { node: { reference: string } }) => e.node.reference);
  await post('/graphql', { query: LIST });
  const primed = await post('/graphql', { query: LIST });
  expect(primed.cache).toBe('hit');
  expect(references(primed.body)).toContain('D2717');

  const token = await issueToken(db.orm, DEFENSIE);
  // Hold back the notification of the withdrawal: the listener reads nothing until resumed.
  const socket = (app.changes as unknown as { client: { connection: { stream: Socket } } }).client.connection.stream;
  socket.pause();
  try {
    const withdrawn = await post(
      '/sync/graphql',
      { query: 'mutation { withdrawProcessingActivity(input: { activity: { reference: "D2717" } }) { changed errors { code } } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(withdrawn.body.data.withdrawProcessingActivity).toEqual({ changed: true, errors: [] });
    const after = await post('/graphql', { query: LIST });
    expect(after.cache).not.toBe('hit');
    expect(references(after.body)).not.toContain('D2717');
  } finally {
    socket.resume();
  }
});
