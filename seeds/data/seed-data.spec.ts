import { SEED_ORGANISATIONS } from './organisations.seed';
import { SEED_RECORDS } from './records';
import { VersionStatus, LegalRole } from '../../src/modules/processing-activity/processing-activity.enums';
import {
  LEGAL_BASIS_CODES,
  SPECIAL_CATEGORY_CODES,
  TRANSFER_SAFEGUARD_CODES,
} from '../../src/modules/vocabulary/vocabulary.codes';
import type { SeedRecord } from '../seed-record';

function byRef(reference: string): SeedRecord {
  const found = SEED_RECORDS.find((r) => r.reference === reference);
  if (!found) throw new Error(`no seed record ${reference}`);
  return found;
}

const allItems = (r: SeedRecord) => r.content.dataSubjectGroups.flatMap((g) => g.dataItems);

describe('seed organisations', () => {
  it('have unique keys and parents that exist', () => {
    const keys = SEED_ORGANISATIONS.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const o of SEED_ORGANISATIONS) {
      if (o.parentKey) expect(keys).toContain(o.parentKey);
    }
  });

  it('form the expected tree', () => {
    const parentOf = Object.fromEntries(SEED_ORGANISATIONS.map((o) => [o.name, o.parentKey ?? null]));
    expect(parentOf['Rijksdienst voor Ondernemend Nederland']).toBe('EZ');
    expect(parentOf['SG/ Directie Communicatie']).toBe('FIN');
    for (const top of [
      'Ministerie van Defensie',
      'Ministerie van Economische Zaken',
      'Ministerie van Financiën',
      'Gemeente Lisse',
      'Gemeente Hillegom',
      'Gemeente Teylingen',
      'Gemeenschappelijke Regeling werkorganisatie HLTsamen',
    ]) {
      expect(parentOf[top]).toBeNull();
    }
  });

  it('carry only the known TOOI codes', () => {
    const tooi = Object.fromEntries(SEED_ORGANISATIONS.map((o) => [o.key, o.tooiUri ?? null]));
    expect(tooi).toEqual({
      DEF: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034',
      EZ: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1045',
      RVO: null,
      FIN: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090',
      'FIN-SG-DC': null,
      HLTSAMEN: null,
      LISSE: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0553',
      HILLEGOM: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0534',
      TEYLINGEN: 'https://identifier.overheid.nl/tooi/id/gemeente/gm1525',
    });
    expect(SEED_ORGANISATIONS.every((o) => (o.oin ?? null) === null)).toBe(true);
  });
});

