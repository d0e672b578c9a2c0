import type { Client } from 'pg';
import { RegisterChanges } from '../../src/server/register-changes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The listener asks the primary for its WAL position after each change only where something reads
 * it (read replicas). A sync batch is a local write: without replicas it costs the listener nothing.
 */
describe('the register listener', () => {
  let db: TestDatabase;
  const started: RegisterChanges[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(started.map((c) => c.stop()));
    await db.close();
  });

  const listening = async (positions: boolean) => {
    const changes = new RegisterChanges(db.url, { positions });
    started.push(changes);
    await changes.start();
    expect(changes.connected).toBe(true);
    const client = (changes as unknown as { client: Client }).client;
    const queries: string[] = [];
    const query = client.query.bind(client) as (text: string) => Promise<unknown>;
    (client as unknown as { query: (text: string) => Promise<unknown> }).query = (text: string) => {
      queries.push(text);
      return query(text);
    };
    const origins: string[] = [];
    changes.on('changed', (origin) => origins.push(origin));
    const positions_: bigint[] = [];
    changes.on('position', (p) => positions_.push(p));
    return { changes, queries, origins, positions: positions_ };
  };
  const notify = () => db.orm.em.getConnection().execute(`select pg_notify('public_register_changed', '')`);
  const settle = () => new Promise((r) => setTimeout(r, 200));

  it('without read replicas, tells of local writes and notifications and asks the primary nothing', async () => {
    const l = await listening(false);
    l.changes.localWrite();
    await notify();
    await settle();
    expect(l.origins).toEqual(['local', 'notification']);
    expect(l.queries).toEqual([]);
    expect(l.positions).toEqual([]);
  });

  it('with read replicas, reads the position after each of them', async () => {
    const l = await listening(true);
    l.changes.localWrite();
    await settle();
    await notify();
    await settle();
    expect(l.origins).toEqual(['local', 'notification']);
    expect(l.queries).toHaveLength(2);
    expect(l.positions).toHaveLength(2);
    expect(l.positions[1]).toBeGreaterThanOrEqual(l.positions[0]);
    expect(l.changes.position).toBe(l.positions[1]);
  });
});
