import { LegalRole, VersionStatus } from '../../../src/modules/processing-activity/processing-activity.enums';
import type { SeedRecord } from '../../seed-record';

/**
 * GEM-CHATBOT — Chatbot (Gem), the virtual municipal assistant, as a record of the
 * Gemeenschappelijke Regeling werkorganisatie HLTsamen (the page is published on the
 * website of Gemeente Lisse, one of the three municipalities HLTsamen works for).
 *
 * The source is a privacy statement, not a register extract, so its sections are mapped:
 * - title "Chatbot (Gem)" (the page title); description = the opening paragraphs and the
 *   privacy statement's introduction, one paragraph per line;
 * - Doel → the one purpose; Juridische reden → PUBLIC_TASK ("de wettelijke taak van gemeenten
 *   om inwoners informatie te geven") with that section verbatim as explanation;
 * - Welke gegevens / Bewaartermijn → one data-subject group, three data items (chat content
 *   including personal data shared, verbeterpunten, anonymous IP addresses). The group and item
 *   descriptions are composed from the page's own wording (the page has no such fields); the
 *   retention texts are the page's sentences verbatim, split per item. The page has no "Bron"
 *   line: sourceDescription is null, sourceIsDataSubject true (the user types it in the chat).
 *   "Gem hoeft niets te weten over jou." is the provision statement for what the user chooses
 *   to share (not obligatory); for the IP address the page says nothing about obligation.
 * - Automatische besluitvorming → applies false, both sentences verbatim (one per line);
 * - Wie is verantwoordelijk → the controller (HLTsamen; no TOOI code known). The page names no
 *   role beside the GR itself, so the controller has no roleDescription;
 * - HLTsamen carries the processing out for Hillegom, Lisse and Teylingen (the page is on Lisse's
 *   site and speaks of "de gemeente"): the record is HLTsamen's, shared with (adopted by) the three
 *   municipalities, so each lists it in its own register;
 * - Locatie → no transfers, statement verbatim; processingLocation "binnen Nederland";
 * - Je rechten … → dataSubjectRights, one line per bullet ("• " kept) plus the closing paragraph;
 * - Toegang tot gegevens → the three recipients; the livechat paragraph from "Welke gegevens"
 *   explains the livechat recipient.
 * Non-breaking spaces of the web page are normalised to ordinary spaces.
 */

const CHAT_PURPOSE =
  'We bewaren de inhoud van het chatgesprek om de virtuele gemeente assistent te verbeteren. Zo kan Gem in de toekomst jou en andere inwoners beter van dienst zijn.';

