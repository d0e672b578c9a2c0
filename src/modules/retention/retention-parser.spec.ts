import { parseRetentionText } from './retention-parser';
import { ParsedRetentionRule, RetentionKind, RetentionValuation } from './retention-rule.types';

const { DURATION, UNTIL_EVENT, PERMANENT } = RetentionKind;
const { DESTROY, KEEP } = RetentionValuation;

/** A full expected rule: every field not given is null, so toEqual still checks all of them exactly. */
function rule(fields: Partial<ParsedRetentionRule> & Pick<ParsedRetentionRule, 'kind' | 'sourceFragment'>): ParsedRetentionRule {
  return {
    duration: null,
    eventTrigger: null,
    valuation: null,
    selectionList: null,
    processNumber: null,
    processTitle: null,
    appliesTo: null,
    ...fields,
  };
}

const DEFENSIE = 'Selectielijst Defensie 2021';
const RUWE_DATA = { selectionList: DEFENSIE, processNumber: '9.3.3', processTitle: 'Het verzamelen van ruwe data' };
const PIOFACH = { selectionList: DEFENSIE, processNumber: '2.2', processTitle: 'Het maken verantwoord en uitdragen van PIOFACH beleid' };
const LOGGEGEVENS = { selectionList: DEFENSIE, processNumber: '9.3.2', processTitle: 'Het beheren van loggegevens' };

