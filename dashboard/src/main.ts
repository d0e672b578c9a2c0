import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { ApiRequestError, createClient, type Client } from '../../clients/typescript/src/client';
import {
  type Art30Field,
  IncompleteRecordsDocument,
  type IncompleteRecordsQuery,
  RegisterStatisticsDocument,
  type RegisterStatisticsQuery,
  type StatisticsSummaryFieldsFragment,
  ViewerDocument,
} from '../../clients/typescript/src/generated/sync/graphql';

Chart.register(...registerables);

/** The token lives in this tab's session only: never localStorage, never a cookie. */
const TOKEN_KEY = 'verwerkingsregister.dashboard.token';
const ENDPOINT = new URL('../sync/graphql', window.location.href.replace(/\/?$/, '/')).toString();

const FIELD_LABELS: Record<Art30Field, string> = {
  PURPOSE: 'Doel',
  LEGAL_BASIS: 'Grondslag',
  DATA_SUBJECT_GROUP: 'Categorie betrokkenen',
  DATA_ITEMS: 'Persoonsgegevens',
  RETENTION_PERIOD: 'Bewaartermijn',
  UNPARSED_RETENTION: 'Bewaartermijn niet te lezen',
  RECIPIENTS: 'Ontvangers',
  TRANSFER_STATEMENT: 'Doorgifte buiten de EU',
  CONTROLLER_CONTACT: 'Contactgegevens verantwoordelijke',
};
const STATE_LABELS = ['Concept', 'In review', 'Gepland', 'Gepubliceerd', 'Ingetrokken', 'Achtergehouden'];
const STATE_COLOURS = ['#9aa5b1', '#f0a202', '#6c8ebf', '#2e7d32', '#8d6e63', '#b71c1c'];

type Summary = StatisticsSummaryFieldsFragment;
type OrganisationRow = RegisterStatisticsQuery['statistics']['organisations'][number];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const charts = new Map<string, { destroy(): void }>();
let client: Client;
let drill: { organisationId: string; organisationName: string; field: Art30Field; after: string | null } | null = null;

function cell(text: string | number, testId?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = String(text);
  if (testId) td.dataset.testid = testId;
  return td;
}

const percent = (n: number | null | undefined) => (n == null ? '–' : `${n.toFixed(1)}%`);
const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('nl-NL') : '–');
const stateCounts = (s: Summary) => [s.byState.draft, s.byState.underReview, s.byState.scheduled, s.byState.published, s.byState.withdrawn, s.byState.withheld];

function summaryCells(row: HTMLTableRowElement, s: Summary, prefix: string): void {
  row.append(
    cell(s.records, `${prefix}-records`),
    ...stateCounts(s).map((n, i) => cell(n, `${prefix}-${['draft', 'underReview', 'scheduled', 'published', 'withdrawn', 'withheld'][i]}`)),
    cell(percent(s.publishedPercentage), `${prefix}-publishedPercentage`),
    cell(`${s.completeRecords} / ${s.records}`, `${prefix}-complete`),
    cell(date(s.lastChangedAt), `${prefix}-lastChangedAt`),
  );
}

function draw(id: string, config: ChartConfiguration<'bar'> | ChartConfiguration<'doughnut'>): void {
  charts.get(id)?.destroy();
  // Fixed-size canvases and no animation: the page renders at once and the same way every time.
  const options = { animation: false, responsive: false, ...config.options };
  charts.set(id, new Chart($<HTMLCanvasElement>(id), { ...config, options } as ChartConfiguration));
}

function showDetail(name: string, organisationId: string | null, s: Summary, activity: RegisterStatisticsQuery['statistics']['activity']): void {
  $('detail-title').textContent = `${name}: ${s.records} registraties, ${s.incompleteRecords} onvolledig`;
  draw('chart-states', { type: 'doughnut', data: { labels: STATE_LABELS, datasets: [{ data: stateCounts(s), backgroundColor: STATE_COLOURS }] } });
  const fields = s.missing.map((m) => m.field);
  draw('chart-missing', {
    type: 'bar',
    data: { labels: fields.map((f) => FIELD_LABELS[f]), datasets: [{ label: 'Registraties zonder', data: s.missing.map((m) => m.records), backgroundColor: '#154273' }] },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      onClick: (_event, elements) => {
        if (organisationId && elements[0]) void openDrilldown(organisationId, name, fields[elements[0].index]);
      },
    },
  });
  draw('chart-activity', {
    type: 'bar',
    data: {
      labels: activity.map((p) => new Date(p.periodStart).toLocaleDateString('nl-NL', { month: 'short', year: '2-digit', timeZone: 'UTC' })),
      datasets: [
        { label: 'Versies geschreven', data: activity.map((p) => p.versionsWritten), backgroundColor: '#6c8ebf' },
        { label: 'Gepubliceerd', data: activity.map((p) => p.published), backgroundColor: '#2e7d32' },
        { label: 'Ingetrokken', data: activity.map((p) => p.withdrawn), backgroundColor: '#8d6e63' },
      ],
    },
  });
  const missingBody = $('missing').querySelector('tbody')!;
  missingBody.replaceChildren(
    ...s.missing.map((m) => {
      const tr = document.createElement('tr');
      const count = cell(m.records, `missing-${m.field}`);
      if (organisationId && m.records > 0) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'lijst';
        button.dataset.testid = `drill-${m.field}`;
        button.addEventListener('click', () => void openDrilldown(organisationId, name, m.field));
        count.append(' ', button);
      }
      tr.append(cell(FIELD_LABELS[m.field]), count);
      return tr;
    }),
  );
  const q = s.quality;
  const signals: [string, number, string][] = [
    ['Herziening nodig (niet gewijzigd)', q.reviewDue, 'reviewDue'],
    ['Bijzondere persoonsgegevens', q.specialCategories, 'specialCategories'],
    ['Doorgifte buiten de EU', q.transfersOutsideEu, 'transfersOutsideEu'],
    ['Geautomatiseerde besluitvorming', q.automatedDecisionMaking, 'automatedDecisionMaking'],
    ['Verwerkers ingeschakeld', q.processorsUsed, 'processorsUsed'],
  ];
  $('quality').querySelector('tbody')!.replaceChildren(
    ...signals.map(([label, n, key]) => {
      const tr = document.createElement('tr');
      tr.append(cell(label), cell(n, `quality-${key}`));
      return tr;
    }),
  );
}

