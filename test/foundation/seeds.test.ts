import { SEED_RECORDS } from '../../seeds/data/records';
import { contentHash } from '../../src/modules/processing-activity/content-hash';
import { VersionStatus } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { loadFullVersion, toRecordContent } from '../../src/modules/processing-activity/version-reader';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Counts read off the five source documents by hand (shared/seeds/*.txt). */
const EXPECTED = {
  D2717: { purposes: 1, groups: 2, items: 4, recipients: 7, transfers: 0, organisation: 'Ministerie van Defensie' },
  D2412: { purposes: 8, groups: 2, items: 3, recipients: 9, transfers: 3, organisation: 'Ministerie van Defensie' },
  M10495: { purposes: 9, groups: 2, items: 7, recipients: 5, transfers: 0, organisation: 'Rijksdienst voor Ondernemend Nederland' },
  M4140: { purposes: 1, groups: 1, items: 4, recipients: 4, transfers: 0, organisation: 'SG/ Directie Communicatie' },
  'GEM-CHATBOT': { purposes: 1, groups: 1, items: 3, recipients: 3, transfers: 0, organisation: 'Gemeenschappelijke Regeling werkorganisatie HLTsamen' },
};

describe('the five seed records', () => {
  let db: TestDatabase;
  const versionOf = async (reference: string) => {
    const em = db.orm.em.fork();
    const activity = await em.findOneOrFail(ProcessingActivity, { reference }, { populate: ['organisation'] });
    return { em, activity, version: await loadFullVersion(em, (await activity.versions.loadItems())[0].id) };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it.each(Object.entries(EXPECTED))('%s is stored with every purpose, group, data item, recipient and transfer', async (reference, expected) => {
    const { activity, version } = await versionOf(reference);
    expect(activity.organisation.name).toContain(expected.organisation);
    expect(version.status).toBe(VersionStatus.PUBLISHED);
    expect(version.publishedAt).toBeInstanceOf(Date);
    expect(version.purposes).toHaveLength(expected.purposes);
    expect(version.dataSubjectGroups).toHaveLength(expected.groups);
    expect(version.dataSubjectGroups.getItems().flatMap((g) => g.dataItems.getItems())).toHaveLength(expected.items);
    expect(version.recipients).toHaveLength(expected.recipients);
    expect(version.transfers).toHaveLength(expected.transfers);
  });

  it.each(SEED_RECORDS.map((r) => [r.reference, r] as const))('%s reads back field for field as it was transcribed', async (reference, seed) => {
    const { version } = await versionOf(reference);
    const readBack = toRecordContent(version);
    expect(contentHash(readBack)).toBe(contentHash(seed.content));
    expect(version.contentHash).toBe(contentHash(seed.content));
  });

  it('keeps retention texts verbatim and parses their durations', async () => {
    const { version } = await versionOf('D2717');
    const [firstItem, secondItem] = version.dataSubjectGroups[0].dataItems.getItems();
    expect(firstItem.retentionText).toBe(
      'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V direct na verwerking in een eindproduct. Werkproces 9.3.2 Het beheren van loggegevens, V2 jaar na einde procedure voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures.',
    );
    const rules = firstItem.retentionRules;
    expect(rules.map((r) => [r.kind, r.duration, r.eventTrigger, r.processNumber, r.selectionList])).toEqual([
      ['UNTIL_EVENT', null, 'direct na verwerking in een eindproduct', '9.3.3', 'Selectielijst Defensie 2021'],
      ['UNTIL_EVENT', 'P2Y', 'na einde procedure', '9.3.2', 'Selectielijst Defensie 2021'],
    ]);
    const second = secondItem.retentionRules;
    expect(second.map((r) => r.duration)).toContain('P6M');
  });

  it('parses the municipal chatbot retention: chats 28 days, anonymised IP addresses 14 days', async () => {
    const { version } = await versionOf('GEM-CHATBOT');
    const items = version.dataSubjectGroups.getItems().flatMap((g) => g.dataItems.getItems());
    const durations = items.map((i) => i.retentionRules.map((r) => r.duration));
    expect(durations.flat()).toEqual(expect.arrayContaining(['P28D', 'P14D']));
    const ip = items.find((i) => /IP-adres/i.test(i.description));
    expect(ip?.retentionText).toContain('14 dagen');
  });

  it('keeps the D2412 transfers to the USA with their receiving parties', async () => {
    const { version } = await versionOf('D2412');
    expect(version.transfers.getItems().map((t) => [t.country?.code, t.recipientName])).toEqual([
      ['US', expect.stringContaining('NexusLexis')],
      ['US', expect.stringContaining('Twitter')],
      ['US', expect.stringContaining('Meta')],
    ]);
    expect(version.transferCountryCodes).toEqual(['US']);
    expect(version.purposes.getItems().some((p) => p.statutoryReferences.getItems().some((r) => r.title.startsWith('Grondwet, artikel 68')))).toBe(true);
  });

  it('keeps M10495 retention of recordings at 28 days after the recording date', async () => {
    const { version } = await versionOf('M10495');
    const texts = version.dataSubjectGroups.getItems().flatMap((g) => g.dataItems.getItems().map((i) => i.retentionText));
    expect(texts).toContain('Uiterlijk 28 dagen na de opnamedatum wordt de opname automatisch gewist.');
  });
});
