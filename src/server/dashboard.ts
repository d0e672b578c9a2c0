import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../config';

/**
 * The internal dashboard's static files (built by `npm run build`, scripts/build-dashboard.ts) at
 * /dashboard. The page holds no data: it asks for a token and reads /sync/graphql with it. A
 * strict Content-Security-Policy keeps it to this origin (scripts, styles, and requests).
 */
export function mountDashboard(app: express.Express, dir = path.join(PROJECT_ROOT, 'dist', 'dashboard')): void {
  app.use('/dashboard', (req, res, next) => {
    if (!existsSync(path.join(dir, 'index.html'))) {
      res.status(503).type('text/plain').send('The dashboard is not built: run `npm run build` (npm start does).');
      return;
    }
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
    // Relative asset and API URLs in the page need the trailing slash.
    if (req.path === '/' && !req.originalUrl.split('?')[0].endsWith('/')) {
      res.redirect(301, `${req.originalUrl.split('?')[0]}/`);
      return;
    }
    next();
  }, express.static(dir, { index: 'index.html', fallthrough: false }));
}
