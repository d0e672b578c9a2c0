import { LegalRole, VersionStatus } from '../../../src/modules/processing-activity/processing-activity.enums';
import type { PurposeContent, StatutoryReferenceContent } from '../../../src/modules/processing-activity/record-content';
import type { SeedRecord } from '../../seed-record';

/**
 * D2412 — Uitvoeren communicatiebeleid, (sociale) mediamonitoring (Ministerie van Defensie).
 *
 * How the messy "Doelen van de verwerking" section is read:
 * The page lists numbered sub-purposes under the headings "Uitvoeren communicatiebeleid
 * Defensie:" / "Uitvoeren communicatiebeleid:" and "(Sociale) mediamonitoring:", and after each
 * run of numbered items a legal-basis paragraph that applies to the items above it (back to the
 * previous legal-basis paragraph). That gives three blocks:
 *   A. communicatiebeleid 1, 2, 3 and mediamonitoring 3 → "Taak van algemeen belang" (PUBLIC_TASK),
 *      with the cited articles of the Grondwet, Woo and Comptabiliteitswet;
 *   B. communicatiebeleid 4 and mediamonitoring 1, 2 → "Gerechtvaardigd belang verantwoordelijke"
 *      (LEGITIMATE_INTERESTS), explanation kept with its duplicated sentences as published;
 *   C. communicatiebeleid 2 "(Afhandelen publieksvragen)" → "Toestemming betrokkene" (CONSENT).
 * Each numbered item is one purpose, its description prefixed with its heading exactly as the
 * heading is written in its block (block C's heading lacks "Defensie"). The numbering is kept as
 * published, even where it repeats or is out of order ("(Sociale) mediamonitoring: 3." in A).
 * The explanation of a block is the text after the legal-basis label; in block C a stray
 * paragraph break splits one sentence ("… op grond van de Woo)" / " en privacyverzoeken
 * AVG/WPG/Wiv2017.") and is rejoined with a single space. Block C's mention of the Woo and
 * AVG/WPG/Wiv2017 is explanation, not a cited article, so it carries no statutory references.
 *
 * Data subjects: the page has three data blocks. The second block's "Betrokkene(n)" line repeats
 * the Stakeholders text, while its "Persoonsgegevens" reads only "Publiekvrager" (which looks like
 * a data-subject value entered in the wrong field — the third block has Betrokkene(n)
 * "Publiekvrager"). It is transcribed as published: a second data item "Publiekvrager" in the
 * Stakeholders group (consecutive blocks with the same Betrokkene(n) form one group), followed
 * by a separate group "Publiekvrager" with one item.
 *
 * HTML paragraphs (<p>…</p>) in the first block are converted to newline-separated plain text;
 * the same convention (one paragraph per line) is used for multi-paragraph source text
 * throughout the seeds.
 *
 * Transfers: "(Sociale) media monitoring <party> USA" lines → three transfers to the US, the
 * safeguard only described as "Zie DPIA" (no safeguard code is stated, so none is set).
 * The "Verantwoordelijken" section is empty: controllers [].
 */

const HEADING_COMMUNICATIE = 'Uitvoeren communicatiebeleid Defensie:';
const HEADING_MONITORING = '(Sociale) mediamonitoring:';

const PUBLIC_TASK_EXPLANATION = [
  'Grondwet, artikel 68 Inlichtingenplicht en artikel 110 Openbaarheid van bestuur',
  'Wet open overheid (Woo), artikel 2.5 Belang openbaarheid',
  'Comptabiliteitswet, art. 4.20, lid 2, aanhef en sub f Beleidsevaluatie en verantwoording',
].join('\n');

const PUBLIC_TASK_REFERENCES: StatutoryReferenceContent[] = [
  { title: 'Grondwet, artikel 68 Inlichtingenplicht', url: null },
  { title: 'Grondwet, artikel 110 Openbaarheid van bestuur', url: null },
  { title: 'Wet open overheid (Woo), artikel 2.5 Belang openbaarheid', url: null },
  { title: 'Comptabiliteitswet, art. 4.20, lid 2, aanhef en sub f Beleidsevaluatie en verantwoording', url: null },
];

const LEGITIMATE_INTEREST_EXPLANATION =
  "De inbreuk op de privacyrechten van betrokkenen is gezien de doelgroep (vaak publieke figuren/personen) en de kennelijke openbaarmaking beperkt en de belangen van Defensie bij deze verwerking zijn gerechtvaardigd en noodzakelijk. Daarbij zijn privacyrisico's door het hanteren van de uitgangspunten communicatie Rijksoverheid en getroffen maatregelen verder beperkt. De inbreuk op de privacyrechten van betrokkenen is gezien de doelgroep (vaak publieke figuren/personen) en de kennelijke openbaarmaking beperkt en de belangen van Defensie bij deze verwerking zijn gerechtvaardigd en noodzakelijk. Daarbij zijn privacyrisico's door het hanteren van de uitgangspunten communicatie Rijksoverheid en getroffen maatregelen verder beperkt.";

