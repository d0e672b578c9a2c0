import { LRUCache } from 'lru-cache';

/** How much a cache may hold: both bounds apply, the least recently used entries go first. */
export interface CacheLimits {
  maxEntries: number;
  maxBytes: number;
}

/** What a cache holds now, against its limits (tests, metrics). */
export interface CacheStats extends CacheLimits {
  entries: number;
  bytes: number;
}

/**
 * A least-recently-used cache bounded by entries and by bytes (lru-cache). `sizeOf` estimates
 * what an entry keeps alive; an entry larger than a quarter of maxBytes is not kept at all, so a
 * single huge entry cannot empty the cache.
 */
export function boundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(limits: CacheLimits, sizeOf: (value: V, key: K) => number): LRUCache<K, V> {
  const maxBytes = Math.max(1, Math.floor(limits.maxBytes));
  return new LRUCache<K, V>({
    max: Math.max(1, Math.floor(limits.maxEntries)),
    maxSize: maxBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(sizeOf(value, key))),
  });
}

export function cacheStats(cache: Pick<LRUCache<string, string>, 'size' | 'calculatedSize' | 'max' | 'maxSize'>): CacheStats {
  return { entries: cache.size, bytes: cache.calculatedSize, maxEntries: cache.max, maxBytes: cache.maxSize };
}

/**
 * Heap an entry derived from one query document keeps alive (its parsed AST, or its compiled
 * query), estimated from the length of the query text: measured at about 20–60 kB for a small
 * document plus about 60 bytes per character of text (docs/performance.md).
 */
export const documentBytes = (textLength: number): number => 16_384 + 64 * textLength;
