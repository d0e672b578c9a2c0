import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { issueToken, mutate, record, seedContent, sync } from './support/sync-helpers';

const group = (dataItem: Record<string, unknown>) => [{ description: 'Inwoners', dataItems: [{ description: 'Naam', retentionText: '1 jaar', ...dataItem }] }];
const party = (p: Record<string, unknown>) => [{ name: 'Gemeente Lisse', ...p }];
const transfers = (t: Record<string, unknown>[]) => ({ applies: true, transfers: t });

/** Each bad input, the path of the field that should be named, and the code. Every other field of the record is valid. */
const CASES: [string, Record<string, unknown>, string[], string][] = [
  ['reference with spaces', { reference: 'D 2717' }, ['reference'], 'INVALID_REFERENCE'],
  ['reference starting with a dash', { reference: '-D1' }, ['reference'], 'INVALID_REFERENCE'],
  ['reference over 64 characters', { reference: 'R'.repeat(65) }, ['reference'], 'TOO_LONG'],
  ['blank title', { title: '   ' }, ['title'], 'BLANK'],
  ['title over 500 characters', { title: 'x'.repeat(501) }, ['title'], 'TOO_LONG'],
  ['description over 20000 characters', { description: 'x'.repeat(20_001) }, ['description'], 'TOO_LONG'],
  ['control characters', { description: 'bell\u0007byte' }, ['description'], 'INVALID_FORMAT'],
  ['a NUL character (the database cannot store it)', { description: 'nul\u0000byte' }, ['description'], 'INVALID_CHARACTERS'],
  ['negative base version', { baseVersion: -1 }, ['baseVersion'], 'INVALID_FORMAT'],
  ['blank purpose', { purposes: [{ description: '' }] }, ['purposes', '0', 'description'], 'BLANK'],
  ['statutory reference URL', { purposes: [{ description: 'Doel', legalBasis: 'PUBLIC_TASK', statutoryReferences: [{ title: 'Wet', url: 'ftp://wetten.nl' }] }] }, ['purposes', '0', 'statutoryReferences', '0', 'url'], 'INVALID_URL'],
  ['mistyped ISO 8601 duration', { dataSubjectGroups: group({ retentionText: 'P6X' }) }, ['dataSubjectGroups', '0', 'dataItems', '0', 'retentionText'], 'INVALID_DURATION'],
  ['ISO 8601 duration with a dangling T', { dataSubjectGroups: group({ retentionText: 'P1YT' }) }, ['dataSubjectGroups', '0', 'dataItems', '0', 'retentionText'], 'INVALID_DURATION'],
  ['special categories contradict "none"', { dataSubjectGroups: [{ description: 'Inwoners', noSpecialCategories: true, specialCategories: ['HEALTH_DATA'], dataItems: [] }] }, ['dataSubjectGroups', '0', 'noSpecialCategories'], 'CONTRADICTION'],
  ['special category twice', { dataSubjectGroups: [{ description: 'Inwoners', specialCategories: ['HEALTH_DATA', 'HEALTH_DATA'], dataItems: [] }] }, ['dataSubjectGroups', '0', 'specialCategories'], 'INVALID_FORMAT'],
  ['recipients contradict "none"', { recipientsNone: true, recipients: [{ description: 'Iemand' }] }, ['recipientsNone'], 'CONTRADICTION'],
  ['transfers while "applies: false"', { thirdCountryTransfers: { applies: false, transfers: [{ countryCode: 'US', recipientName: 'X' }] } }, ['thirdCountryTransfers', 'applies'], 'CONTRADICTION'],
  ['transfer country not ISO 3166', { thirdCountryTransfers: transfers([{ countryCode: 'XX', recipientName: 'X' }]) }, ['thirdCountryTransfers', 'transfers', '0', 'countryCode'], 'INVALID_COUNTRY_CODE'],
  ['transfer country of three letters', { thirdCountryTransfers: transfers([{ countryCode: 'USA', recipientName: 'X' }]) }, ['thirdCountryTransfers', 'transfers', '0', 'countryCode'], 'INVALID_COUNTRY_CODE'],
  ['transfer to nowhere', { thirdCountryTransfers: transfers([{ recipientName: 'X' }]) }, ['thirdCountryTransfers', 'transfers', '0', 'countryCode'], 'REQUIRED'],
  ['address country', { controllers: party({ postalAddress: { line: 'Postbus 200', countryCode: 'NLD' } }) }, ['controllers', '0', 'postalAddress', 'countryCode'], 'INVALID_COUNTRY_CODE'],
  ['postal code over 16 characters', { controllers: party({ postalAddress: { line: 'Postbus 200', postalCode: '1'.repeat(17) } }) }, ['controllers', '0', 'postalAddress', 'postalCode'], 'TOO_LONG'],
  ['party kind over 32 characters', { controllers: party({ kind: 'k'.repeat(33) }) }, ['controllers', '0', 'kind'], 'TOO_LONG'],
  ['party e-mail', { processors: party({ email: 'privacy-at-lisse.nl' }) }, ['processors', '0', 'email'], 'INVALID_EMAIL'],
  ['party phone', { controllers: party({ phone: 'bel ons' }) }, ['controllers', '0', 'phone'], 'INVALID_PHONE'],
  ['party OIN', { controllers: party({ organisationOin: '12345' }) }, ['controllers', '0', 'organisationOin'], 'INVALID_OIN'],
  ['party TOOI URI', { controllers: party({ organisationTooi: 'https://example.org/lisse' }) }, ['controllers', '0', 'organisationTooi'], 'INVALID_TOOI'],
  ['related processing reference', { relatedProcessings: [{ reference: 'D 1' }] }, ['relatedProcessings', '0', 'reference'], 'INVALID_REFERENCE'],
  ['contact person e-mail', { internal: { contactPersons: [{ name: 'J. Jansen', email: 'jansen' }] } }, ['internal', 'contactPersons', '0', 'email'], 'INVALID_EMAIL'],
  ['attachment date', { internal: { attachments: [{ name: 'DPIA', date: '31-12-2024' }] } }, ['internal', 'attachments', '0', 'date'], 'INVALID_DATE'],
  ['DPIA answer of the wrong type', { internal: { dpiaScreening: { answers: { grootschalig: 3 } } } }, ['internal', 'dpiaScreening', 'answers', 'grootschalig'], 'INVALID_FORMAT'],
  ['too many recipients', { recipients: Array.from({ length: 501 }, (_, i) => ({ description: `Ontvanger ${i}` })) }, ['recipients'], 'TOO_MANY'],
];