describe('seed records', () => {
  it('are the five documents in order', () => {
    expect(SEED_RECORDS.map((r) => r.reference)).toEqual(['D2717', 'D2412', 'M10495', 'M4140', 'GEM-CHATBOT']);
  });

  it('have unique references and source documents', () => {
    const refs = SEED_RECORDS.map((r) => r.reference);
    expect(new Set(refs).size).toBe(refs.length);
    const docs = SEED_RECORDS.map((r) => r.sourceDocument);
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('belong to organisations that exist', () => {
    const keys = new Set(SEED_ORGANISATIONS.map((o) => o.key));
    for (const r of SEED_RECORDS) expect(keys.has(r.organisationKey)).toBe(true);
    expect(Object.fromEntries(SEED_RECORDS.map((r) => [r.reference, r.organisationKey]))).toEqual({
      D2717: 'DEF',
      D2412: 'DEF',
      M10495: 'RVO',
      M4140: 'FIN-SG-DC',
      'GEM-CHATBOT': 'HLTSAMEN',
    });
  });

  it('are published controller records without internal parts', () => {
    for (const r of SEED_RECORDS) {
      expect(r.status).toBe(VersionStatus.PUBLISHED);
      expect(r.content.legalRole).toBe(LegalRole.CONTROLLER);
      expect(r.content.internal).toBeNull();
    }
  });

  it.each([
    // reference, purposes, groups, items, recipients, transfers
    ['D2717', 1, 2, 4, 7, 0],
    ['D2412', 8, 2, 3, 9, 3],
    ['M10495', 9, 2, 7, 5, 0],
    ['M4140', 1, 1, 4, 4, 0],
    ['GEM-CHATBOT', 1, 1, 3, 3, 0],
  ])('%s has %i purposes, %i groups, %i items, %i recipients, %i transfers', (ref, p, g, i, rc, t) => {
    const r = byRef(ref as string);
    expect(r.content.purposes).toHaveLength(p as number);
    expect(r.content.dataSubjectGroups).toHaveLength(g as number);
    expect(allItems(r)).toHaveLength(i as number);
    expect(r.content.recipients).toHaveLength(rc as number);
    expect(r.content.thirdCountryTransfers?.transfers ?? []).toHaveLength(t as number);
  });

  it('give every data item a description and a retention text', () => {
    for (const r of SEED_RECORDS) {
      for (const item of allItems(r)) {
        expect(item.description.trim()).not.toBe('');
        expect((item.retentionText ?? '').trim()).not.toBe('');
      }
    }
  });

  it('use only vocabulary codes', () => {
    for (const r of SEED_RECORDS) {
      for (const p of r.content.purposes) {
        expect(p.description.trim()).not.toBe('');
        expect(LEGAL_BASIS_CODES).toContain(p.legalBasis);
      }
      for (const g of r.content.dataSubjectGroups) {
        for (const c of g.specialCategories ?? []) expect(SPECIAL_CATEGORY_CODES).toContain(c);
      }
      for (const t of r.content.thirdCountryTransfers?.transfers ?? []) {
        if (t.safeguard) expect(TRANSFER_SAFEGUARD_CODES).toContain(t.safeguard);
        expect(t.countryCode ?? t.internationalOrganisation).toBeTruthy();
      }
    }
  });

  it('contain no HTML markup, non-breaking spaces or untrimmed values', () => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(SEED_RECORDS);
    walk(SEED_ORGANISATIONS);
    for (const s of strings) {
      expect(s).not.toMatch(/<\/?(p|ul|li)\b/);
      expect(s).not.toContain('\u00a0');
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/@/); // no e-mail addresses at all
    }
  });
});

describe('D2717 transcription', () => {
  const r = byRef('D2717');

  it('keeps title, legal basis and the duplicated explanation', () => {
    expect(r.content.title).toBe('Toepassing chatbot binnen Defensie');
    const [p] = r.content.purposes;
    expect(p.legalBasis).toBe('LEGITIMATE_INTERESTS');
    const sentence = 'Defensie heeft belang bij een effectieve, continue en efficiënte bedrijfsvoering';
    expect(p.legalBasisExplanation?.split(sentence)).toHaveLength(3);
    expect(p.legalBasisExplanation).toContain("risico's te beperken. . Defensie heeft");
  });

  it('has two groups of two items with the spelling as published', () => {
    expect(r.content.dataSubjectGroups.map((g) => g.description)).toEqual(['Defensiemedewerkers', 'Niet-werknemers']);
    expect(r.content.dataSubjectGroups.map((g) => g.dataItems[1].description)).toEqual([
      'Gesprekstranscripten',
      'Gesprekstrascripten',
    ]);
    expect(r.content.dataSubjectGroups[0].dataItems[1].retentionText).toContain(
      'Bijzondere persoonsgegevens worden direct verwijderd.',
    );
    for (const g of r.content.dataSubjectGroups) {
      expect(g.specialCategories ?? []).toEqual([]);
      expect(g.noSpecialCategories ?? null).toBeNull();
      for (const item of g.dataItems) {
        expect(item.sourceIsDataSubject).toBe(true);
        expect(item.provisionObligatory).toBe(false);
        expect(item.provisionStatement).toBe('Betrokkenen waren niet verplicht deze gegevens aan te leveren.');
      }
    }
  });

  it('states no transfers, no automated decisions, no related processings and no controllers', () => {
    expect(r.content.thirdCountryTransfers).toEqual({
      applies: false,
      statement:
        'Er is geen sprake van doorgifte van persoonsgegevens aan één of meer landen buiten de Europese Unie of aan een internationale organisatie.',
      transfers: [],
    });
    expect(r.content.automatedDecisionMaking?.applies).toBe(false);
    expect(r.content.relatedProcessings).toEqual([]);
    expect(r.content.relatedProcessingsStatement).toBe('Deze verwerking bevat geen gerelateerde verwerkingen');
    expect(r.content.controllers).toEqual([]);
    expect(r.content.recipients[0].description).toBe('Helpdeskmedewerkers Servicedesk Defensie');
    expect(r.content.recipients[6].description).toBe('Technisch beheermedewerkers chatbots');
  });
});

