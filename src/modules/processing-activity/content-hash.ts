import { createHash } from 'node:crypto';
import type { RecordContent } from './record-content';

/**
 * SHA-256 over a canonical form of the content: keys sorted, absent and null treated alike,
 * so the same record delivered twice (or exported and pushed back) hashes the same. Stored
 * hashes depend on this exact text: change canonicalJson and every record looks changed.
 */
export function contentHash(content: RecordContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * The canonical text, written directly (a sync batch hashes 100 records; building a sorted copy
 * of each first doubled the work). Object keys in sorted order; a key whose value is undefined,
 * null or an empty list is left out; inside lists, undefined and null are written as null.
 * Equals JSON.stringify of the sorted, pruned copy (content-hash.spec.ts checks that).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] == null ? 'null' : canonicalJson(value[i]));
    return out + ']';
  }
  if (value !== null && typeof value === 'object') {
    let out = '{';
    let first = true;
    for (const key of sortedInPlace(Object.keys(value))) {
      const v = (value as Record<string, unknown>)[key];
      if (v == null || (Array.isArray(v) && v.length === 0)) continue;
      out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v);
      first = false;
    }
    return out + '}';
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * Sorts a short list of keys in place, in the order of Array.prototype.sort() (UTF-16 code units).
 * Array.prototype.sort copies into a work array on every call: that copy was 15% of all memory a
 * sync batch allocated (sampling heap profile, issue 5); insertion sort on a record's few keys
 * allocates nothing.
 */
function sortedInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
