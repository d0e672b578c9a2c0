import { LegalRole, VersionStatus } from '../../../src/modules/processing-activity/processing-activity.enums';
import type { DataItemContent, PurposeContent } from '../../../src/modules/processing-activity/record-content';
import type { SeedRecord } from '../../seed-record';

/**
 * M10495 — Opnemen en terugluisteren van telefoongesprekken Klantcontact
 * (Ministerie van Economische Zaken / Rijksdienst voor Ondernemend Nederland).
 *
 * The source is a PDF text extraction: lines are hard-wrapped (rejoined here with a single
 * space) and the "Betrokkenen en gegevens" section is column-scrambled — runs of labels
 * (Betrokkene(n), Persoonsgegevens, Verzameldoel, Bewaartermijn, Bron, Aanleverplicht) come
 * first and their values later, in the same order. Reconstructed in order, there are seven
 * blocks: five for "Medewerkers van RVO, directie KAI …" and two for "Klanten van RVO …";
 * consecutive blocks with the same Betrokkene(n) form one group (5 + 2 items).
 *
 * Per block, the values as they pair with the labels:
 *  1. Naam van de medewerker. / Ter identificatie van medewerker in het gesprek met de klant. /
 *     Uiterlijk 28 dagen na de opnamedatum … / Bron "De coach die het gesprek heeft gemonitord
 *     brengt deze in als casus bij de kalibratie (…)" (kept as published, though it reads like a
 *     source for a coaching item);
 *  2.–4. "Gegevens over vorm en inhoud van het gesprek, …" for coaching/monitoring, coach
 *     training and customer-contact training (block 4's Verzameldoel is split across a page
 *     break, with three labels interleaved, and is rejoined);
 *  5. Gegevens over de inhoud van het gesprek. / Verificatie van vermoedens … / Bron Betrokkene;
 *  6.–7. the customers' NAW/BSN/… and the content of the call.
 * Note the retention texts differ: block 1 has "na de opnamedatum", blocks 5–7 "na opnamedatum".
 *
 * sourceIsDataSubject: true for "Betrokkene" and for "De medewerker RVO en de klant." (the
 * customer is the subject of that group); false where the Bron names only the coach or the
 * QM-form (the central register renders a source that includes the data subject as
 * "Betrokkene …").
 *
 * Special categories: the page has no special-category answers; the customer group lists
 * "BSN", so that group carries NATIONAL_IDENTIFICATION_NUMBER (stated data, not inferred).
 *
 * Purposes: nine, each with the legal-basis label that follows it; the text after the label
 * ("Kwaliteitsverbetering van de klantgesprekken.") is the explanation, where there is one.
 * "(financiéle)" is kept as published. "Archiveren conform de Archiefwet." cites the
 * Archiefwet, recorded as its statutory reference.
 *
 * Recipients: five. The line broken over a page ("… alleen ten behoeve van de" / "eerste vier
 * doelstellingen: …") is one recipient; "Leidinggevende, …" and "Politie, in geval van
 * bedreiging." are two recipients on consecutive lines.
 */

const QUALITY = 'Kwaliteitsverbetering van de klantgesprekken.';
const RICHTLIJNEN = 'overeenkomstig de privacyrichtlijnen voor het opnemen en terugluisteren van telefoongesprekken.';

function purpose(description: string, legalBasis: PurposeContent['legalBasis'], explanation: string | null): PurposeContent {
  return { description, legalBasis, legalBasisExplanation: explanation, statutoryReferences: [] };
}

const MEDEWERKERS =
  'Medewerkers van RVO, directie Klant, Advies en Informatie (KAI), die werken bij het Klantcontact waarvan het voeren van klantgesprekken onderdeel is van de functie';
const KLANTEN =
  'Klanten van RVO die telefonisch contact hebben met een medewerker van het Klantcontact van de directie Klant, Advies en Informatie van RVO.';

