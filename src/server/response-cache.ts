import type { Knex } from '@mikro-orm/postgresql';
import type express from 'express';
import { stripIgnoredCharacters } from 'graphql';
import type { LRUCache } from 'lru-cache';
import { boundedCache, cacheStats, type CacheStats } from '../modules/common/bounded-cache';
import { nextScheduledPublication } from '../modules/publication/public-scope';
import { isCompleteAnswer } from './http/graphql-answer';
import type { RegisterChanges } from './register-changes';

export interface ResponseCacheOptions {
  /** The process's LISTEN connection on the primary. */
  changes: RegisterChanges;
  /** The primary's: the next scheduled publication is read where it was written. */
  knex: Knex;
  maxEntries?: number;
  maxBytes?: number;
  /** Upper bound on an entry's life, whatever happens. */
  ttlMs?: number;
  /** Told of every hit, miss and invalidation (the metrics' counters). */
  onEvent?: (event: 'hit' | 'miss' | 'invalidation') => void;
}

interface Entry {
  /** Encoded once when stored: a hit sends these bytes as they are. */
  body: Buffer;
  contentType: string;
}

/**
 * A response cache for the public surface: complete answers (status 200, no errors) keyed by the
 * normalised document, operation name and variables, in a bounded in-process LRU.
 *
 * Never stale beyond a few milliseconds of notification delay, also across API processes sharing
 * one database: every write to a table the public surface reads fires NOTIFY
 * public_register_changed at commit (database triggers, migration 20261123114147), and every
 * process LISTENs on a connection of its own (register-changes.ts) and drops everything on a
 * notification. With read replicas, an answer is only computed on a replica that has replayed
 * the latest notified change (read-replicas.ts), so what is stored is never older. While that
 * connection is down (or not yet up) the cache is bypassed — nothing is served from it and nothing
 * stored — and it starts empty when the connection is back. Answers that began before an
 * invalidation are not stored. Time changes the register too (scheduled publications): entries
 * expire at the next publish-from moment, and after ttlMs at the latest.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private generation = 0;
  private listening = false;
  /** Entries are valid until this moment (ms); recomputed on every invalidation. */
  private validUntil = 0;
  private refreshing: Promise<void> | null = null;
  private stopped = false;
  /** Query text as sent → the same without ignored characters; up to a 64 kB text each, so bounded by bytes as well. */
  private readonly normalised: LRUCache<string, string>;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  readonly stats = { hits: 0, misses: 0, stores: 0, invalidations: 0 };

  constructor(private readonly options: ResponseCacheOptions) {
    const maxEntries = options.maxEntries ?? 2_000;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.entries = boundedCache<string, Entry>({ maxEntries, maxBytes: this.maxBytes }, (entry, key) => entry.body.byteLength + 2 * key.length);
    // The texts' share of the cache's memory: a sixteenth of the answers' bytes, as many entries.
    this.normalised = boundedCache<string, string>({ maxEntries, maxBytes: this.maxBytes / 16 }, (query, text) => 2 * (text.length + query.length));
  }

  /** Sizes of the answers and of the normalised query texts (tests, metrics). */
  sizes(): Record<string, CacheStats> {
    return { answers: cacheStats(this.entries), normalisedQueries: cacheStats(this.normalised) };
  }

  /** Follows the LISTEN connection (started by the caller); resolves once the cache is usable, or at once while that connection is down (the cache then stays bypassed until it is up). */
  async start(): Promise<void> {
    const { changes } = this.options;
    changes.on('changed', () => this.invalidate());
    changes.on('lost', () => {
      this.listening = false;
      this.invalidate();
    });
    changes.on('connected', () => void this.resume());
    if (changes.connected) await this.resume();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
  }

  /** Whether the LISTEN connection is up (the cache is bypassed while it is not): a readiness check. */
  isListening(): boolean {
    return this.listening;
  }

  /** Drops every entry; answers already being computed will not be stored. */
  invalidate(): void {
    this.generation++;
    this.stats.invalidations++;
    this.options.onEvent?.('invalidation');
    this.entries.clear();
    this.validUntil = 0;
    this.refreshing = null;
    this.refreshValidity();
  }

  middleware(): express.RequestHandler {
    return (req, res, next) => {
      const key = this.keyOf(req);
      if (key === null || !this.usable()) {
        res.setHeader('x-response-cache', 'bypass');
        return next();
      }
      const hit = this.entries.get(key); // most recently used from here on
      if (hit) {
        this.stats.hits++;
        this.options.onEvent?.('hit');
        res.setHeader('x-response-cache', 'hit');
        res.status(200).type(hit.contentType).send(hit.body);
        return;
      }
      this.stats.misses++;
      this.options.onEvent?.('miss');
      res.setHeader('x-response-cache', 'miss');
      const generation = this.generation;
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (typeof body === 'string' && res.statusCode === 200 && generation === this.generation && this.usable() && isCompleteAnswer(body)) {
          this.store(key, entryOf(body, String(res.getHeader('content-type') ?? 'application/json; charset=utf-8')));
        }
        return send(body);
      };
      next();
    };
  }

  private usable(): boolean {
    if (!this.listening) return false;
    if (Date.now() < this.validUntil) return true;
    // Expired (TTL or a scheduled publication came into force): start afresh.
    if (this.validUntil !== 0) this.invalidate();
    return false;
  }

  private store(key: string, entry: Entry): void {
    // One answer never takes more than a sixteenth of the cache.
    if (entry.body.byteLength + 2 * key.length > this.maxBytes / 16) return;
    this.entries.set(key, entry);
    this.stats.stores++;
  }

  /**
   * The cache key of a GraphQL POST (document normalised, operation name, variables, accepted
   * media types), or null when not cacheable. The body's nesting is limited before this runs
   * (json-depth.ts); should serialising it fail anyway, the request bypasses the cache.
   */
  private keyOf(req: express.Request): string | null {
    try {
      return this.keyOfBody(req);
    } catch {
      return null;
    }
  }

  private keyOfBody(req: express.Request): string | null {
    if (req.method !== 'POST') return null;
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
    if (!body || typeof body.query !== 'string' || body.extensions !== undefined) return null;
    let query = this.normalised.get(body.query);
    if (query === undefined) {
      try {
        query = stripIgnoredCharacters(body.query);
      } catch {
        return null; // not parsable: Apollo answers the error
      }
      this.normalised.set(body.query, query);
    }
    return JSON.stringify([query, body.operationName ?? null, body.variables ?? null, req.headers.accept ?? '']);
  }

  /** Sets validUntil from the TTL and the next scheduled publication; bypasses the cache until known. */
  private refreshValidity(): void {
    const generation = this.generation;
    const now = new Date();
    const refreshing = nextScheduledPublication(this.options.knex, now).then(
      (next) => {
        if (generation !== this.generation || this.refreshing !== refreshing) return;
        this.validUntil = Math.min(now.getTime() + this.ttlMs, next ? next.getTime() : Infinity);
      },
      () => {
        // Unknown: stay bypassed; the next invalidation or reconnect tries again.
      },
    );
    this.refreshing = refreshing;
  }

  /** Listening (again): whatever changed before is not in the (empty) cache. */
  private async resume(): Promise<void> {
    this.invalidate();
    await this.refreshing;
    if (!this.stopped && this.options.changes.connected) this.listening = true;
  }
}

/**
 * RESPONSE_CACHE=off disables the cache (benchmarks of the uncached path), =on enables it; unset,
 * it is on except under jest (NODE_ENV=test), whose tests write through the ORM and read back at
 * once, closer together than a notification travels.
 */
export function responseCacheEnabled(): boolean {
  const setting = process.env.RESPONSE_CACHE?.toLowerCase();
  return setting ? setting !== 'off' : process.env.NODE_ENV !== 'test';
}

const entryOf = (text: string, contentType: string): Entry => ({ body: Buffer.from(text), contentType });
