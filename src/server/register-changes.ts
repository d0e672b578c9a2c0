import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { parseWalPosition } from '../database/wal-position';

export const PUBLIC_REGISTER_CHANNEL = 'public_register_changed';

/**
 * The one LISTEN connection of an API process, on the primary: every write to a table the public
 * surface reads fires NOTIFY public_register_changed at commit (database triggers, migration
 * 20261123114147), from any writer and any API process.
 *
 * Besides "something changed", it knows WHERE in the primary's WAL the latest change ends
 * (`position`), so a read replica can be trusted only once it has replayed that far
 * (read-replicas.ts). The position is asked of the primary on this connection right after each
 * notification arrives rather than carried in the payload: a trigger runs before its
 * transaction's commit record is written, so no position it could put in the payload covers
 * the commit, while a notification is only delivered after the commit, so the insert position
 * read after it does. While that answer is on its way, and while the connection is down, the
 * position is unknown (null): nothing may then be trusted but the primary itself.
 *
 * The position is asked only when something reads it (`positions`: read replicas are configured):
 * otherwise each write would cost this process a query it never uses.
 *
 * Events: 'changed' (synchronously on each notification, before the new position is known, with
 * 'notification'; or on this process's own write, with 'local'), 'connected' (listening, position
 * known), 'lost' (connection down; it retries every second).
 */
export class RegisterChanges extends EventEmitter<{ changed: [origin: 'notification' | 'local']; connected: []; lost: []; position: [bigint] }> {
  private client: Client | null = null;
  private stopped = false;
  private notified = 0;
  private latest: bigint | null = null;
  connected = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly options: { positions: boolean } = { positions: true },
  ) {
    super();
  }

  /** The primary's WAL position that covers every change notified so far; null while unknown. */
  get position(): bigint | null {
    return this.connected ? this.latest : null;
  }

  /** Resolves once listening (or once the first attempt failed: it then retries in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'verwerkingsregister listener' });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      const wasConnected = this.connected;
      this.connected = false;
      this.latest = null;
      if (wasConnected) this.emit('lost');
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.connect(), 1_000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel !== PUBLIC_REGISTER_CHANNEL) return;
      const seen = ++this.notified;
      this.latest = null;
      this.emit('changed', 'notification');
      if (!this.options.positions) return;
      // Asked after the notification arrived, hence after its commit; queries on one client answer in order.
      insertPosition(client).then(
        (position) => {
          if (seen === this.notified && this.client === client) this.advance(position);
        },
        () => undefined, // the connection's 'error' handler takes over
      );
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_REGISTER_CHANNEL}`);
      // Listening from here on: everything committed before is covered by this position.
      const seen = this.notified;
      const position = await insertPosition(client);
      if (this.client !== client) return;
      this.connected = true;
      if (seen === this.notified) this.advance(position);
      this.emit('connected');
    } catch {
      lost();
    }
  }

  /**
   * This process has just committed a write (a sync mutation, before its answer is sent): what is
   * derived from the register is dropped now rather than when the write's notification arrives,
   * milliseconds later and possibly after the caller has already read again; and replicas are
   * trusted again only up to a position read after that commit, as for a notification.
   */
  localWrite(): void {
    const client = this.client;
    if (!this.connected || !client) return; // the caches are bypassed while not listening
    const seen = ++this.notified;
    this.latest = null;
    this.emit('changed', 'local');
    if (!this.options.positions) return;
    insertPosition(client).then(
      (position) => {
        if (seen === this.notified && this.client === client) this.advance(position);
      },
      () => undefined,
    );
  }

  private advance(position: bigint): void {
    this.latest = position;
    this.emit('position', position);
  }
}

/**
 * The insert position, not the write or flush position: with synchronous_commit off (the bench
 * sets it) a notified commit record may not be written yet. A replica's replay reaches it once
 * the records before it are flushed; when it sits just past a page header, once the next record
 * is written (the background writer logs one periodically on a primary with replicas).
 */
async function insertPosition(client: Client): Promise<bigint> {
  const { rows } = await client.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  return parseWalPosition(rows[0].lsn);
}
