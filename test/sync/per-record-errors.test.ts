import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataItem } from '../../src/modules/processing-activity/content/data-item.entity';
import { Purpose } from '../../src/modules/processing-activity/content/purpose.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { codes, issueToken, LISSE, record, sync } from './support/sync-helpers';

/** Issue 12, section 3: every record-level problem fails its own record; batch-level problems still refuse the request. */
describe('one bad record does not sink the batch', () => {
  let server: TestServer;
  let token: string;
  let client: ReturnType<TestServer['syncClient']>;
  const em = () => server.db.orm.em.fork();
  const errorsOf = (r: { errors: { code: string; path: string[]; suggestion?: string | null }[] }) => r.errors.map((e) => [e.code, e.path.join('.'), e.suggestion ?? null]);
  const SYNC_WITH_SUGGESTION = /* GraphQL */ `
    mutation Sync($input: SyncProcessingActivitiesInput!) {
      syncProcessingActivities(input: $input) {
        committed
        results { index reference outcome version errors { path code message suggestion } }
        errors { path code message }
      }
    }`;
  const syncWithSuggestions = async (input: Record<string, unknown>) =>
    (await client.query<{ syncProcessingActivities: { committed: boolean; results: { reference: string; outcome: string; errors: { code: string; path: string[]; message: string; suggestion: string | null }[] }[] } }>(SYNC_WITH_SUGGESTION, { input })).syncProcessingActivities;

  beforeAll(async () => {
    server = await startTestServer();
    token = await issueToken(server.db.orm, LISSE);
    client = server.syncClient(token);
  });
  afterAll(() => server?.close());

  it('a batch of three with one malformed record (no title) commits the other two', async () => {
    const { title: _title, ...noTitle } = record('P-2');
    const res = await sync(client, { records: [record('P-1'), noTitle, record('P-3')] });
    expect(res.committed).toBe(true);
    expect(res.results.map((r) => [r.reference, r.outcome])).toEqual([
      ['P-1', 'CREATED'],
      ['P-2', 'FAILED'],
      ['P-3', 'CREATED'],
    ]);
    expect(errorsOf(res.results[1])).toEqual([['REQUIRED', 'records.1.title', null]]);
    expect(await em().count(ProcessingActivityVersion, { activity: { reference: { $in: ['P-1', 'P-2', 'P-3'] } } })).toBe(2);
  });

  it('misspelt codes fail their record with INVALID_CODE, the path and a did-you-mean', async () => {
    const res = await syncWithSuggestions({
      records: [
        record('P-4', { purposes: [{ description: 'Doel', legalBasis: 'LEGAL_OBLIGATON' }] }),
        record('P-5', { legalRole: 'CONTROLER' }),
        record('P-6', { dataSubjectGroups: [{ description: 'Burgers', specialCategories: ['HEALTH_DATE'], dataItems: [{ description: 'Naam', retentionText: '1 jaar' }] }] }),
        record('P-7'),
      ],
    });
    expect(res.results.map((r) => [r.reference, r.outcome, errorsOf(r)])).toEqual([
      ['P-4', 'FAILED', [['INVALID_CODE', 'records.0.purposes.0.legalBasis', 'LEGAL_OBLIGATION']]],
      ['P-5', 'FAILED', [['INVALID_CODE', 'records.1.legalRole', 'CONTROLLER']]],
      ['P-6', 'FAILED', [['INVALID_CODE', 'records.2.dataSubjectGroups.0.specialCategories.0', 'HEALTH_DATA']]],
      ['P-7', 'CREATED', []],
    ]);
    expect(res.results[0].errors[0].message).toBe('"LEGAL_OBLIGATON" is not a known legal basis. Did you mean "LEGAL_OBLIGATION"?');
  });

  it('a missing required text deep in a record and a missing applies are field errors too', async () => {
    const res = await sync(client, {
      records: [record('P-8', { purposes: [{ legalBasis: 'PUBLIC_TASK' }], thirdCountryTransfers: { transfers: [] }, recipients: [{}] })],
    });
    expect(res.results[0].outcome).toBe('FAILED');
    expect(res.results[0].errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['REQUIRED', 'records.0.purposes.0.description'],
      ['REQUIRED', 'records.0.recipients.0.description'],
      ['REQUIRED', 'records.0.thirdCountryTransfers.applies'],
    ]);
  });

  it('accepts Dutch labels as well as codes, through the legal-basis matcher', async () => {
    const res = await sync(client, {
      records: [
        record('P-9', {
          purposes: [
            { description: 'Aanmelding', legalBasis: 'Toestemming betrokkene' },
            { description: 'Archivering', legalBasis: 'Wettelijke verplichting' },
            { description: 'Dienstverlening', legalBasis: 'public_task' },
          ],
          dataSubjectGroups: [{ description: 'Gebruikers', specialCategories: ['Gezondheid', 'RasOfEtniciteit'], dataItems: [{ description: 'Naam', retentionText: '1 jaar' }] }],
        }),
      ],
    });
    expect(res.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
    const purposes = await em().find(Purpose, { version: { activity: { reference: 'P-9' } } }, { orderBy: { position: 'asc' }, populate: ['legalBasis'] });
    expect(purposes.map((p) => p.legalBasis?.code)).toEqual(['CONSENT', 'LEGAL_OBLIGATION', 'PUBLIC_TASK']);
    const version = await em().findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'P-9' } });
    expect([...version.specialCategoryCodes].sort()).toEqual(['HEALTH_DATA', 'RACIAL_OR_ETHNIC_ORIGIN']);
  });

  it('committed says whether anything was written: false when the only record failed, false when all were unchanged', async () => {
    const failedOnly = await sync(client, { records: [record('P-10', { legalRole: 'NOPE' })] });
    expect([failedOnly.committed, failedOnly.summary.failed]).toEqual([false, 1]);
    await sync(client, { records: [record('P-11')] });
    const unchanged = await sync(client, { records: [record('P-11')] });
    expect([unchanged.committed, unchanged.summary.unchanged]).toEqual([false, 1]);
  });

  it('an ISO 8601 duration as the retention text parses into a rule', async () => {
    await sync(client, { records: [record('P-12', { dataSubjectGroups: [{ description: 'Bezoekers', dataItems: [{ description: 'Naam', retentionText: 'P6M' }] }] })] });
    const item = await em().findOneOrFail(DataItem, { group: { version: { activity: { reference: 'P-12' } } } });
    expect(item.retentionRules.map((r) => [r.kind, r.duration])).toEqual([['DURATION', 'P6M']]);
  });

  it('accepts a Dutch functional number "(071) 6450006" on a party and publishes; the lint still refuses a mobile number in public text', async () => {
    const controller = { name: 'Gemeente Lisse', phone: '(071) 6450006', email: 'privacy@lisse.nl' };
    const ok = await sync(client, { records: [record('P-13', { controllers: [controller], publish: true })] });
    expect(ok.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
    const mobile = await sync(client, { records: [record('P-14', { controllers: [controller], description: 'Vragen? Bel Jan op 06-12345678.', publish: true })] });
    expect(mobile.results[0].errors.map((e) => [e.code, e.path.join('.')])).toEqual([['PHONE_NUMBER', 'records.0.description']]);
  });

  it('accepts an attachment date-time as the export writes it (2018-11-01T08:47:02) and keeps it verbatim', async () => {
    const res = await sync(client, { records: [record('P-15', { internal: { attachments: [{ name: 'DPIA.pdf', date: '2018-11-01T08:47:02' }] } })] });
    expect(res.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
    const bad = await sync(client, { records: [record('P-16', { internal: { attachments: [{ name: 'DPIA.pdf', date: '1 november 2018' }] } })] });
    expect(bad.results[0].errors.map((e) => e.code)).toEqual(['INVALID_DATE']);
  });

  it('batch-level problems still refuse the whole request: no token, more than 500 records, malformed JSON', async () => {
    expect(codes(await server.syncClient(null).request(`mutation { syncProcessingActivities(input: { records: [] }) { committed } }`))).toEqual(['UNAUTHENTICATED']);
    const tooMany = await sync(client, { records: Array.from({ length: 501 }, (_, i) => ({ reference: `X-${i}`, title: 'x', legalRole: 'CONTROLLER' })) });
    expect([tooMany.committed, tooMany.results, tooMany.errors.map((e) => e.code)]).toEqual([false, [], ['BATCH_TOO_LARGE']]);
    const malformed = await fetch(`${server.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query": "mutation {' });
    expect(malformed.status).toBe(400);
  });

  it('the documented batch query shows a reused idempotency key with a different request (docs/sync.md)', async () => {
    const doc = readFileSync(join(__dirname, '../../docs/sync.md'), 'utf8');
    const body = JSON.parse(doc.match(/cat > batch\.json <<'JSON'\n([\s\S]*?)\nJSON/)![1]);
    type Answer = { data: { syncProcessingActivities: { committed: boolean; summary: { created: number }; errors: { code: string }[] } } };
    const post = (b: unknown): Promise<Answer> =>
      fetch(`${server.url}/sync/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(b) }).then((r) => r.json() as Promise<Answer>);
    const first = await post(body);
    expect(first.data.syncProcessingActivities.summary.created).toBe(2);
    body.variables.input.records[1].title = 'Anders';
    const reused = await post(body);
    expect(reused.data.syncProcessingActivities.committed).toBe(false);
    expect(reused.data.syncProcessingActivities.errors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });
});
