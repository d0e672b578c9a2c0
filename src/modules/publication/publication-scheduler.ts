import type { Knex } from '@mikro-orm/postgresql';
import { applyDuePublications, earliestScheduledPublication } from './projector';

/** How often the next moment is re-read while notifications may be missed (no LISTEN connection). */
const POLL_MS = 1_000;
/** setTimeout fires at once beyond 2^31 ms; the poll re-arms the timer long before this anyway. */
const MAX_TIMER_MS = 60_000;

/**
 * Applies scheduled publications when their moment comes, in every API process: a timer at the
 * earliest scheduled moment, under an advisory lock so that one process applies it (the others
 * find it done). On start it catches up on everything that came due while no process ran.
 *
 * The earliest moment is re-read on every notification of a change (a new schedule comes with
 * one), and every second while the process's LISTEN connection is down (`live(false)`).
 *
 * A request must not see the register as it was before a moment that has passed, even for the
 * milliseconds before the timer's transaction commits: `current()` makes a request that comes
 * after a known moment wait for it to be applied (by this process or another).
 */
export class PublicationScheduler {
  private next: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private applying: Promise<unknown> | null = null;
  private waiting: Promise<unknown> | null = null;
  private stopped = false;
  private listening = false;

  constructor(
    private readonly knex: Knex,
    /** Told how many records each application of due publications made public (for the metrics). */
    private readonly onApplied: (records: number) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    this.onApplied(await applyDuePublications(this.knex));
    await this.refresh();
    if (!this.listening) this.live(false);
  }

  /** The LISTEN connection is up (notifications arrive: no polling) or down (poll every second). */
  live(live: boolean): void {
    this.listening = live;
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    if (live) void this.refresh().catch(() => undefined);
    else if (!this.stopped) this.poller = setInterval(() => void this.refresh().catch(() => undefined), POLL_MS).unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
  }

  /** Re-reads the earliest scheduled moment (on a notification, after applying, on the poll) and sets the timer. */
  async refresh(): Promise<void> {
    const next = await earliestScheduledPublication(this.knex);
    this.next = next?.getTime() ?? null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.next === null || this.stopped) return;
    // A moment already due is being applied by another process: look again shortly, not in a busy loop.
    this.timer = setTimeout(() => this.onTimer(), Math.min(MAX_TIMER_MS, Math.max(this.next <= Date.now() ? 50 : 0, this.next - Date.now()))).unref();
  }

  /** Resolves once every scheduled moment up to now that this process knows of is applied. */
  async current(): Promise<void> {
    if (!this.due()) return;
    // The timer's attempt may have stepped aside for another process: then wait for that one.
    await this.applying?.catch(() => undefined);
    if (!this.due()) return;
    this.waiting ??= applyDuePublications(this.knex)
      .then((records) => this.onApplied(records))
      .then(() => this.refresh())
      .finally(() => {
        this.waiting = null;
      });
    await this.waiting;
  }

  private due(): boolean {
    return this.next !== null && this.next <= Date.now();
  }

  private onTimer(): void {
    this.applying ??= applyDuePublications(this.knex, { onlyIfFree: true })
      .then((records) => this.onApplied(records))
      .then(() => this.refresh())
      .catch(() => undefined)
      .finally(() => {
        this.applying = null;
      });
  }
}