const CONSENT_EXPLANATION = [
  'Voor publieksvragen die binnenkomen via de internetsite geldt dat de indiener van een vraag voor beantwoording wordt gewezen op de grondslag toestemming en wordt voldaan aan informed consent. Voor vragen die betrokkenen stellen via sociale media gelden de rechtsgronden algemeen belang, respectievelijk gerechtvaardigd belang.',
  'Behandeling van sommige vragen valt onder wettelijke taak (zoals passieve informatieverzoeken op grond van de Woo) en privacyverzoeken AVG/WPG/Wiv2017.',
].join('\n');

function publicTask(description: string): PurposeContent {
  return {
    description,
    legalBasis: 'PUBLIC_TASK',
    legalBasisExplanation: PUBLIC_TASK_EXPLANATION,
    statutoryReferences: PUBLIC_TASK_REFERENCES.map((r) => ({ ...r })),
  };
}

function legitimateInterest(description: string): PurposeContent {
  return {
    description,
    legalBasis: 'LEGITIMATE_INTERESTS',
    legalBasisExplanation: LEGITIMATE_INTEREST_EXPLANATION,
    statutoryReferences: [],
  };
}

const STAKEHOLDERS =
  'Stakeholders (relaties uit de politiek, andere ministeries en overheden, bedrijfsleven, kennisinstellingen, media, eigen medewerkers en thuisfront)';

const NOT_OBLIGED = 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.';

const PUBLIEKSVRAGEN_PURPOSE =
  'Uitvoeren communicatiebeleid: 2. Het communiceren met en verantwoording afleggen aan de eigen medewerkers en de samenleving; (Afhandelen publieksvragen)';

