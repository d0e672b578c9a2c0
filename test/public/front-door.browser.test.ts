import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The front door and the explorer as a visitor on a closed network meets them: in a real browser
 * (Debian's Chromium, driven by playwright-core), every request the pages make, workers included,
 * must stay on this server, and a query typed into the explorer must answer.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let profile: string;
const requested: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  profile = mkdtempSync(path.join(tmpdir(), 'vr-chromium-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  context = await browser.newContext();
  context.on('request', (request) => requested.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Requests that left this server (data: and blob: URLs are the page's own). */
function offServer(urls: string[]): string[] {
  const origin = new URL(server.url).origin;
  return urls.filter((url) => !url.startsWith(`${origin}/`) && url !== origin && !url.startsWith('data:') && !url.startsWith('blob:'));
}

test('GET / says what the register is and links the doors that exist', async () => {
  const page = await context.newPage();
  const answer = await page.goto(`${server.url}/`);
  expect(answer?.status()).toBe(200);
  expect(await page.locator('h1').textContent()).toBe('Verwerkingsregister');
  const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(expect.arrayContaining(['/graphql', '/graphql/schema.graphql', '/docs/public-api.md']));
  for (const href of hrefs) {
    const res = await fetch(new URL(href!, server.url), { headers: { accept: 'text/html' } });
    expect({ href, status: res.status }).toEqual({ href, status: 200 });
  }
  expect(offServer(requested)).toEqual([]);
  await page.close();
});

test('the explorer loads from this server only and answers a typed query', async () => {
  const page = await context.newPage();
  const before = requested.length;
  await page.goto(`${server.url}/graphql`);
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ processingActivities(first: 2) { totalCount edges { node { reference } } } }');
  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response');
  await response.filter({ hasText: 'totalCount' }).waitFor({ timeout: 30_000 });

  const text = (await response.innerText()).replace(/\s+/g, '');
  const expected = await server.publicClient.query<{ processingActivities: { totalCount: number; edges: { node: { reference: string } }[] } }>(
    '{ processingActivities(first: 2) { totalCount edges { node { reference } } } }',
  );
  expect(text).toContain(`"totalCount":${expected.processingActivities.totalCount}`);
  for (const edge of expected.processingActivities.edges) expect(text).toContain(`"reference":"${edge.node.reference}"`);
  await page.screenshot({ path: path.join(tmpdir(), 'vr-explorer.png') });

  const explorerRequests = requested.slice(before);
  expect(explorerRequests.some((url) => url.endsWith('/graphql/explorer/graphiql.js'))).toBe(true);
  expect(offServer(explorerRequests)).toEqual([]);
  await page.close();
});