describe('parseRetentionText — real register texts', () => {
  it('1: two werkprocessen, an event without a period and a period counted from an event', () => {
    const text =
      'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V direct na verwerking in een eindproduct. ' +
      'Werkproces 9.3.2 Het beheren van loggegevens, V2 jaar na einde procedure voor logging die van belang is voor auditing en ' +
      'onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures.';
    expect(parseRetentionText(text)).toEqual([
      rule({
        ...RUWE_DATA,
        kind: UNTIL_EVENT,
        eventTrigger: 'direct na verwerking in een eindproduct',
        valuation: DESTROY,
        sourceFragment: 'V direct na verwerking in een eindproduct.',
      }),
      rule({
        ...LOGGEGEVENS,
        kind: UNTIL_EVENT,
        duration: 'P2Y',
        eventTrigger: 'na einde procedure',
        valuation: DESTROY,
        appliesTo:
          'voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures',
        sourceFragment:
          'V2 jaar na einde procedure voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures.',
      }),
    ]);
  });

  it('2: "direct verwijderd" without "na <event>" or a period yields no rule (the verbatim text keeps it)', () => {
    const text =
      'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V 6 maanden voor niet relevante data. ' +
      'Bijzondere persoonsgegevens worden direct verwijderd.';
    expect(parseRetentionText(text)).toEqual([
      rule({
        ...RUWE_DATA,
        kind: DURATION,
        duration: 'P6M',
        valuation: DESTROY,
        appliesTo: 'voor niet relevante data',
        sourceFragment: 'V 6 maanden voor niet relevante data.',
      }),
    ]);
  });

  it('3: HTML paragraphs, SA B category code, and a "Logging:" label', () => {
    const text =
      '<p>Selectielijst Defensie 2021</p> <p>Werkproces 9.3.3 Het verzamelen van ruwe data:</p> <p>V direct na verwerking in een ' +
      'eindproduct (hiervoor geldt de waardering werkproces waarin ruwe data zijn verzameld)</p> <p>V 6 maanden voor niet relevante ' +
      'data (wordt niet verwerkt in een eindproduct)</p> <p>Werkproces 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid:</p> ' +
      '<p>V 20 jaar</p> <p>Werkproces 9.2 Het uitvoeren van intern beleid op het gebied van communicatie:</p> <p>SA B 1 voor ' +
      'eindproduct</p> <p>V 5 jaar voor overige</p> <p>Logging: V 2 jaar</p>';
    const communicatie = { selectionList: DEFENSIE, processNumber: '9.2', processTitle: 'Het uitvoeren van intern beleid op het gebied van communicatie' };
    expect(parseRetentionText(text)).toEqual([
      rule({
        ...RUWE_DATA,
        kind: UNTIL_EVENT,
        eventTrigger: 'direct na verwerking in een eindproduct',
        valuation: DESTROY,
        sourceFragment: 'V direct na verwerking in een eindproduct (hiervoor geldt de waardering werkproces waarin ruwe data zijn verzameld)',
      }),
      rule({
        ...RUWE_DATA,
        kind: DURATION,
        duration: 'P6M',
        valuation: DESTROY,
        appliesTo: 'voor niet relevante data',
        sourceFragment: 'V 6 maanden voor niet relevante data (wordt niet verwerkt in een eindproduct)',
      }),
      rule({ ...PIOFACH, kind: DURATION, duration: 'P20Y', valuation: DESTROY, sourceFragment: 'V 20 jaar' }),
      rule({ ...communicatie, kind: PERMANENT, valuation: KEEP, appliesTo: 'voor eindproduct', sourceFragment: 'SA B 1 voor eindproduct' }),
      rule({ ...communicatie, kind: DURATION, duration: 'P5Y', valuation: DESTROY, appliesTo: 'voor overige', sourceFragment: 'V 5 jaar voor overige' }),
      // The label is kept verbatim, like every other extracted phrase.
      rule({ ...communicatie, kind: DURATION, duration: 'P2Y', valuation: DESTROY, appliesTo: 'Logging', sourceFragment: 'V 2 jaar' }),
    ]);
  });

  it('4: one run-on enumeration of bare process numbers, "V5 overige" read as years', () => {
    const text =
      'Selectielijst Defensie 2021 Werkprocessen: 9.3.3 Het verzamelen van ruwe data: V direct na verwerking in eindproduct ' +
      '(hiervoor waardering werkproces in het kader waarvan de ruwe data zijn verzameld), V 6 maanden voor niet relevante data ' +
      '(data die niet wordt verwerkt in een eindproduct) 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid: V 20 jaar ' +
      '9.2 Het uitvoeren van intern communicatiebeleid: SA B 1 voor eindproduct, V5 overige 9.3.2 Het beheren van loggegevens, V 2 jaar';
    const communicatie = { selectionList: DEFENSIE, processNumber: '9.2', processTitle: 'Het uitvoeren van intern communicatiebeleid' };
    expect(parseRetentionText(text)).toEqual([
      rule({
        ...RUWE_DATA,
        kind: UNTIL_EVENT,
        eventTrigger: 'direct na verwerking in eindproduct',
        valuation: DESTROY,
        sourceFragment: 'V direct na verwerking in eindproduct (hiervoor waardering werkproces in het kader waarvan de ruwe data zijn verzameld)',
      }),
      rule({
        ...RUWE_DATA,
        kind: DURATION,
        duration: 'P6M',
        valuation: DESTROY,
        appliesTo: 'voor niet relevante data',
        sourceFragment: 'V 6 maanden voor niet relevante data (data die niet wordt verwerkt in een eindproduct)',
      }),
      rule({ ...PIOFACH, kind: DURATION, duration: 'P20Y', valuation: DESTROY, sourceFragment: 'V 20 jaar' }),
      rule({ ...communicatie, kind: PERMANENT, valuation: KEEP, appliesTo: 'voor eindproduct', sourceFragment: 'SA B 1 voor eindproduct' }),
      rule({ ...communicatie, kind: DURATION, duration: 'P5Y', valuation: DESTROY, appliesTo: 'overige', sourceFragment: 'V5 overige' }),
      rule({ ...LOGGEGEVENS, kind: DURATION, duration: 'P2Y', valuation: DESTROY, sourceFragment: 'V 2 jaar' }),
    ]);
  });

  it('5: explanatory sentences between rules yield nothing; "V 20 j" is 20 years', () => {
    const text =
      'Selectielijst Defensie 2021 Werkproces 9.3.3 Het verzamelen van ruwe data: V direct na verwerking in een eindproduct. ' +
      'Voor de eindproducten (geldt de waardering van het werk proces in het kader waarvan de ruwe data zijn verzameld). ' +
      'V 6 maanden voor niet relevante data. Niet relevante data is data die niet wordt verwerkt in een eindproduct. ' +
      'Werkproces 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid: V 20 j Werkproces 9.3.2 Het beheren van loggegevens: V 2 jaar';
    expect(parseRetentionText(text)).toEqual([
      rule({
        ...RUWE_DATA,
        kind: UNTIL_EVENT,
        eventTrigger: 'direct na verwerking in een eindproduct',
        valuation: DESTROY,
        sourceFragment: 'V direct na verwerking in een eindproduct.',
      }),
      rule({
        ...RUWE_DATA,
        kind: DURATION,
        duration: 'P6M',
        valuation: DESTROY,
        appliesTo: 'voor niet relevante data',
        sourceFragment: 'V 6 maanden voor niet relevante data.',
      }),
      rule({ ...PIOFACH, kind: DURATION, duration: 'P20Y', valuation: DESTROY, sourceFragment: 'V 20 j' }),
      rule({ ...LOGGEGEVENS, kind: DURATION, duration: 'P2Y', valuation: DESTROY, sourceFragment: 'V 2 jaar' }),
    ]);
  });

  it('6: a bare period', () => {
    expect(parseRetentionText('6 jaar')).toEqual([rule({ kind: DURATION, duration: 'P6Y', sourceFragment: '6 jaar' })]);
  });

  it('7: a period counted from an event is UNTIL_EVENT with both duration and trigger', () => {
    const text = 'Uiterlijk 28 dagen na de opnamedatum wordt de opname automatisch gewist.';
    expect(parseRetentionText(text)).toEqual([
      rule({ kind: UNTIL_EVENT, duration: 'P28D', eventTrigger: 'na de opnamedatum', sourceFragment: text }),
    ]);
  });

  it('8: municipal prose — one rule per sentence with a period; "bewaren … 28 dagen" is no B-valuation', () => {
    const text =
      'We verwijderen eventuele persoonsgegevens binnen 28 dagen. Chatgesprekken en verbeterpunten bewaren we maximaal 28 dagen. ' +
      'Deze gebruiken we voor trainingsdoeleinden. Daarna verwijderen we ze. De anonieme IP-adressen verwijderen we na 14 dagen.';
    expect(parseRetentionText(text)).toEqual([
      rule({
        kind: DURATION,
        duration: 'P28D',
        appliesTo: 'eventuele persoonsgegevens',
        sourceFragment: 'We verwijderen eventuele persoonsgegevens binnen 28 dagen.',
      }),
      rule({
        kind: DURATION,
        duration: 'P28D',
        appliesTo: 'Chatgesprekken en verbeterpunten',
        sourceFragment: 'Chatgesprekken en verbeterpunten bewaren we maximaal 28 dagen.',
      }),
      // "na 14 dagen" puts "na" before the period: that is a plain duration, not an event.
      rule({
        kind: DURATION,
        duration: 'P14D',
        appliesTo: 'De anonieme IP-adressen',
        sourceFragment: 'De anonieme IP-adressen verwijderen we na 14 dagen.',
      }),
    ]);
  });

  it.each(['', 'onbekend', 'Zie DPIA', 'V ?? maanden', '42', '   ', '<p></p>', '1,5 jaar'])('9: nothing parseable in %j', (text) => {
    expect(parseRetentionText(text)).toEqual([]);
  });
});

