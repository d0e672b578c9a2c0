import { createHash } from 'node:crypto';
import type { RecordContent } from './record-content';

/**
 * SHA-256 over a canonical form of the content: keys sorted, absent and null treated alike,
 * so the same record delivered twice (or exported and pushed back) hashes the same.
 */
export function contentHash(content: RecordContent): string {
  return createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out[key] = v;
    }
    return out;
  }
  return value === undefined ? null : value;
}
