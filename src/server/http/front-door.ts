import { readdirSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { escapeHtml } from './explorer';

export interface FrontDoorLink {
  href: string;
  label: string;
  description: string;
}

/**
 * GET / : a small self-contained page (no external assets) saying what the register is and linking
 * what a visitor can use. The links are passed in by the app, so the page only ever lists doors
 * that exist.
 */
export function frontDoor(links: FrontDoorLink[]): express.RequestHandler {
  const page = frontDoorPage(links);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'public, max-age=300');
    if (req.accepts(['text/html', 'application/json']) === 'application/json') {
      res.json({ name: 'Verwerkingsregister', links: links.map(({ href, label, description }) => ({ href, label, description })) });
      return;
    }
    res.type('html').send(page);
  };
}

function frontDoorPage(links: FrontDoorLink[]): string {
  const items = links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a> — ${escapeHtml(l.description)}</li>`).join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verwerkingsregister</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
  h1 { color: #154273; }
  li { margin: .4rem 0; }
  code { background: #f3f3f3; padding: 0 .2rem; }
</style>
</head>
<body>
<h1>Verwerkingsregister</h1>
<p>The shared register of personal-data processing activities of Dutch ministries, agencies and
municipalities: the records each of them keeps under Article 30 of the GDPR (AVG), as they publish
them. Everything reachable from this page is open data: anonymous, read-only, free to reuse.</p>
<p><em>Het gedeelde register van verwerkingsactiviteiten (AVG artikel 30) van ministeries, uitvoeringsorganisaties en gemeenten.</em></p>
<ul>
${items}
</ul>
<p>Example: <code>curl 'ORIGIN/graphql?query=%7BprocessingActivities(first:3)%7BtotalCount%20edges%7Bnode%7Breference%20title%7D%7D%7D%7D'</code></p>
<script>document.querySelectorAll('code').forEach((c) => { c.textContent = c.textContent.replace('ORIGIN', location.origin); });</script>
</body>
</html>
`;
}

/**
 * GET /docs/NAME.md: the project's Markdown documentation (docs/*.md), as plain text, so the front
 * door can link the API guide without an external host. Only the files present at start are served.
 */
export function docs(directory: string): express.Router {
  const router = express.Router();
  const names = new Set(readdirSync(directory).filter((name) => /^[a-z0-9-]+\.md$/.test(name)));
  router.get('/docs/:name', (req, res, next) => {
    if (!names.has(req.params.name)) return next();
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/markdown; charset=utf-8').sendFile(path.join(directory, req.params.name));
  });
  return router;
}
