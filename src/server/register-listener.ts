import { Client } from 'pg';
import { PUBLIC_REGISTER_CHANNEL } from './response-cache';

export interface RegisterSubscriber {
  /** The register (or the organisations, or a vocabulary) changed somewhere. */
  changed(): void;
  /** The listener is connected (true) or not (false): without it, changes go unnoticed. */
  live(live: boolean): void;
}

/**
 * One LISTEN connection on public_register_changed for what the process keeps of the register
 * besides the response cache (which has its own): the organisations and vocabularies
 * (reference-data.ts) and the publication scheduler's next moment. Reconnects after a second.
 */
export class RegisterListener {
  private client: Client | null = null;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly subscribers: RegisterSubscriber[],
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      for (const s of this.subscribers) s.live(false);
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.connect(), 1_000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === PUBLIC_REGISTER_CHANNEL) for (const s of this.subscribers) s.changed();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_REGISTER_CHANNEL}`);
      for (const s of this.subscribers) s.live(true);
    } catch {
      lost();
    }
  }
}
