import type express from 'express';

/**
 * The last word on anything that reached no GraphQL server or failed outside one: JSON in the
 * shape of a GraphQL error answer, never Express's HTML page (which shows the stack and file
 * paths outside production), in every NODE_ENV.
 */
export function notFoundHandler(): express.RequestHandler {
  return (_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found: the GraphQL endpoints are /graphql (public) and /sync/graphql (sync).', extensions: { code: 'NOT_FOUND' } }] });
  };
}

/** Client errors (4xx, e.g. from body parsing) keep their status and a message meant for the client; anything else is a 500 without detail, logged here. */
export function finalErrorHandler(): express.ErrorRequestHandler {
  return (err: { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown }, _req, res, next) => {
    if (res.headersSent) return next(err); // Express closes the connection: the answer has begun and cannot become another
    const status = Number(err?.status ?? err?.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      const message = err.expose === true && typeof err.message === 'string' ? err.message : 'Bad request.';
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    console.error('[http] internal error', err);
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
