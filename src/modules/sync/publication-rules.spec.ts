import { passesElevenTest } from './bsn';
import { isIsoDuration, looksLikeIsoDuration } from './iso-duration';
import { LegalRole } from '../processing-activity/processing-activity.enums';
import type { RecordContent } from '../processing-activity/record-content';
import { isPersonalEmail, lintText, missingForPublication } from './publication-rules';

describe('BSN eleven-test', () => {
  it.each(['111222333', '123456782', '999999990'])('passes %s', (n) => expect(passesElevenTest(n)).toBe(true));
  it.each(['123456789', '111222334', '000000000', '12345678', '1234567890', '12345678a'])('fails %s', (n) => expect(passesElevenTest(n)).toBe(false));
});

describe('ISO 8601 durations', () => {
  it.each(['P6M', 'P2Y', 'P28D', 'P1Y6M', 'P1W', 'PT12H', 'P1DT2H30M', 'P0,5Y'])('accepts %s', (d) => expect(isIsoDuration(d)).toBe(true));
  it.each(['P', 'PT', 'P1YT', 'P6X', 'P1M2Y', '6M', 'p6m'])('refuses %s', (d) => expect(isIsoDuration(d)).toBe(false));
  it('recognises an attempt at one, and leaves prose alone', () => {
    expect(looksLikeIsoDuration('P6X')).toBe(true);
    expect(looksLikeIsoDuration('6 jaar')).toBe(false);
    expect(looksLikeIsoDuration('Postbus')).toBe(false);
  });
});

describe('publication lint', () => {
  it.each(['privacy@defensie.nl', 'fg@lisse.nl', 'servicedesk@rvo.nl', 'info@hillegom.nl', 'klantcontact@rvo.nl', 'woo-verzoeken@minfin.nl'])('treats %s as functional', (e) =>
    expect(isPersonalEmail(e)).toBe(false),
  );
  it.each(['j.jansen@defensie.nl', 'piet.de.vries@minfin.nl', 'kjansen@rvo.nl', 'a.b.c@x.nl'])('treats %s as personal', (e) => expect(isPersonalEmail(e)).toBe(true));

  it.each([
    ['bel 06-12345678', 'PHONE_NUMBER'],
    ['bel 0612345678', 'PHONE_NUMBER'],
    ['tel. 070 - 123 45 67', 'PHONE_NUMBER'],
    ['+31 6 1234 5678', 'PHONE_NUMBER'],
    ['0031 70 1234567', 'PHONE_NUMBER'],
    ['+32 2 123 45 67', 'PHONE_NUMBER'],
    ['BSN 111222333', 'BSN'],
    ['burgerservicenummer 123.456.782', 'BSN'],
    ['mail j.jansen@defensie.nl', 'PERSONAL_EMAIL'],
  ])('finds %s', (text, code) => expect(lintText(text).map((f) => f.code)).toEqual([code]));

  it.each(['Selectielijst Defensie 2021, werkproces 9.3.3', 'bel 0800-1234567', 'zaak 123456789', 'V 2 jaar na einde procedure', 'Postbus 20701, 2500 ES Den Haag', 'privacy@defensie.nl', '14 070'])(
    'finds nothing in %s',
    (text) => expect(lintText(text)).toEqual([]),
  );
});

describe('publication requirements: Art. 30(1), no more', () => {
  const item = (retentionText?: string | null) => ({ description: 'Naam', ...(retentionText === undefined ? {} : { retentionText }) });
  const content = (overrides: Partial<RecordContent> = {}): RecordContent => ({
    title: 'Verwerking',
    legalRole: LegalRole.CONTROLLER,
    purposes: [{ description: 'Doel', legalBasis: 'PUBLIC_TASK' }],
    dataSubjectGroups: [{ description: 'Inwoners', dataItems: [item('1 jaar')] }],
    recipients: [],
    recipientsNone: true,
    thirdCountryTransfers: { applies: false, transfers: [] },
    controllers: [],
    processors: [],
    relatedProcessings: [],
    ...overrides,
  });

  it('asks no automated-decision-making answer', () => {
    expect(missingForPublication(content({ automatedDecisionMaking: null }))).toEqual([]);
  });

  it('names the letter each requirement enforces', () => {
    const errors = missingForPublication(content({ purposes: [], dataSubjectGroups: [], recipientsNone: null, thirdCountryTransfers: null }));
    expect(errors.map((e) => [e.path.join('.'), e.article, e.message.slice(0, 14)])).toEqual([
      ['purposes', '30(1)(b)', 'Art. 30(1)(b):'],
      ['dataSubjectGroups', '30(1)(c)', 'Art. 30(1)(c):'],
      ['recipients', '30(1)(d)', 'Art. 30(1)(d):'],
      ['thirdCountryTransfers', '30(1)(e)', 'Art. 30(1)(e):'],
    ]);
  });

  it('takes a retention stated once on the record for every item without its own (f)', () => {
    const groups = [{ description: 'Inwoners', dataItems: [item(), item('6 maanden'), item('  ')] }];
    expect(missingForPublication(content({ dataSubjectGroups: groups })).map((e) => [e.path.join('.'), e.article])).toEqual([
      ['dataSubjectGroups.0.dataItems.0.retentionText', '30(1)(f)'],
      ['dataSubjectGroups.0.dataItems.2.retentionText', '30(1)(f)'],
    ]);
    // A blank text of its own is the item's own (and blank), not the record's.
    expect(missingForPublication(content({ dataSubjectGroups: groups, retentionText: 'Dossier: 20 jaar na afsluiting' })).map((e) => e.path.join('.'))).toEqual(['dataSubjectGroups.0.dataItems.2.retentionText']);
  });
});
