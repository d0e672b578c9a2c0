import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../src/config';

/** Where the built dashboard lives; the API serves it at /dashboard (src/server/dashboard.ts). */
export const DASHBOARD_DIR = path.join(PROJECT_ROOT, 'dist', 'dashboard');

/**
 * Bundles the dashboard (dashboard/src, the typed client and chart.js) into one script beside
 * its page and stylesheet: no CDN, no external asset, so it works on a closed network.
 */
export async function buildDashboard(outDir = DASHBOARD_DIR): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(PROJECT_ROOT, 'dashboard', 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    outfile: path.join(outDir, 'dashboard.js'),
    logLevel: 'warning',
    legalComments: 'external',
  });
  for (const file of ['index.html', 'dashboard.css']) copyFileSync(path.join(PROJECT_ROOT, 'dashboard', file), path.join(outDir, file));
}

if (require.main === module) {
  buildDashboard().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