export const record: SeedRecord = {
  sourceDocument: '002_eb00797a170fa830.txt',
  organisationKey: 'DEF',
  reference: 'D2412',
  status: VersionStatus.PUBLISHED,
  content: {
    title: 'Uitvoeren communicatiebeleid, (sociale) mediamonitoring',
    description: null,
    legalRole: LegalRole.CONTROLLER,
    purposes: [
      // Block A — Taak van algemeen belang
      publicTask(
        `${HEADING_COMMUNICATIE} 1. Het communiceren met en verantwoording afleggen aan de eigen medewerkers en de samenleving;`,
      ),
      publicTask(`${HEADING_COMMUNICATIE} 2. Het bouwen aan vertrouwen van de eigen medewerkers en de Nederlandse burgers;`),
      publicTask(
        `${HEADING_COMMUNICATIE} 3. Het uitbouwen, behouden en creëren van in- en extern draagvlak voor (de taken van) de krijgsmacht;`,
      ),
      publicTask(
        `${HEADING_MONITORING} 3. Evalueren (ex post): hoe worden de Defensie communicatieboodschappen ontvangen en kan Defensie hier lessen uit trekken voor de toekomst?`,
      ),
      // Block B — Gerechtvaardigd belang verantwoordelijke
      legitimateInterest(
        `${HEADING_COMMUNICATIE} 4. Het positioneren van Defensie als aantrekkelijke partner voor relevante organisaties in de samenleving (bedrijfsleven, zorg, onderwijs)`,
      ),
      legitimateInterest(
        `${HEADING_MONITORING} 1. Vroegsignalering tbv issuemanagement door signalering (ex ante): volgen van discussies over Defensie en/of Defensie gerelateerde onderwerpen in relevante arena's`,
      ),
      legitimateInterest(
        `${HEADING_MONITORING} 2. (Realtime) signalering: wat is de actuele berichtgeving over Defensie (gerelateerde) onderwerpen relevante arena's`,
      ),
      // Block C — Toestemming betrokkene
      {
        description: PUBLIEKSVRAGEN_PURPOSE,
        legalBasis: 'CONSENT',
        legalBasisExplanation: CONSENT_EXPLANATION,
        statutoryReferences: [],
      },
    ],
    dataSubjectGroups: [
      {
        description: STAKEHOLDERS,
        dataItems: [
          {
            description: [
              'Mediatitel',
              'Twitteraccount grote (internationale) nieuwsagentschappen',
              'Naam, titel, functie stakeholder',
              'Onderwerpen en korte inhoud',
              'Vragen en antwoorden (webcare en tweede lijns)',
              'Frequentie waarmee wordt geschreven',
              'Sentiment',
              'Accountnaam/Gebruikersnaam',
              'IP-adres',
              'Contactgegevens',
              'Sociale media profielen/berichten',
            ].join('\n'),
            collectionPurpose: [
              'Uitvoeren communicatiebeleid Defensie:',
              '4. Het positioneren van Defensie als aantrekkelijke partner voor relevante organisaties in de samenleving (bedrijfsleven, zorg, onderwijs)',
              '(Sociale) mediamonitoring:',
              "1. Vroegsignalering tbv issuemanagement door signalering (ex ante): volgen van discussies over Defensie en/of Defensie gerelateerde onderwerpen in relevante arena's",
              "2. (Realtime) signalering: wat is de actuele berichtgeving over Defensie (gerelateerde) onderwerpen relevante arena's",
            ].join('\n'),
            retentionText: [
              'Selectielijst Defensie 2021',
              'Werkproces 9.3.3 Het verzamelen van ruwe data:',
              'V direct na verwerking in een eindproduct (hiervoor geldt de waardering werkproces waarin ruwe data zijn verzameld)',
              'V 6 maanden voor niet relevante data (wordt niet verwerkt in een eindproduct)',
              'Werkproces 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid:',
              'V 20 jaar',
              'Werkproces 9.2 Het uitvoeren van intern beleid op het gebied van communicatie:',
              'SA B 1 voor eindproduct',
              'V 5 jaar voor overige',
              'Logging: V 2 jaar',
            ].join('\n'),
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene en externe bron, namelijk: mediaberichten',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
          {
            // As published: Betrokkene(n) "Stakeholders (…)", Persoonsgegevens "Publiekvrager".
            description: 'Publiekvrager',
            collectionPurpose: PUBLIEKSVRAGEN_PURPOSE,
            retentionText:
              'Selectielijst Defensie 2021 Werkproces 9.3.3 Het verzamelen van ruwe data: V direct na verwerking in een eindproduct. Voor de eindproducten (geldt de waardering van het werk proces in het kader waarvan de ruwe data zijn verzameld). V 6 maanden voor niet relevante data. Niet relevante data is data die niet wordt verwerkt in een eindproduct. Werkproces 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid: V 20 j Werkproces 9.3.2 Het beheren van loggegevens: V 2 jaar',
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
        ],
      },
      {
        description: 'Publiekvrager',
        dataItems: [
          {
            description:
              'Vragen en antwoorden (webcare en tweede lijns) Accountnaam/Gebruikersnaam IP-adres Contactgegevens Beeldmateriaal (foto/ video)',
            collectionPurpose: PUBLIEKSVRAGEN_PURPOSE,
            retentionText:
              'Selectielijst Defensie 2021 Werkprocessen: 9.3.3 Het verzamelen van ruwe data: V direct na verwerking in eindproduct (hiervoor waardering werkproces in het kader waarvan de ruwe data zijn verzameld), V 6 maanden voor niet relevante data (data die niet wordt verwerkt in een eindproduct) 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid: V 20 jaar 9.2 Het uitvoeren van intern communicatiebeleid: SA B 1 voor eindproduct, V5 overige 9.3.2 Het beheren van loggegevens, V 2 jaar',
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
        ],
      },
    ],
    recipients: [
      { description: 'Medewerkers Directie Communicatie' },
      { description: 'Communicatie-functionarissen Defensieonderdelen' },
      { description: 'Defensiemedewerkers' },
      { description: 'Politiek, militaire en ambtelijke top' },
      { description: 'Beleidsmedewerkers (inclusief Defensiestaf)' },
      { description: 'Bezoekers Defensiewebsites' },
      { description: 'Volgers sociale media defensie en vraagstellers via direct messages' },
      { description: 'Dienst Publiek en Communicatie van het Ministerie van Algemene Zaken (MinAZ/DPC)' },
      { description: 'Vragensteller' },
    ],
    automatedDecisionMaking: {
      applies: false,
      statement:
        'Er is geen sprake van besluitvorming over persoonsgegevens op basis van automatisch verwerkte gegevens.',
    },
    thirdCountryTransfers: {
      applies: true,
      statement: [
        '(Sociale) media monitoring NexusLexis USA',
        '(Sociale) media monitoring Twitter USA',
        '(Sociale) media monitoring Meta (Facebook, Instagram) USA',
      ].join('\n'),
      safeguardStatement: 'Zie DPIA',
      transfers: [
        { countryCode: 'US', recipientName: 'NexusLexis', safeguard: null, explanation: '(Sociale) media monitoring' },
        { countryCode: 'US', recipientName: 'Twitter', safeguard: null, explanation: '(Sociale) media monitoring' },
        {
          countryCode: 'US',
          recipientName: 'Meta (Facebook, Instagram)',
          safeguard: null,
          explanation: '(Sociale) media monitoring',
        },
      ],
    },
    controllers: [],
    processors: [],
    relatedProcessings: [],
    relatedProcessingsStatement: 'Deze verwerking bevat geen gerelateerde verwerkingen',
    internal: null,
  },
};
