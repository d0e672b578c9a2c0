import { parse as parseCsv } from 'csv-parse/sync';
import { DataItem } from '../../src/modules/processing-activity/content/data-item.entity';
import { verifyReadModelAfterEach } from '../support/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, LISSE, record, sync } from './support/sync-helpers';

/**
 * A retention period or a source stated once for the whole record (municipal registers often have
 * one per processing) applies to every data item without its own (issue 12, section 4).
 */
describe('record-wide retention and source', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;
  const RETENTION = 'Selectielijst gemeenten 2020, categorie 1.1.2: vernietigen 10 jaar na afhandeling';

  /** Two items state nothing themselves; one states its own retention and source. */
  const wide = (reference: string, overrides: Record<string, unknown> = {}) =>
    record(reference, {
      title: `Brede termijn ${reference}`,
      retentionText: RETENTION,
      sourceDescription: 'Basisregistratie Personen',
      sourceIsDataSubject: false,
      dataSubjectGroups: [
        {
          description: 'Inwoners',
          dataItems: [{ description: 'Naam en adres' }, { description: 'Logbestanden', retentionText: '6 maanden', sourceDescription: 'Systeem', sourceIsDataSubject: false }],
        },
        { description: 'Medewerkers', dataItems: [{ description: 'Accountnaam' }] },
      ],
      ...overrides,
    });

  beforeAll(async () => {
    server = await startTestServer();
    client = server.syncClient(await issueToken(server.db.orm, LISSE));
  });
  afterAll(() => server?.close());
  verifyReadModelAfterEach(() => server.db.orm);

  it('publishes with the retention stated once; without it, each item lacking its own is named (Art. 30(1)(f))', async () => {
    const missing = await sync(client, { records: [wide('RW-0', { retentionText: null, publish: true })] });
    expect(missing.results[0].errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['REQUIRED_FOR_PUBLICATION', 'records.0.dataSubjectGroups.0.dataItems.0.retentionText'],
      ['REQUIRED_FOR_PUBLICATION', 'records.0.dataSubjectGroups.1.dataItems.0.retentionText'],
    ]);
    const res = await sync(client, { records: [wide('RW-1', { publish: true })] });
    expect(res.results[0]).toMatchObject({ outcome: 'CREATED', version: 1, errors: [] });
    const items = await server.db.orm.em.fork().find(DataItem, { group: { version: { activity: { reference: 'RW-1' } } } }, { orderBy: { group: { position: 'asc' }, position: 'asc' } });
    expect(items.map((d) => [d.description, d.retentionText, d.retentionFromRecord, d.sourceDescription, d.sourceFromRecord])).toEqual([
      ['Naam en adres', RETENTION, true, 'Basisregistratie Personen', true],
      ['Logbestanden', '6 maanden', false, 'Systeem', false],
      ['Accountnaam', RETENTION, true, 'Basisregistratie Personen', true],
    ]);
  });

  it('the public record shows it, and every item shows the retention and source that apply to it', async () => {
    const data = await server.publicClient.query<{ processingActivities: { edges: { node: PublicRecord }[] } }>(
      `{ processingActivities(first: 10, search: "Brede termijn") { edges { node { reference retention { text rules { kind duration valuation selectionList processNumber } }
          source { description isDataSubject } dataSubjectGroups { dataItems { description retention { text rules { duration } } source { description } } } } } } }`,
    );
    const node = data.processingActivities.edges.map((e) => e.node).find((n) => n.reference === 'RW-1')!;
    expect(node.retention).toEqual({ text: RETENTION, rules: [expect.objectContaining({ duration: 'P10Y', valuation: 'DESTROY', processNumber: '1.1.2' })] });
    expect(node.source).toEqual({ description: 'Basisregistratie Personen', isDataSubject: false });
    expect(node.dataSubjectGroups.flatMap((g) => g.dataItems).map((d) => [d.description, d.retention.text, d.retention.rules.map((r) => r.duration), d.source.description])).toEqual([
      ['Naam en adres', RETENTION, ['P10Y'], 'Basisregistratie Personen'],
      ['Logbestanden', '6 maanden', ['P6M'], 'Systeem'],
      ['Accountnaam', RETENTION, ['P10Y'], 'Basisregistratie Personen'],
    ]);
  });

  it('the downloads agree: a CSV row per item with the retention that applies, the NDJSON record with the record-wide fields', async () => {
    const csv = await (await fetch(`${server.url}/open-data/processing-activities-data-items.csv`)).text();
    const rows: Record<string, string>[] = parseCsv(csv.replace(/^\uFEFF/, ''), { columns: true });
    const own = rows.filter((r) => r.reference === 'RW-1');
    expect(own.map((r) => [r.data_item, r.retention_text, r.retention_durations, r.source])).toEqual([
      ['Naam en adres', RETENTION, 'P10Y', 'Basisregistratie Personen'],
      ['Logbestanden', '6 maanden', 'P6M', 'Systeem'],
      ['Accountnaam', RETENTION, 'P10Y', 'Basisregistratie Personen'],
    ]);
    const ndjson = (await (await fetch(`${server.url}/open-data/processing-activities.ndjson`)).text()).trimEnd().split('\n').map((l) => JSON.parse(l));
    const line = ndjson.find((r) => r.reference === 'RW-1');
    expect(line.retention.text).toBe(RETENTION);
    expect(line.source).toEqual({ isDataSubject: false, description: 'Basisregistratie Personen' });
  });

  it('the export gives back exactly what was sent (stated once, not copied onto items), so pushing it back is UNCHANGED', async () => {
    const exported = await client.query<{ exportProcessingActivities: { nodes: Record<string, unknown>[] } }>(
      `{ exportProcessingActivities(references: ["RW-1"]) { nodes { reference baseVersion title legalRole retentionText sourceDescription sourceIsDataSubject
          purposes { description legalBasis } recipients { description } thirdCountryTransfers { applies statement }
          automatedDecisionMaking { applies statement } dataSubjectGroups { description dataItems { description retentionText sourceDescription sourceIsDataSubject } } } } }`,
    );
    const [node] = exported.exportProcessingActivities.nodes;
    expect(node).toMatchObject({ retentionText: RETENTION, sourceDescription: 'Basisregistratie Personen', sourceIsDataSubject: false });
    expect(node.dataSubjectGroups).toEqual([
      {
        description: 'Inwoners',
        dataItems: [
          { description: 'Naam en adres', retentionText: null, sourceDescription: null, sourceIsDataSubject: null },
          { description: 'Logbestanden', retentionText: '6 maanden', sourceDescription: 'Systeem', sourceIsDataSubject: false },
        ],
      },
      { description: 'Medewerkers', dataItems: [{ description: 'Accountnaam', retentionText: null, sourceDescription: null, sourceIsDataSubject: null }] },
    ]);
    const again = await sync(client, { records: [wide('RW-1')] });
    expect(again.results[0]).toMatchObject({ outcome: 'UNCHANGED', version: 1 });
  });
});

interface PublicRecord {
  reference: string;
  retention: unknown;
  source: unknown;
  dataSubjectGroups: { dataItems: { description: string; retention: { text: string; rules: { duration: string | null }[] }; source: { description: string } }[] }[];
}
