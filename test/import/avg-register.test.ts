import { toGlobalId } from '../../src/api/common/global-id';
import { CLI_ACTOR } from '../../src/modules/audit/audit.service';
import { importAvgRegister } from '../../src/modules/import/avg-register/avg-register.importer';
import { dutchLocalTime } from '../../src/modules/import/local-time';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { startTestServer, type TestServer } from '../support/test-server';
import { CONTROLLER_FILE, sampleEntries, sampleZip, zipOf } from './support/zip-fixtures';

/** Issue 12, section 1: the AVG-register export (import.zip) imported through the batch service. */
describe('AVG-register importer', () => {
  let server: TestServer;
  const em = () => server.db.orm.em.fork();
  const UNIT = 'Kern - Directie Informatiebeleid / CIO';
  const organisation = (name: string) => em().findOneOrFail(Organisation, { name });
  const run = async (zip: Buffer, parent: string, options: Partial<Parameters<typeof importAvgRegister>[3]> = {}) =>
    importAvgRegister(em(), CLI_ACTOR, zip, { organisation: await organisation(parent), dryRun: false, publish: 'established', replace: false, ...options });
  const outcomes = (report: Awaited<ReturnType<typeof run>>) => report.records.map((r) => [r.reference, r.legalRole, r.sourceStatus, r.outcome, r.state]);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('reads the export times as Dutch local time (2 or 3 fractional digits, no zone)', () => {
    expect(dutchLocalTime('2020-05-26T12:58:19.537')?.toISOString()).toBe('2020-05-26T10:58:19.537Z'); // CEST
    expect(dutchLocalTime('2023-11-14T11:45:27.39')?.toISOString()).toBe('2023-11-14T10:45:27.390Z'); // CET
    expect(dutchLocalTime('2018-11-01T08:47:02')?.toISOString()).toBe('2018-11-01T07:47:02.000Z');
    expect(dutchLocalTime('gisteren')).toBeNull();
  });

  it('imports every record of the sample in its state; the personal e-mail keeps M5071 unpublished, with the reason', async () => {
    const report = await run(sampleZip(), 'Ministerie van Financiën');
    expect(report.source.files).toHaveLength(3);
    expect(report.units).toEqual([{ name: UNIT, id: expect.any(String), created: true }]);
    const unit = await em().findOneOrFail(Organisation, { name: UNIT }, { populate: ['parent'] });
    expect(unit.parent?.name).toBe('Ministerie van Financiën');
    expect(outcomes(report)).toEqual([
      ['M5071', 'CONTROLLER', 'Vastgesteld', 'CREATED', 'UNDER_REVIEW'],
      ['M12536', 'PROCESSOR', 'InBewerking', 'CREATED', 'DRAFT'],
      ['M12537', 'WPG_CONTROLLER', 'InBewerking', 'CREATED', 'DRAFT'],
    ]);
    const m5071 = report.records[0];
    expect(m5071.notPublishable.map((e) => [e.code, e.path.slice(2).join('.')])).toEqual([['PERSONAL_EMAIL', 'controllers.0.email']]);
    expect(report.summary.perUnit[UNIT]).toEqual({ CREATED: 3, NOT_PUBLISHABLE: 1 });
    expect(report.failed).toBe(0);
    // What has no home is reported per record, never dropped silently.
    expect(report.records[1].notKept.map((n) => n.path)).toEqual(
      expect.arrayContaining(['Verwerkers[0].Email', 'Verwerkers[0].Telefoon', 'Verwerkers[0].Land', 'Verantwoordelijken[0].ContactFg', 'Categorien', 'Beveiliging.Verantwoordelijken']),
    );
    const versions = await em().find(ProcessingActivityVersion, { activity: { organisation: unit } }, { populate: ['activity'] });
    expect(versions.map((v) => [v.activity.reference, v.status, v.publishedAt]).sort()).toEqual([
      ['M12536', 'DRAFT', null],
      ['M12537', 'DRAFT', null],
      ['M5071', 'UNDER_REVIEW', null],
    ]);
  });

  it('a second run writes nothing: every record UNCHANGED', async () => {
    const before = await em().count(ProcessingActivityVersion, {});
    const report = await run(sampleZip(), 'Ministerie van Financiën');
    expect(report.records.map((r) => r.outcome)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(report.units[0].created).toBe(false);
    expect(await em().count(ProcessingActivityVersion, {})).toBe(before);
  });

  it('keeps the quirks: BOM, \\r\\n and trailing spaces verbatim, Betrokkenen and Betrokkene, null and ""', async () => {
    const version = await em().findOneOrFail(
      ProcessingActivityVersion,
      { activity: { reference: 'M12537', organisation: { name: UNIT } } },
      { populate: ['dataSubjectGroups', 'purposes', 'purposes.statutoryReferences', 'recipients'] as never },
    );
    expect(version.dataSubjectGroups.getItems().map((g) => [g.description, g.noSpecialCategories])).toEqual([['Slachtoffers', null]]);
    expect(version.purposes.getItems().map((p) => [p.description, p.statutoryReferences.getItems().map((s) => s.title)])).toEqual([['Toelichting\n', ['Wet politiegegevens, artikel 8']]]);
    expect(version.recipients.getItems().map((r) => r.description)).toEqual([
      'Verstrekking op grond van Wet politiegegevens, artikel 15',
      'Verstrekking op grond van Wet politiegegevens, artikel 16',
      'Verstrekking op grond van Wet politiegegevens, artikel 17a',
      'Terbeschikkingstelling',
      'Verstrekking',
      'Doorgifte',
    ]);
    const processor = await em().findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'M12536', organisation: { name: UNIT } } });
    expect(processor.jointControllershipArrangement).toBeNull(); // "" in the export
  });

  it('with a functional address the established record is public with its own date, field by field equal to the source', async () => {
    const files = await sampleEntries();
    const source = JSON.parse(files.get(CONTROLLER_FILE)!)[0];
    source.Verantwoordelijken[0].Email = 'privacy@example.org';
    files.set(CONTROLLER_FILE, JSON.stringify([source], null, 4).replace(/\n/g, '\r\n'));
    const report = await run(zipOf(files), 'Ministerie van Economische Zaken');
    expect(outcomes(report)[0]).toEqual(['M5071', 'CONTROLLER', 'Vastgesteld', 'CREATED', 'PUBLISHED']);
    expect(report.records[0].publishedAt).toBe('2020-05-26T10:58:19.537Z');

    const unit = await em().findOneOrFail(Organisation, { name: UNIT, parent: { name: 'Ministerie van Economische Zaken' } });
    const { data } = await server.publicClient.request<{ processingActivityByReference: Record<string, any> }>(
      `query($o: ID!) { processingActivityByReference(organisation: $o, reference: "M5071") {
          reference title legalRole publishedAt jointControllershipArrangement recipientsNone
          purposes { description legalBasis { code } legalBasisExplanation }
          dataSubjectGroups { description noSpecialCategories specialCategories { code }
            dataItems { description collectionPurpose retention { text rules { kind duration } } source { isDataSubject description } provision { obligatory consequences } } }
          recipients { description explanation }
          controllers { name kind email phone visitingAddress { line postalCode city countryCode } postalAddress { line postalCode city countryCode } }
          processors { name kind email phone visitingAddress { line postalCode city countryCode } postalAddress { line postalCode city countryCode } }
          thirdCountryTransfers { applies statement safeguardStatement }
          automatedDecisionMaking { applies logic consequences } } }`,
      { o: toGlobalId('Organisation', unit.id) },
    );
    const read = data!.processingActivityByReference;
    const party = (p: any) => ({
      name: p.Naam,
      kind: p.Type,
      email: p.Email,
      phone: p.Telefoon,
      visitingAddress: { line: p.Adres, postalCode: p.Postcode, city: p.Plaats, countryCode: 'NL' },
      postalAddress: { line: `Postbus ${p.Postbus}`, postalCode: p.PostbusPostcode, city: p.PostbusPlaats, countryCode: 'NL' },
    });
    expect(read).toEqual({
      reference: source.Nummer,
      title: source.Naam,
      legalRole: 'CONTROLLER',
      publishedAt: '2020-05-26T10:58:19.537Z',
      jointControllershipArrangement: null,
      recipientsNone: null,
      purposes: source.Doelen.map((d: any) => ({ description: d.Doel, legalBasis: { code: 'CONSENT' }, legalBasisExplanation: null })),
      dataSubjectGroups: source.Betrokkenen.map((g: any) => ({
        description: g.Omschrijving,
        noSpecialCategories: null,
        specialCategories: [{ code: 'HEALTH_DATA' }, { code: 'RACIAL_OR_ETHNIC_ORIGIN' }], // the flags Gezondheid and RasOfEtniciteit, in code order
        dataItems: g.Gegevens.map((d: any) => ({
          description: d.Omschrijving,
          collectionPurpose: d.Verzameldoel,
          // "tot uiterlijk 1 maand bewaard; na verwijdering …": a month counted from the event after the semicolon.
          retention: { text: d.Bewaartermijn, rules: [{ kind: 'UNTIL_EVENT', duration: 'P1M' }] },
          source: { isDataSubject: d.IsBronBetrokkene, description: d.BronOmschrijving },
          provision: { obligatory: d.IsBetrokkeneVerplicht, consequences: d.BetrokkeneConsequenties },
        })),
      })),
      recipients: source.Ontvangers.map((o: any) => ({ description: o.Omschrijving, explanation: null })),
      controllers: source.Verantwoordelijken.map(party),
      processors: source.Verwerkers.map((p: any) => ({ ...party(p), email: null, phone: null })),
      thirdCountryTransfers: { applies: false, statement: null, safeguardStatement: null },
      automatedDecisionMaking: { applies: false, logic: null, consequences: null },
    });
    // Verbatim: the \r\n and trailing spaces of the export survive.
    expect(read.purposes[0].description.endsWith('Tweede Kamer. \r\n')).toBe(true);
  });

  it('an interrupted import resumes: committed chunks are not written again, the rest is', async () => {
    const zip = sampleZip();
    let chunks = 0;
    await expect(
      run(zip, 'Ministerie van Defensie', {
        chunkSize: 1,
        onProgress: () => {
          if (++chunks === 1) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const unit = await em().findOneOrFail(Organisation, { name: UNIT, parent: { name: 'Ministerie van Defensie' } });
    expect(await em().count(ProcessingActivityVersion, { activity: { organisation: unit } })).toBe(1);
    const resumed = await run(zip, 'Ministerie van Defensie', { chunkSize: 1 });
    expect(resumed.records.map((r) => r.outcome)).toEqual(['UNCHANGED', 'CREATED', 'CREATED']);
    expect(await em().count(ProcessingActivityVersion, { activity: { organisation: unit } })).toBe(3);
  });

  it('a dry run writes nothing and reports the unit it would create', async () => {
    const before = await em().count(Organisation, {});
    const report = await run(sampleZip(), 'Gemeente Lisse', { dryRun: true });
    expect(report.units).toEqual([{ name: UNIT, id: null, created: true }]);
    expect(report.records.map((r) => r.outcome)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(await em().count(Organisation, {})).toBe(before);
  });

  it('reports a file that is not JSON, and still imports the others', async () => {
    const files = await sampleEntries();
    files.set('AVG Verwerker Verwerkingen/JSON/Kapot.json', '[{"Nummer": ');
    const report = await run(zipOf(files), 'Gemeente Hillegom');
    expect(report.errors).toEqual([expect.stringMatching(/^AVG Verwerker Verwerkingen\/JSON\/Kapot\.json: not valid JSON/)]);
    expect(report.records).toHaveLength(3);
    expect(report.failed).toBe(1);
  });
});
