import { passesElevenTest } from './bsn';
import { isIsoDuration, looksLikeIsoDuration } from './iso-duration';
import { isPersonalEmail, lintText } from './publication-rules';

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
