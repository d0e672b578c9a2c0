import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The GraphQL explorer of the public surface (GraphiQL, as @graphql-yoga/graphiql bundles it) served
 * from the npm package itself: Apollo's default landing page loads its explorer from a CDN, which a
 * closed network (a ministry's, this CI's) cannot reach. The bundle is self-contained (React and the
 * Monaco editor inside); Monaco's web workers are served beside it from the same origin.
 */
const DIST = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

/** Files of the bundle the page may load, by the name it asks for (nothing else of the package is reachable). */
const ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.js': { file: 'yoga-graphiql.umd.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql.css', type: 'text/css' },
  'editor.worker.js': { file: 'monacoeditorwork/editor.worker.bundle.js', type: 'text/javascript' },
  'json.worker.js': { file: 'monacoeditorwork/json.worker.bundle.js', type: 'text/javascript' },
  'graphql.worker.js': { file: graphqlWorkerFile(), type: 'text/javascript' },
};

export interface ExplorerOptions {
  /** Where the page is served and the endpoint it queries. */
  endpoint: string;
  title: string;
  defaultQuery: string;
}

/**
 * GET `endpoint` from a browser (Accept: text/html, no `query` parameter) answers the explorer page;
 * `endpoint/explorer/*` its assets, cached for a day (they change only with the package version).
 */
export function explorer(options: ExplorerOptions): express.Router {
  const router = express.Router();
  const assetBase = `${options.endpoint}/explorer`;
  const page = explorerPage(options, assetBase);
  router.get(`${assetBase}/:name`, (req, res, next) => {
    const asset = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!asset) return next();
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type(asset.type).sendFile(path.join(DIST, asset.file));
  });
  router.get(options.endpoint, (req, res, next) => {
    // A browser asks for HTML first; a GraphQL client for JSON (or anything): those go on to the API.
    if (req.query.query !== undefined || req.query.extensions !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  });
  return router;
}

function explorerPage(options: ExplorerOptions, assetBase: string): string {
  // Options go into a script as JSON; "<" is escaped so no text can close the script element.
  const settings = JSON.stringify({ endpoint: options.endpoint, title: options.title, defaultQuery: options.defaultQuery }).replace(/</g, '\\u003c');
  const workers = JSON.stringify({
    editorWorkerService: `${assetBase}/editor.worker.js`,
    json: `${assetBase}/json.worker.js`,
    graphql: `${assetBase}/graphql.worker.js`,
  });
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetBase}/graphiql.css">
</head>
<body style="margin:0">
<div id="root" style="height:100vh">Loading the explorer…</div>
<script>
  const workers = ${workers};
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] ?? workers.editorWorkerService };
</script>
<script src="${assetBase}/graphiql.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${settings});</script>
</body>
</html>
`;
}

/** The package names its GraphQL worker "graphql.worker..bundle.js" in some versions. */
function graphqlWorkerFile(): string {
  const names = ['monacoeditorwork/graphql.worker.bundle.js', 'monacoeditorwork/graphql.worker..bundle.js'];
  return names.find((name) => existsSync(path.join(DIST, name))) ?? names[0];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
