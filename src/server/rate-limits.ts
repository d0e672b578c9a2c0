import type express from 'express';
import { ipKeyGenerator, MemoryStore, type Options, rateLimit } from 'express-rate-limit';

/** Limits per client (its IP address, or an IPv6 /56: see express-rate-limit). 0 turns a limit off. */
export interface RateLimitSettings {
  /** Anonymous requests per minute on the public surface. */
  publicPerMinute: number;
  /** Failed authentications (a token that is invalid, expired or revoked) per 15 minutes on the sync surface. */
  authFailuresPer15Min: number;
}

/** A structured log line (one JSON object); the server's logger, or a collector in tests. */
export type LogFn = (entry: Record<string, unknown>) => void;

const AUTH_FAILURE_WINDOW_MS = 15 * 60_000;

/** The 429 answer: `Retry-After` (seconds) and a GraphQL-shaped JSON body with a stable code. */
function tooManyRequests(res: express.Response, resetTime: Date | undefined, message: string, windowMs: number): void {
  const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
  res.setHeader('Retry-After', String(retryAfter));
  res.status(429).json({ errors: [{ message: `${message} Retry after ${retryAfter} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] });
}

/** Anonymous public traffic: at most `perMinute` requests per client per minute; null when off. */
export function publicRateLimit(perMinute: number): express.RequestHandler | null {
  if (!perMinute) return null;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, _next, options: Options) => tooManyRequests(res, (req as express.Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime, `Too many requests: at most ${options.limit} a minute per client on the public API.`, options.windowMs),
  });
}

/**
 * Failed authentications on the sync surface, per client. Only failures count (a client's valid
 * requests, however many at once, never do): `guard` refuses a client with `limit` failures in the
 * last 15 minutes before its token is looked at; `recordFailure` counts and logs one failure.
 * Uses express-rate-limit's store for the windowed counting.
 */
export class AuthFailureThrottle {
  private readonly store = new MemoryStore();

  constructor(
    private readonly limit: number,
    private readonly log: LogFn,
  ) {
    this.store.init({ windowMs: AUTH_FAILURE_WINDOW_MS } as Options);
  }

  private keyOf(req: express.Request): string {
    return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }

  readonly guard: express.RequestHandler = (req, res, next) => {
    this.store
      .get(this.keyOf(req))
      .then((hits) => {
        if (hits && hits.totalHits >= this.limit) tooManyRequests(res, hits.resetTime, `Too many failed authentications from this client: at most ${this.limit} in 15 minutes.`, AUTH_FAILURE_WINDOW_MS);
        else next();
      })
      .catch(next);
  };

  async recordFailure(req: express.Request, reason: string): Promise<void> {
    const hits = await this.store.increment(this.keyOf(req));
    const presented = /^Bearer\s+(vr_[A-Za-z0-9_-]{8})/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
    this.log({ event: 'sync_authentication_failed', client: req.ip, tokenPrefix: presented, reason, failures: hits.totalHits, throttled: hits.totalHits >= this.limit });
  }

  shutdown(): void {
    this.store.shutdown();
  }
}