describe('parseRetentionText — units, valuations and markup', () => {
  it.each([
    ['1 dag', 'P1D'],
    ['3 weken', 'P3W'],
    ['1 week', 'P1W'],
    ['1 maand', 'P1M'],
    ['2 jaren', 'P2Y'],
    ['10 jr', 'P10Y'],
    ['twee jaar', 'P2Y'],
    ['één week', 'P1W'],
    ['007 dagen', 'P7D'],
    ['1234567890123456789012345 dagen', 'P1234567890123456789012345D'],
  ])('reads %j as %s', (text, duration) => {
    expect(parseRetentionText(text)).toEqual([rule({ kind: DURATION, duration, sourceFragment: text })]);
  });

  it('reads valuation words: "vernietigen" is DESTROY, "blijvend bewaren" is a permanent KEEP', () => {
    expect(parseRetentionText('Vernietigen na 10 jaar.')).toEqual([
      rule({ kind: DURATION, duration: 'P10Y', valuation: DESTROY, sourceFragment: 'Vernietigen na 10 jaar.' }),
    ]);
    expect(parseRetentionText('Blijvend bewaren')).toEqual([rule({ kind: PERMANENT, valuation: KEEP, sourceFragment: 'Blijvend bewaren' })]);
  });

  it('does not take a follow-up step after a marker period as what the rule applies to', () => {
    expect(parseRetentionText('V 10 jaar, daarna vernietigen')).toEqual([
      rule({ kind: DURATION, duration: 'P10Y', valuation: DESTROY, sourceFragment: 'V 10 jaar, daarna vernietigen' }),
    ]);
  });

  it('treats list items, bullets and escaped HTML as separate clauses', () => {
    const expected = [
      rule({ kind: DURATION, duration: 'P1Y', valuation: DESTROY, sourceFragment: 'V 1 jaar' }),
      rule({ kind: PERMANENT, valuation: KEEP, sourceFragment: 'B' }),
    ];
    expect(parseRetentionText('<ul><li>V 1 jaar</li><li>B</li></ul>')).toEqual(expected);
    expect(parseRetentionText('&lt;p&gt;V 1 jaar&lt;/p&gt;&lt;p&gt;B&lt;/p&gt;')).toEqual(expected);
    expect(parseRetentionText('• V 1 jaar • B')).toEqual(expected);
  });

  it('never throws on non-string input', () => {
    expect(parseRetentionText(undefined as unknown as string)).toEqual([]);
    expect(parseRetentionText(null as unknown as string)).toEqual([]);
    expect(parseRetentionText(42 as unknown as string)).toEqual([]);
  });
});

