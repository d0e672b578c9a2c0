import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import jsonld from 'jsonld';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildSchema } from 'graphql';
import { ACTIVITY_COLUMNS, DATA_ITEM_COLUMNS, LIST_SEPARATOR } from '../../src/api/public/open-data/csv-columns';
import { Fixtures, seedContent } from '../support/fixtures';
import { fullSelection } from '../support/full-selection';
import { startTestServer, type TestServer } from '../support/test-server';
import { ALL_ACTIVITY_FIELDS } from './activity-fields';

/**
 * The open-data downloads against the GraphQL API, after a sequence of publishes, an update and
 * withdrawals: the same records with the same content, withdrawn ones absent; validators that
 * move when the register does; the linked data and the catalogue read by a JSON-LD processor.
 * The downloads are rendered from the read model's documents, not through GraphQL: the NDJSON is
 * compared with GraphQL's answer for every field of the type, so the two cannot drift apart.
 */
let server: TestServer;
let fx: Fixtures;

type Activity = Record<string, any>;

beforeAll(async () => {
  server = await startTestServer();
  fx = new Fixtures(server.db.orm);
  await fx.save('OD-1', { ...seedContent('M4140'), title: 'Open data: eerste, met "aanhalingstekens", komma\'s en een\nregeleinde' });
  await fx.save('OD-2', { ...seedContent('D2717'), title: 'Open data: wordt ingetrokken' });
  await fx.save('OD-3', { ...seedContent('M10495'), title: 'Open data: eerste versie' });
  await fx.save('OD-3', { ...seedContent('M10495'), title: 'Open data: tweede versie' });
  // Related processings: to a public record, to one about to be withdrawn, to none in the register.
  await fx.save('OD-4', {
    ...seedContent('D2717'),
    title: 'Open data: met gerelateerde verwerkingen',
    relatedProcessings: [
      { reference: 'OD-3', description: 'Zichtbaar' },
      { reference: 'OD-2', description: 'Wordt ingetrokken' },
      { reference: 'OD-ONBEKEND', description: null },
    ],
  });
  await fx.withdraw('OD-2');
  await fx.withdraw('M4140');
});
afterAll(() => server.close());

async function download(file: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/open-data/${file}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  // Decoded as a spreadsheet would: a leading byte-order mark stays visible in `text` (fetch's text() drops it).
  return { res, bytes, text: bytes.toString('utf8') };
}

async function graphqlRecords(filter = '{}'): Promise<Activity[]> {
  const all: Activity[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await server.publicClient.query(`query($after: String) { processingActivities(first: 2, after: $after, orderBy: TITLE_ASC, filter: ${filter}) { pageInfo { hasNextPage endCursor } edges { node { ${ALL_ACTIVITY_FIELDS} } } } }`, { after });
    all.push(...data.processingActivities.edges.map((e: { node: Activity }) => e.node));
    if (!data.processingActivities.pageInfo.hasNextPage) return all;
    after = data.processingActivities.pageInfo.endCursor;
  }
}

/** Every record through GraphQL with every field of ProcessingActivity, as the NDJSON promises (one per page: history makes a record costly). */
async function graphqlFullRecords(): Promise<Activity[]> {
  const schema = buildSchema(await (await fetch(`${server.url}/graphql/schema.graphql`)).text());
  // Organisation.children and Organisation.processingActivities list other objects of the register, not the record's content.
  const fields = fullSelection(schema, 'ProcessingActivity', new Set(['Organisation.children', 'Organisation.processingActivities']));
  const all: Activity[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await server.publicClient.query(`query($after: String) { processingActivities(first: 1, after: $after, orderBy: TITLE_ASC) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`, { after });
    all.push(...data.processingActivities.edges.map((e: { node: Activity }) => e.node));
    if (!data.processingActivities.pageInfo.hasNextPage) return all;
    after = data.processingActivities.pageInfo.endCursor;
  }
}

test('NDJSON: one line per public record, exactly what GraphQL answers for every field, withdrawn records absent', async () => {
  const { res, text } = await download('processing-activities.ndjson');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
  const expected = await graphqlFullRecords();
  expect(lines.map((l) => l.reference)).toEqual(expected.map((e) => e.reference));
  expect(lines.map((l) => l.reference)).toEqual(expect.arrayContaining(['OD-1', 'OD-3', 'OD-4']));
  expect(lines.map((l) => l.reference)).not.toContain('OD-2');
  expect(lines.map((l) => l.reference)).not.toContain('M4140');
  lines.forEach((line, i) => expect(line).toEqual(expected[i]));
  // What the comparison covers: an older version in the history, related records (public, withdrawn, unknown), party organisations.
  const od3 = lines.find((l) => l.reference === 'OD-3');
  expect(od3).toMatchObject({ title: 'Open data: tweede versie', versionNumber: 2 });
  expect(od3.history.map((v: Activity) => [v.versionNumber, v.title])).toEqual([
    [2, 'Open data: tweede versie'],
    [1, 'Open data: eerste versie'],
  ]);
  expect(lines.find((l) => l.reference === 'OD-4').relatedProcessings.map((r: Activity) => [r.reference, r.activity?.title ?? null])).toEqual([
    ['OD-3', 'Open data: tweede versie'],
    ['OD-2', null],
    ['OD-ONBEKEND', null],
  ]);
  expect(lines.some((l) => l.controllers.some((c: Activity) => c.organisation?.publishedActivityCount > 0))).toBe(true);
});

