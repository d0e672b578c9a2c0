import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface DrainingServer {
  server: Server;
  /** Requests being answered right now. */
  inFlight(): number;
  /**
   * Stops accepting connections and new requests (those still arriving on open connections get
   * 503 with `Connection: close`), waits up to graceMs for the requests in flight to finish, then
   * closes every connection. Resolves true when every request finished in time.
   */
  drain(graceMs: number): Promise<boolean>;
}

/**
 * An HTTP server around a request handler that can shut down without cutting answers short:
 * a sync batch that is being written when SIGTERM arrives still gets its full answer.
 */
export function drainingServer(handler: (req: IncomingMessage, res: ServerResponse) => void): DrainingServer {
  const active = new Set<ServerResponse>();
  let draining = false;
  let drained: (() => void) | null = null;

  const server = createServer((req, res) => {
    if (draining) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '5' });
      res.end(JSON.stringify({ errors: [{ message: 'The server is shutting down; send the request again.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
      return;
    }
    active.add(res);
    res.once('close', () => {
      active.delete(res);
      if (draining) server.closeIdleConnections();
      if (draining && active.size === 0) drained?.();
    });
    handler(req, res);
  });

  return {
    server,
    inFlight: () => active.size,
    drain: async (graceMs) => {
      draining = true;
      // Answers still being written tell their clients not to reuse the connection.
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished =
        active.size === 0 ||
        (await Promise.race([
          new Promise<boolean>((resolve) => (drained = () => resolve(true))),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
        ]));
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      return finished;
    },
  };
}