const SELECTIELIJST =
  'Zie Selectielijst Ministerie van EZK. Gegevens worden bewaard volgens de richtlijnen in de geldende selectielijsten. De concrete bewaartermijn wordt bepaald aan de hand van de complexiteit van het dossier en de daarin verrichte handelingen. Als de bewaartermijn is verstreken wordt het dossier in zijn geheel verwijderd inclusief documenten en gegevens.';
const WISSEN_28 = 'Uiterlijk 28 dagen na opnamedatum wordt de opname automatisch gewist.';
const NOT_OBLIGED = 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.';
const VORM_EN_INHOUD = 'Gegevens over vorm en inhoud van het gesprek, in relatie tot de gestelde kwaliteitseisen.';

function item(
  description: string,
  collectionPurpose: string,
  retentionText: string,
  sourceDescription: string,
  sourceIsDataSubject: boolean,
): DataItemContent {
  return {
    description,
    collectionPurpose,
    retentionText,
    sourceIsDataSubject,
    sourceDescription,
    provisionObligatory: false,
    provisionStatement: NOT_OBLIGED,
  };
}

export const record: SeedRecord = {
  sourceDocument: '003_c8a083b1a0a81836.txt',
  organisationKey: 'RVO',
  reference: 'M10495',
  status: VersionStatus.PUBLISHED,
  content: {
    title: 'Opnemen en terugluisteren van telefoongesprekken Klantcontact',
    description: null,
    legalRole: LegalRole.CONTROLLER,
    purposes: [
      purpose(
        `Het kunnen beschikken over de inhoud van zakelijke gesprekken en de wijze waarop die worden gevoerd ten behoeve van de kwaliteitsverbetering van klantgesprekken, ${RICHTLIJNEN}`,
        'CONTRACT',
        QUALITY,
      ),
      purpose(
        `Verificatie van vermoedens van ernstig verwijtbare gedragingen van de werknemer, ${RICHTLIJNEN}`,
        'LEGITIMATE_INTERESTS',
        QUALITY,
      ),
      purpose(
        `Opnemen en terugluisteren ten behoeve van opleidingen voor de ontwikkeling van klantcontactvaardigheden van klantcontactmedewerkers, ${RICHTLIJNEN}`,
        'LEGITIMATE_INTERESTS',
        QUALITY,
      ),
      purpose(
        `Opnemen en terugluisteren ten behoeve van opleidingen voor de ontwikkeling van coachvaardigheden en kalibratie ${RICHTLIJNEN}`,
        'LEGITIMATE_INTERESTS',
        QUALITY,
      ),
      purpose(
        `Het kunnen beschikken over de inhoud van de mogelijke bedreiging ten behoeve van beveiligingsonderzoek en/of opsporingsonderzoek ${RICHTLIJNEN}`,
        'LEGITIMATE_INTERESTS',
        QUALITY,
      ),
      purpose(
        'Uitvoeren van (financiéle) controles, audits en het afleggen van verantwoording over de uitvoering.',
        'PUBLIC_TASK',
        null,
      ),
      purpose(
        'Opstellen van managementinformatie, waaronder het samenstellen van rapportages en overzichten.',
        'PUBLIC_TASK',
        null,
      ),
      {
        description: 'Archiveren conform de Archiefwet.',
        legalBasis: 'LEGAL_OBLIGATION',
        legalBasisExplanation: null,
        statutoryReferences: [{ title: 'Archiefwet', url: null }],
      },
      purpose(
        'Gebruiken voor (wetenschappelijk) onderzoek, statistiek of verbeteren beleid, waaronder beleidsevaluatie met betrekking tot de effectiviteit van de regelingen en onderzoek naar klanttevredenheid.',
        'PUBLIC_TASK',
        null,
      ),
    ],
    dataSubjectGroups: [
      {
        description: MEDEWERKERS,
        dataItems: [
          item(
            'Naam van de medewerker.',
            'Ter identificatie van medewerker in het gesprek met de klant.',
            'Uiterlijk 28 dagen na de opnamedatum wordt de opname automatisch gewist.',
            'De coach die het gesprek heeft gemonitord brengt deze in als casus bij de kalibratie (hij vraagt of hij dit mag doen aan de medewerker).',
            false,
          ),
          item(
            VORM_EN_INHOUD,
            'Coaching en monitoring ten behoeve van de verbetering van de kwaliteit van klantgesprekken.',
            SELECTIELIJST,
            'Tijdens het monitoren vult de coach een QM-formulier in.',
            false,
          ),
          item(
            VORM_EN_INHOUD,
            'Opnemen en terugluisteren ten behoeve van opleidingen en kalibratie voor de ontwikkeling van coachvaardigheden.',
            SELECTIELIJST,
            'De coach die het gesprek heeft gevoerd met de KC-medewerker.',
            false,
          ),
          item(
            VORM_EN_INHOUD,
            'Opnemen en terugluisteren ten behoeve van opleidingen voor de ontwikkeling van klantcontactvaardigheden van klantcontactmedewerkers.',
            SELECTIELIJST,
            'De coach die het gesprek heeft gemonitord vraagt de betreffende medewerker of hij deze mag gebruiken ten behoeve van de opleiding.',
            false,
          ),
          item(
            'Gegevens over de inhoud van het gesprek.',
            'Verificatie van vermoedens van ernstig verwijtbare gedragingen van de werknemer.',
            WISSEN_28,
            'Betrokkene',
            true,
          ),
        ],
      },
      {
        description: KLANTEN,
        specialCategories: ['NATIONAL_IDENTIFICATION_NUMBER'],
        dataItems: [
          item(
            'NAW, BSN, postcode, telefoonnummer, geslacht, geboortedatum',
            'Ter identificatie van de klant.',
            WISSEN_28,
            'Betrokkene',
            true,
          ),
          item(
            'De inhoud van het telefoongesprek: gegevens over de gestelde vragen, de verkregen informatie.',
            'Verificatie van bedreiging.',
            WISSEN_28,
            'De medewerker RVO en de klant.',
            true,
          ),
        ],
      },
    ],
    recipients: [
      { description: 'Medewerkers die het telefoongesprek hebben gevoerd' },
      {
        description:
          'Medewerkers die een coachende en opleidende rol vervullen. Zij beluisteren de gesprekken alleen ten behoeve van de eerste vier doelstellingen: monitoring, coaching, opleiding gespreksvaardigheden, opleiding coachvaardigheden en kalibratie',
      },
      {
        description:
          'Leidinggevende, in geval van ernstig verwijtbare gedraging, in geval van bedreiging en in uitzonderlijke situaties',
      },
      { description: 'Politie, in geval van bedreiging.' },
      { description: 'DICTU (Dienst ICT uitvoering)' },
    ],
    automatedDecisionMaking: {
      applies: false,
      statement:
        'Er is geen sprake van besluitvorming over persoonsgegevens op basis van automatisch verwerkte gegevens.',
    },
    thirdCountryTransfers: {
      applies: false,
      statement:
        'Er is geen sprake van doorgifte van persoonsgegevens aan één of meer landen buiten de Europese Unie of aan een internationale organisatie.',
      transfers: [],
    },
    controllers: [
      {
        name: 'De Minister van Economische Zaken, namens deze de directeur-generaal Rijksdienst voor Ondernemend Nederland',
        kind: null,
        organisationTooi: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1045',
        organisationOin: null,
        visitingAddress: { line: 'Prinses Beatrixlaan 2', postalCode: '2595AL', city: 'DEN HAAG', countryCode: 'NL' },
        postalAddress: { line: 'Postbus 93144', postalCode: '2509AC', city: 'DEN HAAG', countryCode: 'NL' },
      },
    ],
    processors: [],
    relatedProcessings: [],
    relatedProcessingsStatement: 'Deze verwerking bevat geen gerelateerde verwerkingen',
    internal: null,
  },
};