test('CSV of records: a header row, one row per record, lists joined, UTF-8 with BOM', async () => {
  const { res, bytes, text } = await download('processing-activities.csv');
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: Record<string, string>[] = parseCsv(text, { bom: true, columns: true });
  const expected = await graphqlRecords();
  expect(Object.keys(rows[0])).toEqual(ACTIVITY_COLUMNS.map((c) => c.name));
  expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
  for (const [row, record] of rows.map((r, i) => [r, expected[i]] as const)) {
    expect(row.title).toBe(record.title);
    expect(row.reference).toBe(record.reference);
    expect(row.organisation).toBe(record.organisation.name);
    expect([row.version, row.published_at, row.updated_at]).toEqual([String(record.versionNumber), record.publishedAt, record.updatedAt]);
    expect(row.purposes).toBe(record.purposes.map((p: Activity) => p.description).join(LIST_SEPARATOR));
    expect(row.recipients.split(LIST_SEPARATOR).filter(Boolean)).toEqual(record.recipients.map((r: Activity) => r.description));
    expect(row.third_country_transfers).toBe(record.thirdCountryTransfers ? String(record.thirdCountryTransfers.applies) : '');
  }
  expect(rows.find((r) => r.reference === 'OD-1')!.title).toBe('Open data: eerste, met "aanhalingstekens", komma\'s en een\nregeleinde');
});

test('CSV of data items: one row per data item with its group and retention', async () => {
  const { text } = await download('processing-activities-data-items.csv');
  const rows: Record<string, string>[] = parseCsv(text, { bom: true, columns: true });
  expect(Object.keys(rows[0])).toEqual(DATA_ITEM_COLUMNS.map((c) => c.name));
  const expected = (await graphqlRecords()).flatMap((a) => a.dataSubjectGroups.flatMap((g: Activity) => g.dataItems.map((item: Activity) => ({ a, g, item }))));
  expect(rows).toHaveLength(expected.length);
  rows.forEach((row, i) => {
    const { a, g, item } = expected[i];
    expect([row.reference, row.data_subject_group, row.data_item, row.retention_text]).toEqual([a.reference, g.description, item.description, item.retention.text ?? '']);
    expect(row.retention_kinds).toBe(item.retention.rules.map((r: Activity) => r.kind).join(LIST_SEPARATOR));
  });
});