async function openDrilldown(organisationId: string, organisationName: string, field: Art30Field, more = false): Promise<void> {
  if (!more) drill = { organisationId, organisationName, field, after: null };
  if (!drill) return;
  const data: IncompleteRecordsQuery = await client.request(IncompleteRecordsDocument, {
    organisation: { id: drill.organisationId },
    field: drill.field,
    includeSubOrganisations: true,
    first: 50,
    after: drill.after,
  });
  const page = data.processingActivities;
  $('drilldown').hidden = false;
  $('drilldown-title').textContent = `${organisationName}: ${page.totalCount} registraties zonder ${FIELD_LABELS[field].toLowerCase()}`;
  $('drilldown-title').dataset.total = String(page.totalCount);
  const body = $('incomplete').querySelector('tbody')!;
  const rows = page.nodes.map((n) => {
    const tr = document.createElement('tr');
    tr.dataset.reference = n.reference;
    tr.append(
      cell(n.reference),
      cell(n.facts?.title ?? ''),
      cell(n.organisation.name),
      cell(n.facts?.state ?? ''),
      cell((n.facts?.missing ?? []).map((f) => FIELD_LABELS[f]).join(', ')),
      cell(date(n.facts?.lastChangedAt)),
    );
    return tr;
  });
  if (more) body.append(...rows);
  else body.replaceChildren(...rows);
  drill.after = page.pageInfo.endCursor;
  $('more').hidden = !page.pageInfo.hasNextPage;
}

async function loadOrganisation(row: OrganisationRow): Promise<void> {
  document.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
  document.querySelector(`tr[data-organisation="${row.organisation.id}"]`)?.classList.add('selected');
  // One request: the organisation's own statistics with its sub-organisations, and its activity.
  const data = await client.request(RegisterStatisticsDocument, { organisation: { id: row.organisation.id }, reviewAfterMonths: 12, activityInterval: 'MONTH' });
  showDetail(row.organisation.name, row.organisation.id, data.statistics.total, data.statistics.activity);
}

async function loadRegister(): Promise<void> {
  $('status').textContent = 'Laden…';
  delete $('status').dataset.loaded;
  const [viewer, data] = await Promise.all([client.request(ViewerDocument), client.request(RegisterStatisticsDocument, { reviewAfterMonths: 12, activityInterval: 'MONTH' })]);
  const v = viewer.viewer;
  $('viewer').textContent = `${v.tokenName} (${v.tokenPrefix}…, ${v.scopes.join(', ')})`;
  $('scope').textContent = v.scopes.includes('REGISTER_READ') ? '— heel het register' : `— ${v.organisation.name} en suborganisaties`;
  const stats = data.statistics;
  const body = $('organisations').querySelector('tbody')!;
  body.replaceChildren(
    ...stats.organisations.map((o) => {
      const tr = document.createElement('tr');
      tr.className = 'org';
      tr.dataset.organisation = o.organisation.id;
      tr.append(cell(o.organisation.name));
      summaryCells(tr, o.withSubOrganisations, `org-${o.organisation.id}`);
      tr.addEventListener('click', () => void loadOrganisation(o).catch(showError));
      return tr;
    }),
  );
  const total = document.createElement('tr');
  total.append(cell('Totaal'));
  summaryCells(total, stats.total, 'total');
  $('organisations').querySelector('tfoot')!.replaceChildren(total);
  showDetail('Totaal', null, stats.total, stats.activity);
  $('status').textContent = `${stats.organisations.length} organisaties, ${stats.total.records} registraties`;
  $('status').dataset.loaded = 'true';
}

function showError(e: unknown): void {
  const message = e instanceof ApiRequestError ? e.message : String(e);
  if (e instanceof ApiRequestError && e.codes.includes('UNAUTHENTICATED')) {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin(message);
  } else {
    $('status').textContent = message;
  }
}

function showLogin(error = ''): void {
  $('app').hidden = true;
  $('session').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = error;
}

function start(token: string): void {
  client = createClient({ endpoint: ENDPOINT, token });
  $('login').hidden = true;
  $('app').hidden = false;
  $('session').hidden = false;
  loadRegister().catch(showError);
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $<HTMLInputElement>('token').value.trim();
  $<HTMLInputElement>('token').value = '';
  sessionStorage.setItem(TOKEN_KEY, token);
  start(token);
});
$('logout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  showLogin();
});
$('more').addEventListener('click', () => {
  if (drill) void openDrilldown(drill.organisationId, drill.organisationName, drill.field, true).catch(showError);
});

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) start(saved);
else showLogin();
