import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** pino level name; default LOG_LEVEL, else info (silent under jest, whose output it would flood). */
  level?: string;
  /** Where the JSON lines go; default stdout. Tests pass a stream of their own to read the lines. */
  destination?: DestinationStream;
}

/**
 * The server's structured log: one JSON object per line (pino), with `time` in ISO 8601 and the
 * level as a name, so any log shipper parses it without configuration. Authorization and cookie
 * headers are censored wherever they appear, as a second line of defence: the request serializer
 * (request-observation.ts) already logs no headers.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino(
    {
      level,
      base: { service: 'verwerkingsregister' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization'], censor: '[redacted]' },
    },
    options.destination,
  );
}