test('JSON-LD: the records as W3C DPV processes, read by a JSON-LD processor', async () => {
  const { res, text } = await download('processing-activities.jsonld');
  expect(res.headers.get('content-type')).toMatch(/application\/ld\+json/);
  const quads = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads' });
  const expected = await graphqlRecords();
  const record = expected.find((e) => e.reference === 'OD-3')!;
  const subject = `<${server.url}/open-data/processing-activities.jsonld#${encodeURIComponent(record.id)}>`;
  const of = (predicate: string) => (quads as string).split('\n').filter((q) => q.startsWith(`${subject} <${predicate}>`));
  expect(of('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toEqual([`${subject} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/dpv#Process> .`]);
  expect(of('http://purl.org/dc/terms/title')[0]).toContain('"Open data: tweede versie"');
  expect(of('http://purl.org/dc/terms/identifier')[0]).toContain('"OD-3"');
  expect(of('https://w3id.org/dpv#hasPurpose')).toHaveLength(record.purposes.length);
  expect(of('https://w3id.org/dpv#hasRecipient')).toHaveLength(record.recipients.length);
  expect(of('https://w3id.org/dpv#hasDataSubject')).toHaveLength(record.dataSubjectGroups.length);
  const legalBases = record.purposes.map((p: Activity) => p.legalBasis?.dpvIri).filter(Boolean);
  expect(legalBases.length).toBeGreaterThan(0);
  for (const iri of legalBases) expect(quads).toContain(`<https://w3id.org/dpv#hasLegalBasis> <${iri}>`);
  const controller = of('https://w3id.org/dpv#hasDataController')[0];
  expect(controller).toContain(record.organisation.tooiUri ? `<${record.organisation.tooiUri}>` : '#organisation-');
  const subjects = new Set((quads as string).split('\n').filter((q) => q.includes('<https://w3id.org/dpv#Process>')).map((q) => q.split(' ')[0]));
  expect(subjects.size).toBe(expected.length);
});

test('DCAT catalogue: dataset, distributions for every download, licence, modified date', async () => {
  const { text } = await download('catalog.jsonld');
  const expanded: any[] = await jsonld.expand(JSON.parse(text));
  const flat = JSON.stringify(expanded);
  const catalog = expanded[0];
  expect(catalog['@type']).toEqual(['http://www.w3.org/ns/dcat#Catalog']);
  const dataset = catalog['http://www.w3.org/ns/dcat#dataset'][0];
  const downloads = dataset['http://www.w3.org/ns/dcat#distribution'].flatMap((d: any) => (d['http://www.w3.org/ns/dcat#downloadURL'] ?? []).map((u: any) => u['@id']));
  const listing: any = await (await fetch(`${server.url}/open-data/`, { headers: { accept: 'application/json' } })).json();
  expect(downloads.sort()).toEqual(listing.downloads.map((d: any) => `${server.url}${d.url}`).sort());
  expect(dataset['http://purl.org/dc/terms/license'][0]['@id']).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
  expect(dataset['http://purl.org/dc/terms/modified'][0]['@value']).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(flat).toContain(`${server.url}/graphql`);
});

test('a download is revalidated by its change-log position: 304 without SQL while unchanged, new validators once a withdrawal is notified', async () => {
  const first = await download('processing-activities.csv');
  const etag = first.res.headers.get('etag')!;
  const position = first.res.headers.get('x-register-position')!;
  expect(etag).toContain(position);
  expect(first.res.headers.get('last-modified')).toBeTruthy();
  const statements: string[] = [];
  const count = (q: { sql: string }) => statements.push(q.sql);
  server.db.orm.em.getKnex().on('query', count);
  const again = await httpGet(`${server.url}/open-data/processing-activities.csv`, { 'if-none-match': etag });
  server.db.orm.em.getKnex().off('query', count);
  expect(again.status).toBe(304);
  expect(again.body).toBe('');
  // The head is kept in the process until the register's change notification: nothing was read.
  expect(statements).toEqual([]);
  const ndjson = await download('processing-activities.ndjson');
  expect(ndjson.res.headers.get('etag')).not.toBe(etag);

  await fx.withdraw('OD-1');
  // The process drops its copy of the head when the projector's notification arrives (milliseconds after the commit).
  const started = Date.now();
  let after = await httpGet(`${server.url}/open-data/processing-activities.csv`, { 'if-none-match': etag });
  while (after.status === 304 && Date.now() - started < 2_000) {
    await new Promise((r) => setTimeout(r, 5));
    after = await httpGet(`${server.url}/open-data/processing-activities.csv`, { 'if-none-match': etag });
  }
  expect(after.status).toBe(200);
  expect(after.body).not.toContain('OD-1');
  expect(Number(after.headers['x-register-position'])).toBeGreaterThan(Number(position));
});

test('per organisation, by global id, TOOI URI or OIN, with or without sub-organisations', async () => {
  const orgs: any = await server.publicClient.query(`{ organisations(all: true) { id name tooiUri oin parent { id } publishedActivityCount } }`);
  const withRecords = orgs.organisations.filter((o: any) => o.publishedActivityCount > 0);
  expect(withRecords.length).toBeGreaterThan(0);
  for (const org of withRecords) {
    const expected = (await graphqlRecords(`{ organisation: "${org.id}" }`)).map((r) => r.reference);
    for (const ref of [org.id, org.tooiUri, org.oin].filter(Boolean)) {
      const { text } = await download(`processing-activities.ndjson?organisation=${encodeURIComponent(ref)}`);
      expect({ ref, refs: text.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l).reference) }).toEqual({ ref, refs: expected });
    }
    const own = await download(`processing-activities.ndjson?organisation=${encodeURIComponent(org.id)}&subOrganisations=false`);
    const ownRefs = own.text.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    // Its own records and the shared records it adopted, none of its sub-organisations'.
    expect(ownRefs.every((r) => r.organisation.id === org.id || r.sharedWith.some((o: { id: string }) => o.id === org.id))).toBe(true);
  }
  const unknown = await download('processing-activities.csv?organisation=https%3A%2F%2Fexample.org%2Fnone');
  expect(unknown.res.status).toBe(404);
  expect(JSON.parse(unknown.text).errors[0].extensions.code).toBe('NOT_FOUND');
  const bad = await download('processing-activities.csv?organisation=x&subOrganisations=maybe');
  expect(bad.res.status).toBe(400);
});

test('the listing at /open-data/ links every download and the catalogue', async () => {
  const { res, text } = await download('');
  expect(res.status).toBe(200);
  for (const file of ['processing-activities.csv', 'processing-activities-data-items.csv', 'processing-activities.ndjson', 'processing-activities.jsonld', 'catalog.jsonld']) {
    expect(text).toContain(`href="/open-data/${file}"`);
  }
});

function httpGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res: any) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body, headers: res.headers }));
      }).on('error', reject);
  });
}

test('docs/open-data.md documents every column of both CSV files', () => {
  const docs = readFileSync(path.join(__dirname, '../../docs/open-data.md'), 'utf8');
  for (const column of [...ACTIVITY_COLUMNS, ...DATA_ITEM_COLUMNS]) expect(docs).toContain(`| \`${column.name}\` | ${column.description.replace(/\|/g, '\\|')} |`);
});
