import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { SEED_RECORDS } from '../../seeds/data/records';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { LegalRole, WithheldReason } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityService, SaveOutcome } from '../../src/modules/processing-activity/processing-activity.service';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import type { RecordContent } from '../../src/modules/processing-activity/record-content';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const d2717 = SEED_RECORDS.find((r) => r.reference === 'D2717')!.content;

describe('record versions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const save = (reference: string, content: RecordContent, orgName = 'Ministerie van Defensie') =>
    db.orm.em.fork().transactional(async (em) => {
      const organisation = await em.findOneOrFail(Organisation, { name: orgName });
      return new ProcessingActivityService(em).saveRecord({ organisation, reference, content });
    });

  it('a changed record gets a second version and the first stays untouched', async () => {
    const before = await db.orm.em.fork().findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'D2717' }, versionNumber: 1 }, { populate: ['purposes'] });
    const changed: RecordContent = { ...d2717, title: 'Toepassing chatbot binnen Defensie (herzien)', recipients: [...d2717.recipients, { description: 'Auditdienst Rijk' }] };

    const result = await save('D2717', changed);

    expect(result.outcome).toBe(SaveOutcome.UPDATED);
    expect(result.version.versionNumber).toBe(2);
    const em = db.orm.em.fork();
    const v1 = await em.findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'D2717' }, versionNumber: 1 }, { populate: ['purposes', 'recipients'] });
    expect(v1.title).toBe('Toepassing chatbot binnen Defensie');
    expect(v1.contentHash).toBe(before.contentHash);
    expect(v1.recipients).toHaveLength(d2717.recipients.length);
    expect(v1.status).toBe(before.status);
    const v2 = await em.findOneOrFail(ProcessingActivityVersion, { activity: { reference: 'D2717' }, versionNumber: 2 }, { populate: ['recipients'] });
    expect(v2.recipients).toHaveLength(d2717.recipients.length + 1);
  });

  it('identical content creates no new version', async () => {
    const content: RecordContent = { ...d2717, title: 'Ongewijzigd' };
    const first = await save('D-UNCHANGED', content);
    const second = await save('D-UNCHANGED', structuredClone(content));
    expect(first.outcome).toBe(SaveOutcome.CREATED);
    expect(second.outcome).toBe(SaveOutcome.UNCHANGED);
    expect(await db.orm.em.fork().count(ProcessingActivityVersion, { activity: { reference: 'D-UNCHANGED' } })).toBe(1);
  });

  it('holds the unique (organisation, reference) rule in the database', async () => {
    const em = db.orm.em.fork();
    const organisation = await em.findOneOrFail(Organisation, { name: 'Ministerie van Defensie' });
    em.create(ProcessingActivity, { organisation, reference: 'D2717' });
    await expect(em.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('allows the same reference in another organisation', async () => {
    const result = await save('D2717', d2717, 'Rijksdienst voor Ondernemend Nederland');
    expect(result.outcome).toBe(SaveOutcome.CREATED);
  });

  it('keeps a malformed retention text verbatim even when nothing can be parsed from it', async () => {
    const garbled = 'Bewaren tot sint-juttemis ?? V ?? maanden';
    const content: RecordContent = {
      ...d2717,
      dataSubjectGroups: [{ description: 'Bezoekers', dataItems: [{ description: 'Naam', retentionText: garbled }] }],
    };
    const { version } = await save('D-MALFORMED', content);
    const em = db.orm.em.fork();
    const stored = await em.findOneOrFail(ProcessingActivityVersion, version.id, { populate: ['dataSubjectGroups.dataItems'] });
    const item = stored.dataSubjectGroups[0].dataItems[0];
    expect(item.retentionText).toBe(garbled);
    expect(item.retentionRules).toEqual([]);
  });

  it('withholds processor and Wpg records automatically', async () => {
    const processor = await save('V-001', { ...d2717, legalRole: LegalRole.PROCESSOR });
    const wpg = await save('W-001', { ...d2717, legalRole: LegalRole.WPG_CONTROLLER });
    expect([processor.activity.withheld, processor.activity.withheldReason]).toEqual([true, WithheldReason.PROCESSOR_RECORD]);
    expect([wpg.activity.withheld, wpg.activity.withheldReason]).toEqual([true, WithheldReason.WPG_RECORD]);
  });

  it('rejects an unknown vocabulary code through the foreign key and stores nothing of the record', async () => {
    const bad = { ...d2717, purposes: [{ description: 'x', legalBasis: 'MAGIC' as never }] };
    await expect(save('D-BADCODE', bad)).rejects.toThrow();
    expect(await db.orm.em.fork().count(ProcessingActivity, { reference: 'D-BADCODE' })).toBe(0);
  });
});
