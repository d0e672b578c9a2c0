import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { TokenScope } from '../../modules/auth/token-scope';
import { importAvgRegister } from '../../modules/import/avg-register/avg-register.importer';
import { ZipReadError } from '../../modules/import/zip-reader';
import type { OrganisationRefInput } from './common.types';
import { scopedOrganisation } from './scope';
import { createSyncContext } from './sync.context';

export const IMPORT_PATH = '/sync/import/avg-register';
const MAX_ZIP_BYTES = '50mb';
const PARAMETERS = new Set(['organisationId', 'tooiUri', 'oin', 'dryRun', 'publish', 'replace']);

/**
 * The AVG-register importer over HTTP, for organisations that cannot run the CLI: POST the export
 * as the body with `Content-Type: application/zip` and a bearer token with records:write; the
 * answer is the same JSON report as the CLI's report file. The content type is one a browser
 * cannot send cross-site without a CORS preflight (and this route allows none), and the token is
 * a header, never a cookie: a forged request from another site cannot reach it.
 */
export function avgRegisterImportRouter(orm: MikroORM): express.Router {
  const router = express.Router();
  const refuse = (res: express.Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });
  // The token and the content type are checked before the body is read: nobody else makes the server buffer 50 MB.
  const authenticate: express.RequestHandler = async (req, res, next) => {
    try {
      const ctx = await createSyncContext(orm.em.fork(), req.headers.authorization);
      if (!ctx.caller) return refuse(res, 401, 'UNAUTHENTICATED', ctx.authError ?? 'Authentication required.');
      if (!ctx.caller.scopes.includes(TokenScope.RECORDS_WRITE)) return refuse(res, 403, 'FORBIDDEN', 'This token lacks the scope RECORDS_WRITE that an import needs.');
      if (!req.is('application/zip')) return refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the export as the request body with Content-Type: application/zip.');
      res.locals.ctx = ctx;
      next();
    } catch (e) {
      next(e);
    }
  };
  router.post(IMPORT_PATH, authenticate, express.raw({ type: 'application/zip', limit: MAX_ZIP_BYTES }), async (req, res, next) => {
    try {
      const ctx = res.locals.ctx as Awaited<ReturnType<typeof createSyncContext>>;
      const unknown = Object.keys(req.query).filter((k) => !PARAMETERS.has(k));
      if (unknown.length) return refuse(res, 400, 'BAD_REQUEST', `Unknown parameter(s): ${unknown.join(', ')}. Known: ${[...PARAMETERS].join(', ')}.`);
      const q = req.query as Record<string, string | undefined>;
      const publish = q.publish ?? 'established';
      if (publish !== 'established' && publish !== 'none') return refuse(res, 400, 'BAD_REQUEST', 'publish is "established" (default) or "none".');
      const ref: OrganisationRefInput | null = q.organisationId || q.tooiUri || q.oin ? { id: q.organisationId ?? null, tooiUri: q.tooiUri ?? null, oin: q.oin ?? null } : null;
      const organisation = await scopedOrganisation(ctx, ref, ['organisation']);
      if (organisation.error) return refuse(res, 404, organisation.error.code, organisation.error.message);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const report = await importAvgRegister(ctx.em, ctx.caller!.actor, body, { organisation: organisation.value, dryRun: q.dryRun === 'true', publish, replace: q.replace === 'true' });
      res.json(report);
    } catch (e) {
      if (e instanceof ZipReadError) refuse(res, 400, 'INVALID_ZIP', e.message);
      else next(e);
    }
  });
  return router;
}
