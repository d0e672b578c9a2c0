import type { RequestHandler } from 'express';
import { isCompleteAnswer } from './graphql-answer';

/**
 * HTTP caching of the public surface. Its answers depend only on the request (anonymous, no
 * cookies), so a complete answer (data, no errors) may be kept by browsers and shared caches for
 * `maxAgeSeconds`; GET answers also carry an ETag (etag.ts) to revalidate with. Answers with
 * errors, and everything else, are not stored. `Vary: Accept` because GraphQL over HTTP answers
 * differ by media type.
 */
export function publicCacheHeaders(maxAgeSeconds: number): RequestHandler {
  const cacheable = maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'no-cache';
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (!res.headersSent && !res.getHeader('Cache-Control')) {
        res.setHeader('Cache-Control', res.statusCode === 200 && isCompleteAnswer(body) ? cacheable : 'no-store');
        res.vary('Accept');
      }
      return send(body);
    };
    next();
  };
}

/** The sync surface answers per caller and changes the register: nothing of it is stored anywhere. */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
