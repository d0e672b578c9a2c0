import type { Logger } from 'pino';

/** What a sync batch did, for its log line and the sync metrics (counts per record outcome). */
export interface SyncBatchFacts {
  organisation: string | null;
  idempotencyKey: string | null;
  mode: string;
  dryRun: boolean;
  committed: boolean;
  replayed: boolean;
  outcomes: Record<string, number>;
}

/**
 * What one HTTP request learned on its way, reported once when the answer is sent (its log line,
 * its metrics: src/server/request-observation.ts). The server creates it; the API layers fill it in
 * (operation name, error codes, caller, a sync batch's summary) through the GraphQL context.
 */
export interface RequestFacts {
  id: string;
  surface: 'public' | 'sync' | 'other';
  /** Logger whose lines carry the request id. */
  log: Logger;
  operation: string | null;
  /** The error codes of the answer, as the caller sees them. */
  errorCodes: string[];
  /** Token prefix of the sync caller ("vr_" + 8 characters, never the token), or null. */
  caller: string | null;
  sync: SyncBatchFacts | null;
}

const FACTS = Symbol('requestFacts');

/** Gives a GraphQL context (or any object) the facts of its request. */
export function withRequestFacts<T extends object>(target: T, facts: RequestFacts | undefined): T {
  // Enumerable: Apollo shallow-copies the context (Object.assign) for each operation. A symbol key stays out of JSON and Object.keys.
  if (facts) Object.defineProperty(target, FACTS, { value: facts, enumerable: true });
  return target;
}

export function requestFactsOf(target: object | undefined): RequestFacts | undefined {
  return target ? (target as { [FACTS]?: RequestFacts })[FACTS] : undefined;
}
