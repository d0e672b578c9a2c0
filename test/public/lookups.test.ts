import { Fixtures, markedContent, seedContent } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ActivityByIdDocument, ActivityByReferenceDocument, HistoryDocument, NodeDocument, OrganisationTreeDocument } from '../generated/public/graphql';
import { organisationIds } from './support/public-helpers';

/** End-to-end over HTTP: the organisation tree with counts, lookups by reference and by global id, history, vocabularies. */

let server: TestServer;
let fixtures: Fixtures;
let org: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  fixtures = new Fixtures(server.db.orm);
  org = await organisationIds(server.publicClient);
});
afterAll(() => server?.close());

const byReference = async (organisation: string, reference: string) =>
  (await server.publicClient.query(ActivityByReferenceDocument, { organisation, reference })).processingActivityByReference;

describe('organisations', () => {
  type Counts = { name: string; publishedActivityCount: number; ownCount: number; children?: Counts[] };
  const flatten = (list: Counts[]): Record<string, [number, number]> =>
    Object.assign({}, ...list.map((o) => ({ [o.name]: [o.publishedActivityCount, o.ownCount], ...flatten(o.children ?? []) })));

  test('the tree, with counts with and without sub-organisations', async () => {
    const { organisations } = await server.publicClient.query(OrganisationTreeDocument);
    const ez = organisations.find((o) => o.name === 'Ministerie van Economische Zaken')!;
    expect(ez.children.map((c) => c.abbreviation)).toEqual(['RVO']);
    expect(organisations.map((o) => o.name)).not.toContain('Rijksdienst voor Ondernemend Nederland'); // not at the top
    expect(flatten(organisations)).toEqual({
      'Ministerie van Defensie': [2, 2],
      'Ministerie van Economische Zaken': [1, 0],
      'Rijksdienst voor Ondernemend Nederland': [1, 1],
      'Ministerie van Financiën': [1, 0],
      'SG/ Directie Communicatie': [1, 1],
      'Gemeenschappelijke Regeling werkorganisatie HLTsamen': [1, 1],
      // The chatbot seed, which HLTsamen shares with them: each lists it, adopted.
      'Gemeente Lisse': [1, 1],
      'Gemeente Hillegom': [1, 1],
      'Gemeente Teylingen': [1, 1],
    });
  });

  test('counts follow publication: a published record counts up the tree, a draft does not', async () => {
    await fixtures.save('TELLING-1', markedContent('Telling'), { organisation: 'Rijksdienst voor Ondernemend Nederland' });
    await fixtures.save('TELLING-CONCEPT', markedContent('Concept'), { organisation: 'Rijksdienst voor Ondernemend Nederland', status: VersionStatus.DRAFT });
    const counts = flatten((await server.publicClient.query(OrganisationTreeDocument)).organisations);
    expect(counts['Rijksdienst voor Ondernemend Nederland']).toEqual([2, 2]);
    expect(counts['Ministerie van Economische Zaken']).toEqual([2, 0]);
  });
});

describe('processingActivityByReference and processingActivity', () => {
  test('finds a record by its organisation and reference, with nested data', async () => {
    const m = (await byReference(org['Rijksdienst voor Ondernemend Nederland'], 'M10495'))!;
    expect(m.title).toBe('Opnemen en terugluisteren van telefoongesprekken Klantcontact');
    expect(m.organisation.abbreviation).toBe('RVO');
    expect(m.legalRole).toBe('CONTROLLER');
    expect(m.purposes.length).toBeGreaterThan(1);
    expect(m.purposes.find((p) => p.legalBasis?.code === 'LEGAL_OBLIGATION')!.statutoryReferences).toEqual([{ title: 'Archiefwet', url: null }]);
    expect(m.dataSubjectGroups[1].specialCategories.map((c) => c.code)).toEqual(['NATIONAL_IDENTIFICATION_NUMBER']);
    expect(m.controllers[0].visitingAddress).toEqual({ line: 'Prinses Beatrixlaan 2', postalCode: '2595AL', city: 'DEN HAAG', countryCode: 'NL' });
    const byId = (await server.publicClient.query(ActivityByIdDocument, { id: m.id })).processingActivity;
    expect(byId).toEqual(m);
  });

  test('null for another organisation (even its parent), an unknown reference or a malformed id', async () => {
    expect(await byReference(org['Ministerie van Economische Zaken'], 'M10495')).toBeNull();
    expect(await byReference(org['Ministerie van Defensie'], 'M10495')).toBeNull();
    expect(await byReference(org['Rijksdienst voor Ondernemend Nederland'], 'BESTAAT-NIET')).toBeNull();
    expect(await byReference('onzin', 'M10495')).toBeNull();
    expect((await server.publicClient.query(ActivityByIdDocument, { id: org['Ministerie van Defensie'] })).processingActivity).toBeNull(); // an Organisation id
  });

  test('related processings link to published activities', async () => {
    await fixtures.save('GERELATEERD', markedContent('Gerelateerd'));
    const r = (await byReference(org['Ministerie van Defensie'], 'GERELATEERD'))!;
    const d2717 = (await byReference(org['Ministerie van Defensie'], 'D2717'))!;
    expect(r.relatedProcessings).toEqual([{ reference: 'D2717', description: 'Gerelateerd gerelateerd', activity: { id: d2717.id, reference: 'D2717' } }]);
  });
});

