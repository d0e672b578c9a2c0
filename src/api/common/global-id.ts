/**
 * Relay global ids: base64url("Type:uuid"). Encoded and decoded only at the API boundary;
 * services and loaders work with database ids. A malformed id decodes to null, which callers
 * answer exactly as for an id that does not exist.
 */
export type NodeType = 'ProcessingActivity' | 'Organisation' | 'ProcessingActivityVersion';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  const type = decoded.slice(0, sep) as NodeType;
  const id = decoded.slice(sep + 1);
  if (!['ProcessingActivity', 'Organisation', 'ProcessingActivityVersion'].includes(type) || !UUID.test(id)) return null;
  return { type, id };
}

/** The database id of a global id of the expected type, or null. */
export function decodeIdOf(type: NodeType, globalId: string): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === type ? decoded.id : null;
}