describe('D2412 transcription', () => {
  const r = byRef('D2412');

  it('splits the numbered purposes per block with the block legal basis', () => {
    expect(r.content.purposes.map((p) => p.legalBasis)).toEqual([
      'PUBLIC_TASK',
      'PUBLIC_TASK',
      'PUBLIC_TASK',
      'PUBLIC_TASK',
      'LEGITIMATE_INTERESTS',
      'LEGITIMATE_INTERESTS',
      'LEGITIMATE_INTERESTS',
      'CONSENT',
    ]);
    expect(r.content.purposes[0].description).toBe(
      'Uitvoeren communicatiebeleid Defensie: 1. Het communiceren met en verantwoording afleggen aan de eigen medewerkers en de samenleving;',
    );
    expect(r.content.purposes[3].description).toMatch(/^\(Sociale\) mediamonitoring: 3\. Evalueren \(ex post\)/);
    expect(r.content.purposes[7].description).toBe(
      'Uitvoeren communicatiebeleid: 2. Het communiceren met en verantwoording afleggen aan de eigen medewerkers en de samenleving; (Afhandelen publieksvragen)',
    );
  });

  it('carries the statutory references of the public-task block', () => {
    for (const p of r.content.purposes.slice(0, 4)) {
      expect((p.statutoryReferences ?? []).map((s) => s.title)).toEqual([
        'Grondwet, artikel 68 Inlichtingenplicht',
        'Grondwet, artikel 110 Openbaarheid van bestuur',
        'Wet open overheid (Woo), artikel 2.5 Belang openbaarheid',
        'Comptabiliteitswet, art. 4.20, lid 2, aanhef en sub f Beleidsevaluatie en verantwoording',
      ]);
    }
    for (const p of r.content.purposes.slice(4)) expect(p.statutoryReferences ?? []).toEqual([]);
    expect(r.content.purposes[7].legalBasisExplanation).toContain('informed consent');
  });

  it('transcribes the second data block as published', () => {
    const [stakeholders, publiekvrager] = r.content.dataSubjectGroups;
    expect(stakeholders.description).toMatch(/^Stakeholders \(relaties uit de politiek/);
    expect(stakeholders.dataItems.map((i) => i.description.split('\n')[0])).toEqual(['Mediatitel', 'Publiekvrager']);
    expect(stakeholders.dataItems[0].description.split('\n')).toHaveLength(11);
    expect(stakeholders.dataItems[0].sourceDescription).toBe('Betrokkene en externe bron, namelijk: mediaberichten');
    expect(publiekvrager.description).toBe('Publiekvrager');
    expect(publiekvrager.dataItems[0].description).toContain('Beeldmateriaal (foto/ video)');
  });

  it('has the three US transfers with the DPIA reference and no invented safeguard', () => {
    const transfers = r.content.thirdCountryTransfers!;
    expect(transfers.applies).toBe(true);
    expect(transfers.safeguardStatement).toBe('Zie DPIA');
    expect(transfers.transfers.map((t) => t.recipientName)).toEqual([
      'NexusLexis',
      'Twitter',
      'Meta (Facebook, Instagram)',
    ]);
    for (const t of transfers.transfers) {
      expect(t.countryCode).toBe('US');
      expect(t.safeguard).toBeNull();
      expect(t.explanation).toBe('(Sociale) media monitoring');
    }
  });

  it('lists the recipients verbatim', () => {
    expect(r.content.recipients.map((x) => x.description)).toContain(
      'Dienst Publiek en Communicatie van het Ministerie van Algemene Zaken (MinAZ/DPC)',
    );
    expect(r.content.recipients[8].description).toBe('Vragensteller');
    expect(r.content.controllers).toEqual([]);
  });
});

describe('M10495 transcription', () => {
  const r = byRef('M10495');

  it('reconstructs the column-scrambled blocks in order', () => {
    const [medewerkers, klanten] = r.content.dataSubjectGroups;
    expect(medewerkers.description).toMatch(/^Medewerkers van RVO, directie Klant, Advies en Informatie \(KAI\)/);
    expect(medewerkers.dataItems).toHaveLength(5);
    expect(klanten.dataItems).toHaveLength(2);
    expect(medewerkers.dataItems[0]).toMatchObject({
      description: 'Naam van de medewerker.',
      collectionPurpose: 'Ter identificatie van medewerker in het gesprek met de klant.',
      retentionText: 'Uiterlijk 28 dagen na de opnamedatum wordt de opname automatisch gewist.',
      sourceIsDataSubject: false,
      provisionObligatory: false,
    });
    expect(medewerkers.dataItems[1].sourceDescription).toBe('Tijdens het monitoren vult de coach een QM-formulier in.');
    expect(medewerkers.dataItems[3].collectionPurpose).toBe(
      'Opnemen en terugluisteren ten behoeve van opleidingen voor de ontwikkeling van klantcontactvaardigheden van klantcontactmedewerkers.',
    );
    expect(medewerkers.dataItems[4]).toMatchObject({
      description: 'Gegevens over de inhoud van het gesprek.',
      sourceDescription: 'Betrokkene',
      sourceIsDataSubject: true,
    });
    expect(klanten.dataItems[0].description).toBe('NAW, BSN, postcode, telefoonnummer, geslacht, geboortedatum');
    expect(klanten.specialCategories).toEqual(['NATIONAL_IDENTIFICATION_NUMBER']);
    expect(klanten.dataItems[1].sourceDescription).toBe('De medewerker RVO en de klant.');
    expect(klanten.dataItems.every((i) => i.retentionText === 'Uiterlijk 28 dagen na opnamedatum wordt de opname automatisch gewist.')).toBe(true);
  });

  it('maps each purpose to its legal basis', () => {
    expect(r.content.purposes.map((p) => p.legalBasis)).toEqual([
      'CONTRACT',
      'LEGITIMATE_INTERESTS',
      'LEGITIMATE_INTERESTS',
      'LEGITIMATE_INTERESTS',
      'LEGITIMATE_INTERESTS',
      'PUBLIC_TASK',
      'PUBLIC_TASK',
      'LEGAL_OBLIGATION',
      'PUBLIC_TASK',
    ]);
    expect(r.content.purposes[0].description).toBe(
      'Het kunnen beschikken over de inhoud van zakelijke gesprekken en de wijze waarop die worden gevoerd ten behoeve van de kwaliteitsverbetering van klantgesprekken, overeenkomstig de privacyrichtlijnen voor het opnemen en terugluisteren van telefoongesprekken.',
    );
    expect(r.content.purposes[0].legalBasisExplanation).toBe('Kwaliteitsverbetering van de klantgesprekken.');
    expect(r.content.purposes[5].description).toContain('(financiéle)');
  });

  it('names the controller with its functional addresses', () => {
    expect(r.content.controllers).toHaveLength(1);
    expect(r.content.controllers[0].organisationTooi).toBe('https://identifier.overheid.nl/tooi/id/ministerie/mnre1045');
    expect(r.content.controllers[0].postalAddress?.line).toBe('Postbus 93144');
    expect(r.content.recipients.map((x) => x.description)).toEqual(
      expect.arrayContaining(['Politie, in geval van bedreiging.', 'DICTU (Dienst ICT uitvoering)']),
    );
  });
});

describe('M4140 transcription', () => {
  const r = byRef('M4140');

  it('has one group with four items, the system-generated one not from the subject', () => {
    const [g] = r.content.dataSubjectGroups;
    expect(g.dataItems.map((i) => i.description)).toEqual([
      'Voor- en achternaam',
      'E-mailadres',
      'Wachtwoord',
      'Gebruikersstatistieken',
    ]);
    expect(g.dataItems.map((i) => i.sourceIsDataSubject)).toEqual([true, true, true, false]);
    expect(g.dataItems.every((i) => i.retentionText === '6 jaar')).toBe(true);
    expect(g.dataItems[1].collectionPurpose?.split('\n')).toHaveLength(2);
  });

  it('has the recipients and controller as published', () => {
    expect(r.content.recipients.map((x) => x.description)).toEqual([
      'Support agents',
      'Ontwikkelaars',
      'Developers en testers',
      'Medewerkers van team omgevingskennis van het ministerie van Financiën (6)',
    ]);
    expect(r.content.controllers[0].name).toBe(
      'Minister van Financiën, voor deze de Secretaris-generaal, voor deze de directeur communicatie',
    );
  });
});

describe('GEM-CHATBOT transcription', () => {
  const r = byRef('GEM-CHATBOT');

  it('is a public-task record of HLTsamen processed in the Netherlands', () => {
    expect(r.content.title).toBe('Chatbot (Gem)');
    expect(r.content.purposes[0].legalBasis).toBe('PUBLIC_TASK');
    expect(r.content.purposes[0].legalBasisExplanation).toContain(
      'de wettelijke taak van gemeenten om inwoners informatie te geven',
    );
    expect(r.content.controllers.map((c) => c.name)).toEqual(['Gemeenschappelijke Regeling werkorganisatie HLTsamen']);
    expect(r.content.processingLocation).toBe('binnen Nederland');
    expect(r.content.thirdCountryTransfers?.applies).toBe(false);
    expect(r.content.automatedDecisionMaking?.applies).toBe(false);
  });

  it('is shared with the three municipalities HLTsamen works for, each a known organisation', () => {
    expect(r.sharedWith).toEqual(['HILLEGOM', 'LISSE', 'TEYLINGEN']);
    for (const key of r.sharedWith!) expect(SEED_ORGANISATIONS.find((o) => o.key === key)?.kind).toBe('MUNICIPALITY');
  });

  it('keeps the retention texts per item', () => {
    const items = allItems(r);
    expect(items[0].retentionText).toMatch(/^We verwijderen eventuele persoonsgegevens binnen 28 dagen\./);
    expect(items[1].retentionText).toMatch(/^Chatgesprekken en verbeterpunten bewaren we maximaal 28 dagen\./);
    expect(items[2].retentionText).toBe('De anonieme IP-adressen verwijderen we na 14 dagen.');
    expect(items.every((i) => i.sourceIsDataSubject === true)).toBe(true);
  });

  it('lists the three access parties and the rights', () => {
    expect(r.content.recipients.map((x) => x.description)).toEqual([
      'Medewerkers van de gemeente Lisse in het beheerteam van de virtuele gemeente assistent',
      'Livechat medewerkers van de gemeente Lisse',
      'Technisch medewerkers in het landelijk beheerteam van de virtuele gemeente assistent',
    ]);
    const rights = r.content.dataSubjectRights?.split('\n') ?? [];
    expect(rights).toHaveLength(4);
    expect(rights[0]).toMatch(/^• Recht op inzage:/);
  });
});