describe('parseRetentionText — robustness on generated input', () => {
  /** mulberry32: a tiny deterministic PRNG so failures are reproducible. */
  function prng(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Tokens that steer the parser into its branches, mixed with arbitrary characters.
  const TOKENS = [
    'V', 'B', 'SA', 'V2', 'V5', '6', '20', '99999999999999999999999', '1,5', '9.3.3', '2.2', 'jaar', 'j', 'maanden', 'dagen', 'weken', 'één', 'twee',
    'na', 'direct', 'voor', 'overige', 'Werkproces', 'werkprocessen:', 'Het', 'Selectielijst', 'Defensie', '2021',
    'vernietigen', 'blijvend', 'bewaren', 'we', 'worden', ':', '.', ',', '(', ')', '<p>', '</p>', '<li>', '•', '&amp;', '&#', '??', '\n',
    'selectielijst', 'categorie', 'cat.', '7.1.2', 'uur', 'half', 'anderhalf', 'tot', 'of', ';', 'zolang', 'openbaarheid', 'overgebracht', 'Kinderen',
  ];

  function randomText(next: () => number): string {
    const parts: string[] = [];
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) {
      parts.push(next() < 0.7 ? TOKENS[Math.floor(next() * TOKENS.length)] : String.fromCharCode(Math.floor(next() * 0x3000)));
    }
    return parts.join(next() < 0.8 ? ' ' : '');
  }

  it('never throws and only returns well-formed rules', () => {
    const next = prng(20240601);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next);
      let rules: ParsedRetentionRule[] = [];
      expect(() => (rules = parseRetentionText(text))).not.toThrow();
      expect(Array.isArray(rules)).toBe(true);
      for (const r of rules) {
        if (r.duration !== null) expect(r.duration).toMatch(/^(?:P\d+[DWMY]|PT\d+H)$/);
        expect(Object.values(RetentionKind)).toContain(r.kind);
        expect(r.sourceFragment.length).toBeGreaterThan(0);
        if (r.kind === PERMANENT) expect(r.duration).toBeNull();
        if (r.kind === DURATION) expect(r.duration).not.toBeNull();
        if (r.kind === UNTIL_EVENT) expect(r.eventTrigger).not.toBeNull();
        if (r.kind === RetentionKind.SELECTION_LIST) expect(r.selectionList ?? r.processNumber).not.toBeNull();
      }
    }
  });
});

describe('parseRetentionText — an ISO 8601 duration as the whole text', () => {
  it.each([
    ['P6M', 'P6M'],
    [' P2Y ', 'P2Y'],
    ['P1Y6M', 'P1Y6M'],
    ['P28D', 'P28D'],
  ])('"%s" is one DURATION rule of %s', (text, duration) => {
    expect(parseRetentionText(text)).toEqual([rule({ kind: DURATION, duration, sourceFragment: text.trim() })]);
  });

  it('a mistyped duration gives no rule (validation reports it)', () => {
    expect(parseRetentionText('P6X')).toEqual([]);
  });
});
