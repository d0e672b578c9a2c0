import { type Knex, type MikroORM, PostgreSqlConnection } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { parseWalPosition } from './wal-position';

/** How the connections of a process show in pg_stat_activity.application_name on a replica. */
export const REPLICA_READ_APPLICATION = 'verwerkingsregister public read';
export const REPLICA_PROBE_APPLICATION = 'verwerkingsregister replica probe';

export interface ReadReplicaOptions {
  /** How often a replica behind the latest change is asked how far it has replayed. */
  catchUpPollMs?: number;
  /** How often a replica that is caught up (or down) is asked anyway: its health. */
  healthPollMs?: number;
  /** statement_timeout of the replicas' read connections, in ms (0: none): the same bound as the public pool on the primary. */
  statementTimeoutMs?: number;
}

/** What /readyz says of the replicas: how many may serve reads now. */
export interface ReplicaHealth {
  total: number;
  healthy: number;
}

interface Replica {
  /** host:port/database, without credentials (for logs). */
  name: string;
  connection: PostgreSqlConnection;
  knex: Knex;
  /** One connection of its own for the position checks, so they never queue behind requests. */
  probe: Pool;
  /** WAL position replayed at the last check; -1 before the first one. */
  replayed: bigint;
  healthy: boolean;
  checking: boolean;
  timer: NodeJS.Timeout | null;
  warned: boolean;
}

/**
 * The read replicas (DATABASE_READ_URL) and the choice, for each public request, of the pool
 * its reads go to.
 *
 * A replica is only chosen when it has replayed at least the primary's WAL position of the
 * latest change the process knows of (register-changes.ts), so its answer is as fresh as the
 * primary's would have been when the request began, and the response cache may keep it. A
 * replica that is behind is not waited for: the request reads the primary (always current) and
 * the replica is asked again every catchUpPollMs until it has caught up. Unknown position
 * (listener down or a notification's position still on its way), no replica caught up, or none
 * healthy: the primary.
 *
 * A process reads from one replica at a time, its first choice while that one is healthy and
 * caught up, not round robin: replicas lag by different amounts, and alternating between them
 * could show a change and then hide it again before the change's notification has arrived.
 * The first choice differs between processes (by process id), which spreads N processes over
 * the replicas.
 *
 * A server that is not in recovery is never used as a replica: after a failover the promoted
 * server is the new primary (DATABASE_URL), and one that no longer follows the primary would
 * never see its writes.
 */
export class ReadReplicas {
  /** In order of preference: this process's first choice first. */
  private readonly replicas: Replica[];
  private readonly catchUpPollMs: number;
  private readonly healthPollMs: number;
  private target = -1n;
  private stopped = false;
  /** Public requests routed to a replica / to the primary. */
  readonly stats = { replica: 0, primary: 0 };

  constructor(
    private readonly orm: MikroORM,
    urls: readonly string[],
    options: ReadReplicaOptions = {},
  ) {
    this.catchUpPollMs = options.catchUpPollMs ?? 25;
    this.healthPollMs = options.healthPollMs ?? 1_000;
    const statementTimeout = options.statementTimeoutMs ? { statement_timeout: Math.round(options.statementTimeoutMs) } : {};
    const firstChoice = process.pid % Math.max(urls.length, 1);
    this.replicas = [...urls.slice(firstChoice), ...urls.slice(0, firstChoice)].map((url) => {
      // The ORM's own connection class and settings (pool size, pg type parsers), another server;
      // public reads only, so they carry the public surface's statement timeout.
      const connection = new PostgreSqlConnection(
        orm.config,
        { clientUrl: url, driverOptions: { connection: { application_name: REPLICA_READ_APPLICATION, ...statementTimeout } } },
        'read',
      );
      const replica: Replica = {
        name: describeUrl(url),
        connection,
        knex: connection.getKnex(),
        probe: new Pool({ connectionString: url, max: 1, application_name: REPLICA_PROBE_APPLICATION, connectionTimeoutMillis: 2_000 }),
        replayed: -1n,
        healthy: false,
        checking: false,
        timer: null,
        warned: false,
      };
      replica.probe.on('error', () => undefined); // an idle probe connection lost: the next check reconnects
      this.schedule(replica, 0);
      return replica;
    });
  }

  get count(): number {
    return this.replicas.length;
  }

  /** As of each replica's last check (at most healthPollMs old). */
  health(): ReplicaHealth {
    return { total: this.replicas.length, healthy: this.replicas.filter((r) => r.healthy).length };
  }

  /**
   * The knex a public request reads with: the first healthy replica that has replayed at least
   * `position`, else `primary` (the caller's pool on the primary). `position` null means unknown: the primary.
   */
  knexFor(position: bigint | null, primary: Knex = this.orm.em.getKnex()): Knex {
    if (position !== null) {
      this.advanceTo(position);
      const replica = this.replicas.find((r) => r.healthy && r.replayed >= position);
      if (replica) {
        this.stats.replica++;
        return replica.knex;
      }
    }
    this.stats.primary++;
    return primary;
  }

  /** A change up to `position` exists: check the replicas that are behind it now rather than at their next health check. */
  advanceTo(position: bigint): void {
    if (position <= this.target) return;
    this.target = position;
    for (const replica of this.replicas) if (replica.replayed < position && !replica.checking) this.schedule(replica, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(
      this.replicas.map(async (replica) => {
        if (replica.timer) clearTimeout(replica.timer);
        await Promise.all([replica.connection.close(), replica.probe.end().catch(() => undefined)]);
      }),
    );
  }

  private schedule(replica: Replica, ms: number): void {
    if (this.stopped) return;
    if (replica.timer) clearTimeout(replica.timer);
    replica.timer = setTimeout(() => void this.check(replica), ms);
    replica.timer.unref();
  }

  private async check(replica: Replica): Promise<void> {
    replica.timer = null;
    if (replica.checking || this.stopped) return;
    replica.checking = true;
    try {
      const { rows } = await replica.probe.query<{ standby: boolean; replayed: string | null }>('select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed');
      const { standby, replayed } = rows[0];
      replica.healthy = standby && replayed !== null;
      if (replayed !== null) replica.replayed = parseWalPosition(replayed);
      if (!standby && !replica.warned) {
        replica.warned = true;
        console.warn(`DATABASE_READ_URL ${replica.name} is not a standby (not in recovery): public reads will not use it`);
      }
    } catch {
      replica.healthy = false;
    } finally {
      replica.checking = false;
      const behind = replica.healthy && replica.replayed < this.target;
      this.schedule(replica, behind ? this.catchUpPollMs : this.healthPollMs);
    }
  }
}

/** host:port/database: a URL without its credentials. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
