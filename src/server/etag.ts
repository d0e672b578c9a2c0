import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * ETags for GET answers only. Express's default hashes every response body; for the POST requests
 * that carry nearly all GraphQL traffic no HTTP cache reuses the answer, and a page of 50 records
 * is ~92 KB of SHA-1 per request (~30% of the CPU of an answer from the response cache). The app
 * turns Express's ETag off and mounts this on the public endpoint, so a GET query still gets an
 * ETag of Express's form and a 304 for a matching If-None-Match (Express checks freshness in send).
 */
export function etagForGet(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET') {
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body))) res.setHeader('ETag', etagOf(body));
        return send(body);
      };
    }
    next();
  };
}

/** Express's default (strong) ETag: body length and SHA-1. */
function etagOf(body: string | Buffer): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return `"${bytes.byteLength.toString(16)}-${createHash('sha1').update(bytes).digest('base64').substring(0, 27)}"`;
}
