const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

/**
 * A date-time without zone in Dutch local time ("2020-05-26T12:58:19.537", 2 or 3 fractional
 * digits) as the instant it was, using the Europe/Amsterdam rules of the runtime's time-zone data
 * (CET/CEST). Answers null for anything else.
 */
export function dutchLocalTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0'] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
  // The offset at the guessed instant, then again at the corrected one (right around DST changes).
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

const FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Europe/Amsterdam's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  const parts = Object.fromEntries(FORMAT.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}
