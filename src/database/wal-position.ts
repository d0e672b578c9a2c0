/**
 * A PostgreSQL WAL position (pg_lsn, text form "16/B374D848") as a number that compares: the
 * part before the slash is the high 32 bits.
 */
export function parseWalPosition(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
