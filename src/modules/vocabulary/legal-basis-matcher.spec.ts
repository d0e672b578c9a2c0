import { matchLegalBasis } from './legal-basis-matcher';

describe('matchLegalBasis', () => {
  it.each([
    ['Taak van algemeen belang. Grondwet, artikel 68 en Wet op de Raad van State', 'PUBLIC_TASK'],
    ['Gerechtvaardigd belang verantwoordelijke: Defensie heeft een belang bij beveiliging', 'LEGITIMATE_INTERESTS'],
    ['Toestemming betrokkene. Voor publieksvragen is toestemming nodig', 'CONSENT'],
    ['Uitvoering overeenkomst. Kwaliteitsverbetering van de dienstverlening', 'CONTRACT'],
    ['Wettelijke verplichting', 'LEGAL_OBLIGATION'],
    ['Vitaal belang', 'VITAL_INTERESTS'],
    ['Publiekrechtelijke taak (Gemeentewet)', 'PUBLIC_TASK'],
    ['Noodzakelijk voor de uitvoering van een overeenkomst', 'CONTRACT'],
  ])('maps %j', (text, code) => {
    expect(matchLegalBasis(text)).toBe(code);
  });

  it('ignores case, punctuation and surrounding whitespace', () => {
    expect(matchLegalBasis('  WETTELIJKE   verplichting: art. 7:629 BW')).toBe('LEGAL_OBLIGATION');
  });

  it('prefers the phrase at the start over an earlier-listed one later in the text', () => {
    expect(matchLegalBasis('Wettelijke verplichting; toestemming is daarom niet nodig')).toBe('LEGAL_OBLIGATION');
  });

  it('falls back to a phrase elsewhere in the text', () => {
    expect(matchLegalBasis('Verwerking op basis van gerechtvaardigd belang van de werkgever')).toBe(
      'LEGITIMATE_INTERESTS',
    );
  });

  it('matches whole words only', () => {
    expect(matchLegalBasis('Zie verwerkersovereenkomst met leverancier')).toBeNull();
  });

  it.each(['Zie bijlage 3', '', '   '])('returns null for %j', (text) => {
    expect(matchLegalBasis(text)).toBeNull();
  });
});