describe('node', () => {
  test('resolves every node type by global id', async () => {
    const d2412 = (await byReference(org['Ministerie van Defensie'], 'D2412'))!;
    const activity = (await server.publicClient.query(NodeDocument, { id: d2412.id })).node;
    expect(activity).toEqual({ __typename: 'ProcessingActivity', id: d2412.id, reference: 'D2412', title: d2412.title });

    const organisation = (await server.publicClient.query(NodeDocument, { id: org['Gemeente Lisse'] })).node;
    expect(organisation).toEqual({ __typename: 'Organisation', id: org['Gemeente Lisse'], name: 'Gemeente Lisse' });

    const [version] = (await server.publicClient.query(HistoryDocument, { id: d2412.id })).processingActivity!.history;
    const node = (await server.publicClient.query(NodeDocument, { id: version.id })).node;
    expect(node).toEqual({ __typename: 'ProcessingActivityVersion', id: version.id, reference: 'D2412', versionNumber: 1, title: d2412.title });
  });

  test('null for malformed and unknown ids', async () => {
    for (const id of ['', 'onzin', Buffer.from('ProcessingActivity:00000000-0000-0000-0000-000000000000').toString('base64url'), Buffer.from('Secret:1').toString('base64url')]) {
      expect((await server.publicClient.query(NodeDocument, { id })).node).toBeNull();
    }
  });
});

describe('history', () => {
  test('lists published versions newest first; a later draft is not shown', async () => {
    const v2 = seedContent('D2717');
    v2.title = 'Toepassing chatbot binnen Defensie (versie 2)';
    v2.purposes[0].legalBasis = 'PUBLIC_TASK';
    await fixtures.save('D2717', v2);
    await fixtures.save('D2717', { ...v2, title: 'Concept versie 3' }, { status: VersionStatus.DRAFT });

    const d2717 = (await byReference(org['Ministerie van Defensie'], 'D2717'))!;
    expect([d2717.versionNumber, d2717.title]).toEqual([2, v2.title]);
    const { processingActivity } = await server.publicClient.query(HistoryDocument, { id: d2717.id });
    const history = processingActivity!.history;
    expect(history.map((h) => [h.versionNumber, h.title, h.purposes[0].legalBasis?.code])).toEqual([
      [2, v2.title, 'PUBLIC_TASK'],
      [1, 'Toepassing chatbot binnen Defensie', 'LEGITIMATE_INTERESTS'],
    ]);
    expect(new Set(history.map((h) => h.id)).size).toBe(2);
    expect(Date.parse(history[0].publishedAt)).toBeGreaterThan(Date.parse(history[1].publishedAt));
    expect(JSON.stringify(processingActivity)).not.toContain('Concept versie 3');
  });
});

describe('vocabularies and retention', () => {
  test('D2717 retention: the text verbatim and the parsed rules', async () => {
    const d2717 = (await byReference(org['Ministerie van Defensie'], 'D2717'))!;
    const seed = seedContent('D2717');
    const retention = d2717.dataSubjectGroups[0].dataItems[0].retention;
    expect(retention.text).toBe(seed.dataSubjectGroups[0].dataItems[0].retentionText);
    expect(retention.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ duration: 'P2Y', eventTrigger: 'na einde procedure', processNumber: '9.3.2', selectionList: 'Selectielijst Defensie 2021', valuation: 'DESTROY' }),
        expect.objectContaining({ processNumber: '9.3.3', valuation: 'DESTROY' }),
      ]),
    );
    for (const rule of retention.rules) expect(retention.text).toContain(rule.sourceFragment);
    const sixMonths = d2717.dataSubjectGroups[0].dataItems[1].retention.rules;
    expect(sixMonths).toEqual(expect.arrayContaining([expect.objectContaining({ duration: 'P6M', appliesTo: expect.stringContaining('niet relevante data') })]));
  });

  test('legal bases, special categories and safeguards carry labels, GDPR articles and DPV IRIs', async () => {
    await fixtures.save('DPV-1', markedContent('Woordenlijst'));
    const r = (await byReference(org['Ministerie van Defensie'], 'DPV-1'))!;
    expect(r.purposes[0].legalBasis).toEqual({ code: 'PUBLIC_TASK', label: expect.any(String), labelEn: expect.any(String), gdprArticle: '6(1)(e)', dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-e' });
    expect(r.dataSubjectGroups[0].specialCategories).toEqual([{ code: 'HEALTH_DATA', label: 'Gezondheid', labelEn: 'Data concerning health', gdprArticle: '9(1)', dpvIri: 'https://w3id.org/dpv/pd#MedicalHealth' }]);
    expect(r.thirdCountryTransfers!.transfers[0]).toMatchObject({
      country: { code: 'JP', name: 'Japan' },
      safeguard: { code: 'ADEQUACY_DECISION', label: 'Adequaatheidsbesluit', gdprArticle: '45(3)', dpvIri: 'https://w3id.org/dpv/legal/eu/gdpr#A45-3' },
    });
    const d2412 = (await byReference(org['Ministerie van Defensie'], 'D2412'))!;
    expect(d2412.purposes.find((p) => p.legalBasis?.code === 'LEGITIMATE_INTERESTS')!.legalBasis!.dpvIri).toBe('https://w3id.org/dpv/legal/eu/gdpr#A6-1-f');
    expect(d2412.thirdCountryTransfers).toMatchObject({ applies: true, safeguardStatement: 'Zie DPIA' });
    expect(d2412.thirdCountryTransfers!.transfers.map((t) => [t.country?.code, t.safeguard])).toEqual([['US', null], ['US', null], ['US', null]]);
  });
});