export const record: SeedRecord = {
  sourceDocument: '001_751e2be22d0ec407.txt',
  organisationKey: 'HLTSAMEN',
  sharedWith: ['HILLEGOM', 'LISSE', 'TEYLINGEN'],
  reference: 'GEM-CHATBOT',
  status: VersionStatus.PUBLISHED,
  content: {
    title: 'Chatbot (Gem)',
    description: [
      'De gemeente heeft een virtuele assistent: Gem. Gem is een chatbot en beantwoordt 24 uur per dag vragen over onder andere verhuizen, paspoorten en Nederlandse identiteitskaarten. Weet Gem het antwoord niet? Dan helpt een medewerker u tijdens de openingstijden verder via de livechat.',
      'Gem vindt u rechtsonder op elke pagina. Probeert u het ook eens?',
      'Gem, de virtuele assistent, geeft antwoord op vragen over producten en diensten van de gemeente. Hiervoor zijn geen persoonlijke gegevens van jou nodig. Het kan zijn dat je toch iets persoonlijks deelt. In deze privacyverklaring leggen we uit wat er dan gebeurt.',
    ].join('\n'),
    legalRole: LegalRole.CONTROLLER,
    purposes: [
      {
        description: CHAT_PURPOSE,
        legalBasis: 'PUBLIC_TASK',
        legalBasisExplanation:
          'We verwerken alleen persoonsgegevens als we daarvoor een wettelijke reden hebben. Voor Gem is de reden het uitvoeren van de wettelijke taak van gemeenten om inwoners informatie te geven.',
        statutoryReferences: [],
      },
    ],
    dataSubjectGroups: [
      {
        description: 'Inwoners en andere gebruikers van Gem, de virtuele gemeente assistent',
        dataItems: [
          {
            description:
              'Inhoud van het chatgesprek, inclusief persoonsgegevens die je toch deelt (bijvoorbeeld je naam of adres)',
            collectionPurpose: CHAT_PURPOSE,
            retentionText:
              'We verwijderen eventuele persoonsgegevens binnen 28 dagen. Chatgesprekken en verbeterpunten bewaren we maximaal 28 dagen. Deze gebruiken we voor trainingsdoeleinden. Daarna verwijderen we ze.',
            sourceIsDataSubject: true,
            sourceDescription: null,
            provisionObligatory: false,
            provisionStatement: 'Gem hoeft niets te weten over jou. Maar het kan zijn dat je toch persoonsgegevens deelt.',
          },
          {
            description: 'Verbeterpunten die jij achterlaat in de chat',
            collectionPurpose: CHAT_PURPOSE,
            retentionText:
              'Chatgesprekken en verbeterpunten bewaren we maximaal 28 dagen. Deze gebruiken we voor trainingsdoeleinden. Daarna verwijderen we ze.',
            sourceIsDataSubject: true,
            sourceDescription: null,
            provisionObligatory: false,
            provisionStatement: null,
          },
          {
            description: 'IP-adres (standaard anoniem)',
            collectionPurpose: null,
            retentionText: 'De anonieme IP-adressen verwijderen we na 14 dagen.',
            sourceIsDataSubject: true,
            sourceDescription: null,
            provisionObligatory: null,
            provisionStatement: null,
          },
        ],
      },
    ],
    recipients: [
      { description: 'Medewerkers van de gemeente Lisse in het beheerteam van de virtuele gemeente assistent' },
      {
        description: 'Livechat medewerkers van de gemeente Lisse',
        explanation:
          'Schakel je van de virtuele gemeente assistent over naar livechat? Dan kan de livechatmedewerker je gespreksgeschiedenis zien. De virtuele gemeente assistent vraagt eerst of je met een livechatmedewerker wilt praten.',
      },
      { description: 'Technisch medewerkers in het landelijk beheerteam van de virtuele gemeente assistent' },
    ],
    automatedDecisionMaking: {
      applies: false,
      statement: [
        'We gebruiken woorden die iemand intikt alleen om Gem te verbeteren. We gebruiken dit niet om voorstellen van tekst te doen bij iemand anders.',
        'We maken of bouwen ook geen gebruikersprofielen van de gesprekken die eerder zijn geweest (profilering AVG).',
      ].join('\n'),
    },
    thirdCountryTransfers: {
      applies: false,
      statement:
        'We verwerken gegevens binnen Nederland en geven deze niet door buiten de Europese Unie of aan internationale organisaties.',
      transfers: [],
    },
    controllers: [
      {
        name: 'Gemeenschappelijke Regeling werkorganisatie HLTsamen',
        kind: 'Gemeenschappelijke regeling',
        organisationTooi: null,
        organisationOin: null,
      },
    ],
    processors: [],
    relatedProcessings: [],
    relatedProcessingsStatement: null,
    dataSubjectRights: [
      '• Recht op inzage: je hebt het recht op de persoonsgegevens die je met Gem hebt gedeeld te bekijken.',
      '• Recht op rectificatie: je hebt het recht om de persoonsgegevens aan te vullen, te verbeteren, te laten verwijderen of af te laten schermen wanneer je dat wenst.',
      '• Recht van bezwaar: je kunt bezwaar maken tegen de gegevensverwerking. Ook kun je een klacht indienen bij de Autoriteit Persoonsgegevens. Wel stellen wij het op prijs als je de klacht eerst aan de Functionaris Gegevensbescherming stuurt.',
      'Hebben we de persoonsgegevens die je met Gem hebt gedeeld al verwijderd? En kunnen we niet meer zien dat het jouw gegevens zijn? Dan zijn bovenstaande rechten niet meer van toepassing. Is dit nog wel het geval? Lees dan meer over je rechten.',
    ].join('\n'),
    processingLocation: 'binnen Nederland',
    internal: null,
  },
};