describe('validation: a clear error for every bad input, and nothing lost', () => {
  let server: TestServer;
  let client: ReturnType<TestServer['syncClient']>;

  beforeAll(async () => {
    server = await startTestServer();
    client = server.syncClient(await issueToken(server.db.orm, 'Gemeente Lisse'));
  });
  afterAll(() => server?.close());

  test.each(CASES)('%s → %s at its path', async (_label, overrides, path, code) => {
    const bad = record('V-1', overrides);
    const res = await sync(client, { records: [record('V-GOOD'), bad] });
    const failed = res.results[1];
    expect(failed.outcome).toBe('FAILED');
    expect(failed.errors).toContainEqual({ path: ['records', '1', ...path], code, message: expect.any(String) });
    expect(failed.errors.every((e) => e.message.length > 10)).toBe(true);
    expect(res.results[0].outcome).not.toBe('FAILED');
    expect(await server.db.orm.em.fork().count(ProcessingActivity, { reference: String(bad.reference) })).toBe(0);
  });

  it('reports every error of a record at once, each with its own path', async () => {
    const res = await sync(client, { dryRun: true, records: [record('V 2', { title: '', thirdCountryTransfers: transfers([{ countryCode: 'ZZ', recipientName: 'X' }]) })] });
    expect(res.results[0].errors.map((e) => e.code).sort()).toEqual(['BLANK', 'INVALID_COUNTRY_CODE', 'INVALID_REFERENCE']);
  });

  it('accepts lower-case country codes and stores them upper-case; accepts valid ISO 8601 durations', async () => {
    const res = await sync(client, {
      records: [record('V-OK', { thirdCountryTransfers: transfers([{ countryCode: 'us', recipientName: 'X' }]), dataSubjectGroups: group({ retentionText: 'P1Y6M' }) })],
    });
    expect(res.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
    const v = await server.db.orm.em.fork().findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'V-OK' } });
    expect(v.transferCountryCodes).toEqual(['US']);
  });

  it('an unknown legal basis or a missing title fails that record alone, with a path and a code (no request-wide BAD_USER_INPUT)', async () => {
    const res = await sync(client, { records: [record('V-E', { purposes: [{ description: 'x', legalBasis: 'MAGIC' }] }), (({ title: _t, ...noTitle }) => noTitle)(record('V-T'))] });
    expect(res.results.map((r) => [r.outcome, r.errors.map((e) => [e.code, e.path.join('.')])])).toEqual([
      ['FAILED', [['INVALID_CODE', 'records.0.purposes.0.legalBasis']]],
      ['FAILED', [['REQUIRED', 'records.1.title']]],
    ]);
  });

  it('an idempotency key over 200 characters is refused', async () => {
    const res = await sync(client, { idempotencyKey: 'k'.repeat(201), records: [record('V-K')] });
    expect(res.errors.map((e) => [e.code, e.path])).toEqual([['INVALID_FORMAT', ['idempotencyKey']]]);
  });

  describe('drafts may be incomplete; publication requires the Article 30 fields', () => {
    const minimal = { reference: 'V-DRAFT', title: 'Nog in bewerking', legalRole: 'CONTROLLER' };

    it('saves an incomplete draft', async () => {
      const res = await sync(client, { records: [minimal] });
      expect(res.results[0]).toMatchObject({ outcome: 'CREATED', version: 1, errors: [] });
    });

    it('publishing it lists every missing field, each with the letter of Art. 30(1) it enforces', async () => {
      const res = await mutate<{ changed: boolean; errors: { path: string[]; code: string; message: string; article: string | null }[] }>(
        client,
        'publishProcessingActivity',
        { activity: { reference: 'V-DRAFT' } },
        'PublishProcessingActivityInput',
        'changed errors { path code message article }',
      );
      expect(res.changed).toBe(false);
      // No automated-decision-making answer is asked for: Art. 30(1) does not require one.
      expect(res.errors.map((e) => [e.code, e.path.join('.'), e.article])).toEqual([
        ['REQUIRED_FOR_PUBLICATION', 'content.purposes', '30(1)(b)'],
        ['REQUIRED_FOR_PUBLICATION', 'content.dataSubjectGroups', '30(1)(c)'],
        ['REQUIRED_FOR_PUBLICATION', 'content.recipients', '30(1)(d)'],
        ['REQUIRED_FOR_PUBLICATION', 'content.thirdCountryTransfers', '30(1)(e)'],
      ]);
      for (const e of res.errors) expect(e.message.startsWith(`Art. ${e.article}: `)).toBe(true);
      expect((await server.db.orm.em.fork().findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'V-DRAFT' } })).status).toBe('DRAFT');
    });

    it('names the deeper gaps: a purpose without legal basis, a group without data items, a data item without retention', async () => {
      const base = seedContent('D2717');
      const res = await sync(client, {
        records: [
          {
            ...minimal,
            reference: 'V-DRAFT-2',
            purposes: [{ description: 'Doel zonder grondslag' }],
            dataSubjectGroups: [
              { description: 'Leeg', dataItems: [] },
              { description: 'Zonder termijn', dataItems: [{ description: 'Naam' }, { description: 'Adres', retentionText: '2 jaar' }] },
            ],
            recipientsNone: true,
            thirdCountryTransfers: base.thirdCountryTransfers,
            automatedDecisionMaking: base.automatedDecisionMaking,
            publish: true,
          },
        ],
      });
      expect(res.results[0].outcome).toBe('FAILED');
      expect(res.results[0].errors.map((e) => [e.code, e.path.join('.')])).toEqual([
        ['REQUIRED_FOR_PUBLICATION', 'records.0.purposes.0.legalBasis'],
        ['REQUIRED_FOR_PUBLICATION', 'records.0.dataSubjectGroups.0.dataItems'],
        ['REQUIRED_FOR_PUBLICATION', 'records.0.dataSubjectGroups.1.dataItems.0.retentionText'],
      ]);
      expect(await server.db.orm.em.fork().count(ProcessingActivity, { reference: 'V-DRAFT-2' })).toBe(0);
    });

    it('"recipientsNone: true" answers the recipients question', async () => {
      const res = await sync(client, { records: [record('V-NONE', { recipients: [], recipientsNone: true, publish: true })] });
      expect(res.results[0]).toMatchObject({ outcome: 'CREATED', errors: [] });
    });

    it('publishes without an automated-decision-making answer (not an Art. 30(1) item); the public shows one only when given', async () => {
      const res = await sync(client, {
        records: [record('V-NO-ADM', { title: 'Zonder besluitvorming', automatedDecisionMaking: null, publish: true }), record('V-ADM', { title: 'Met besluitvorming', publish: true })],
      });
      expect(res.results.map((r) => [r.reference, r.outcome, r.errors])).toEqual([
        ['V-NO-ADM', 'CREATED', []],
        ['V-ADM', 'CREATED', []],
      ]);
      const { data } = await server.publicClient.request<{ processingActivities: { edges: { node: { reference: string; automatedDecisionMaking: unknown } }[] } }, Record<string, never>>(
        '{ processingActivities(first: 100) { edges { node { reference automatedDecisionMaking { applies statement } } } } }',
      );
      const shown = Object.fromEntries(data!.processingActivities.edges.map((e) => [e.node.reference, e.node.automatedDecisionMaking]));
      expect(shown['V-NO-ADM']).toBeNull();
      expect(shown['V-ADM']).toEqual({ applies: seedContent('D2717').automatedDecisionMaking!.applies, statement: seedContent('D2717').automatedDecisionMaking!.statement ?? null });
    });
  });
});
