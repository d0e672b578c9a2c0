import { randomUUID } from 'node:crypto';

let lastMs = -1;
let prefix = '';

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix time in milliseconds, then random bits. Rows written
 * together get neighbouring ids, so their inserts land on the right edge of an index instead of
 * on random pages. Built from crypto.randomUUID (which draws on a cached entropy pool) by putting
 * the timestamp in front and the version nibble to 7; v4's variant bits are v7's. Twice as fast
 * as the npm uuid package's v7 (which draws fresh random bytes per id), and a sync batch makes
 * thousands. Ids within one millisecond are not ordered among themselves; locality does not need it.
 */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    const hex = now.toString(16).padStart(12, '0');
    prefix = `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
  }
  return prefix + randomUUID().slice(15);
}
