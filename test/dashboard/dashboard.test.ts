import { statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { RegisterStatisticsDocument, IncompleteRecordsDocument } from '../../clients/typescript/src/generated/sync/graphql';
import { toGlobalId } from '../../src/api/common/global-id';
import { TokenScope } from '../../src/modules/auth/token-scope';
import { PROJECT_ROOT } from '../../src/config';
import { buildDashboard } from '../../scripts/build-dashboard';
import { startTestServer, type TestServer } from '../support/test-server';
import { EZ, issueToken, organisationId, record, RVO, sync } from '../sync/support/sync-helpers';

/**
 * The dashboard in a real browser (Debian's headless Chromium, driven by playwright-core): log in
 * with a token, and every number on the page is the one the API answers; the drill-down lists the
 * records behind a number. Writes a screenshot to test-results/dashboard.png, or, with
 * UPDATE_SCREENSHOTS=1, to docs/dashboard.png (the README's picture), so a test run leaves the tree clean.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('dashboard page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  const external: string[] = [];

  beforeAll(async () => {
    await buildDashboard();
    server = await startTestServer();
    token = await issueToken(server.db.orm, EZ);
    const ez = server.syncClient(token);
    const rvo = { id: toGlobalId('Organisation', await organisationId(server.db.orm, RVO)) };
    await sync(ez, { records: [record('EZ-1', { publish: true }), record('EZ-2', { recipients: [] }), record('EZ-3', { purposes: [{ description: 'Zonder grondslag' }] })] });
    await sync(ez, { organisation: rvo, records: [record('RVO-1', { recipients: [], thirdCountryTransfers: null }), record('RVO-2', { publish: true, publishFrom: '2099-01-01T00:00:00Z' })] });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    // The network is closed: anything but this server would be an external asset.
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(server.url)) return route.continue();
      external.push(route.request().url());
      return route.abort();
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for a token, keeps it in sessionStorage only, and shows the API’s numbers per organisation', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.fill('#token', token);
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#status[data-loaded="true"]');
    expect(await page.evaluate('({ session: Object.values(sessionStorage), local: Object.values(localStorage), cookie: document.cookie })')).toEqual({
      session: [token],
      local: [],
      cookie: '',
    });

    const api = (await server.syncClient(token).query(RegisterStatisticsDocument, { reviewAfterMonths: 12 })).statistics;
    expect(api.organisations.length).toBeGreaterThanOrEqual(2);
    const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).textContent();
    for (const o of api.organisations) {
      const prefix = `org-${o.organisation.id}`;
      const s = o.withSubOrganisations;
      expect({
        name: o.organisation.name,
        records: await text(`${prefix}-records`),
        states: [await text(`${prefix}-draft`), await text(`${prefix}-underReview`), await text(`${prefix}-scheduled`), await text(`${prefix}-published`), await text(`${prefix}-withdrawn`), await text(`${prefix}-withheld`)],
        complete: await text(`${prefix}-complete`),
      }).toEqual({
        name: o.organisation.name,
        records: String(s.records),
        states: [s.byState.draft, s.byState.underReview, s.byState.scheduled, s.byState.published, s.byState.withdrawn, s.byState.withheld].map(String),
        complete: `${s.completeRecords} / ${s.records}`,
      });
    }
    expect(await text('total-records')).toBe(String(api.total.records));
    for (const m of api.total.missing) expect({ field: m.field, shown: await text(`missing-${m.field}`) }).toEqual({ field: m.field, shown: String(m.records) });
    expect(await text('quality-processorsUsed')).toBe(String(api.total.quality.processorsUsed));
    expect(await page.locator('canvas#chart-states').count()).toBe(1);
  });

  it('drills down from an organisation to the records missing a field, as the API lists them', async () => {
    const ezId = toGlobalId('Organisation', await organisationId(server.db.orm, EZ));
    await page.click(`tr[data-organisation="${ezId}"]`);
    await page.waitForSelector('[data-testid="drill-RECIPIENTS"]');
    await page.click('[data-testid="drill-RECIPIENTS"]');
    await page.waitForSelector('#incomplete tbody tr');
    const api = (await server.syncClient(token).query(IncompleteRecordsDocument, { organisation: { id: ezId }, field: 'RECIPIENTS', includeSubOrganisations: true, first: 50 })).processingActivities;
    expect(api.totalCount).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#drilldown-title').getAttribute('data-total')).toBe(String(api.totalCount));
    const shown = await page.locator('#incomplete tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));
    expect(shown).toEqual(api.nodes.map((n) => n.reference));
    const screenshot = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'docs', 'dashboard.png') : path.join(PROJECT_ROOT, 'test-results', 'dashboard.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(external).toEqual([]);
  });

  it('a token the API refuses brings the login back, and logging out forgets the token', async () => {
    await page.click('#logout');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.fill('#token', 'vr_not-a-real-token');
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#login-error:not(:empty)');
    expect(await page.locator('#login-error').textContent()).toContain('UNAUTHENTICATED');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    // A register-wide reader sees every organisation.
    const supervisor = await issueToken(server.db.orm, EZ, [TokenScope.REGISTER_READ]);
    await page.fill('#token', supervisor);
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#status[data-loaded="true"]');
    const all = (await server.syncClient(supervisor).query(RegisterStatisticsDocument, {})).statistics;
    expect(await page.locator('#organisations tbody tr').count()).toBe(all.organisations.length);
    expect(await page.locator('[data-testid="total-records"]').textContent()).toBe(String(all.total.records));
  });
});
