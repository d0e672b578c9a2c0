/**
 * A JSON GraphQL answer with data and without errors: what may be cached, by the response cache
 * and by HTTP caches alike. An "errors" key can appear unescaped only as a key (inside strings
 * quotes are escaped).
 */
export function isCompleteAnswer(body: unknown): boolean {
  if (typeof body === 'string') return body.startsWith('{"data":') && !body.includes('"errors":');
  if (Buffer.isBuffer(body)) return body.subarray(0, 8).toString() === '{"data":' && !body.includes('"errors":');
  return false;
}
