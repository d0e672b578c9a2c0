import { LegalRole, VersionStatus } from '../../../src/modules/processing-activity/processing-activity.enums';
import type { SeedRecord } from '../../seed-record';

/**
 * M4140 — Nieuwssignalering en nieuwsapp (Ministerie van Financiën, SG/ Directie Communicatie).
 *
 * Notes:
 * - Four data blocks, all with the same Betrokkene(n): one group with four data items.
 * - The e-mail item's Verzameldoel is an HTML list (`<ul style="list-style-type: none">• … .• …`)
 *   without closing tags; it is converted, like all HTML in the seeds, to plain text with one
 *   line per list entry, keeping the "•" bullets that are part of the text.
 * - Bron "Medewerker van Financiën zelf" → source is the data subject; "Genereert het systeem"
 *   → not the data subject.
 * - Recipients: a heading ("Support agents:") followed by a paragraph is one recipient with the
 *   heading (without its colon) as description and the paragraph verbatim as explanation; the
 *   last recipient is one line "<who>: <explanation>" and is split the same way at its colon.
 * - "Verantwoordelijken" names the controller by function (no person): transcribed as published,
 *   with its postal address.
 */

const GROUP = 'Medewerkers van Financiën die toegang willen tot de nieuwssignalering en nieuwsapp';
const NOT_OBLIGED = 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.';

export const record: SeedRecord = {
  sourceDocument: '004_c409311e3839bcb8.txt',
  organisationKey: 'FIN-SG-DC',
  reference: 'M4140',
  status: VersionStatus.PUBLISHED,
  content: {
    title: 'Nieuwssignalering en nieuwsapp',
    description: null,
    legalRole: LegalRole.CONTROLLER,
    purposes: [
      {
        description:
          'Het verschaffen van toegang aan medewerkers van Financiën tot de nieuwssignalering en nieuwsapp. Meer specifiek houdt dit in dat gebruikers in de gelegenheid worden gesteld gebruik te maken van de diensten met betrekking tot het zoeken naar, het lenen van en / of het lezen van gedrukte en digitale materialen die door het ministerie van Financiën ter beschikking worden gesteld.',
        legalBasis: 'LEGITIMATE_INTERESTS',
        legalBasisExplanation:
          'Het ministerie hecht aan goed geïnformeerde medewerkers m.b.t. financiëngerelateerde onderwerpen. Het departement stelt daarom een nieuwssignalering en een nieuwsapp voor medewerkers ter beschikking.',
        statutoryReferences: [],
      },
    ],
    dataSubjectGroups: [
      {
        description: GROUP,
        dataItems: [
          {
            description: 'Voor- en achternaam',
            collectionPurpose:
              'Deze worden gebruikt om de gebruiker te laten zien dat hij is ingelogd en om te laten zien wie er een supportverzoek heeft aangemaakt zodat de leverancier contact op kan nemen naar aanleiding van een supportvraag.',
            retentionText: '6 jaar',
            sourceIsDataSubject: true,
            sourceDescription: 'Medewerker van Financiën zelf',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
          {
            description: 'E-mailadres',
            collectionPurpose: [
              '• Wordt gebruikt om met gebruikers van Financiën te communiceren als onderdeel van de diensten van de leverancier.',
              '• Wordt primair gebruikt als gebruikersnaam om in te loggen op de nieuwssignalering en nieuwsapp.',
            ].join('\n'),
            retentionText: '6 jaar',
            sourceIsDataSubject: true,
            sourceDescription: 'Medewerker van Financiën zelf',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
          {
            description: 'Wachtwoord',
            collectionPurpose:
              'Het wachtwoord wordt gebruikt om gebruikers van het ministerie van Financiën toegang te geven tot de nieuwssignalering en nieuwsapp.',
            retentionText: '6 jaar',
            sourceIsDataSubject: true,
            sourceDescription: 'Medewerker van Financiën zelf',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
          {
            description: 'Gebruikersstatistieken',
            collectionPurpose:
              'Data met betrekking tot zoekopdrachten, leningen etc. kunnen worden gebruikt om klant(-beheerders) inzicht te verschaffen in het daadwerkelijke gebruik voor managementdoeleinden en om analysegericht diensten verder te ontwikkelen en te verfijnen.',
            retentionText: '6 jaar',
            sourceIsDataSubject: false,
            sourceDescription: 'Genereert het systeem',
            provisionObligatory: false,
            provisionStatement: NOT_OBLIGED,
          },
        ],
      },
    ],
    recipients: [
      {
        description: 'Support agents',
        explanation:
          'Support agents hebben toegang tot de beheerfuncties van de toepassing om klant-beheerders (admin-users) te kunnen ondersteunen in het gebruik en bij het analyseren en oplossen van problemen. Zij kunnen de gegevens inzien wanneer zij toegang hebben tot het systeem voor genoemd doel.',
      },
      {
        description: 'Ontwikkelaars',
        explanation:
          'Ontwikkelaars die support leveren met betrekking tot meer complexe en technische verzoeken kunnen toegang hebben tot de beheerfuncties van de systemen om klant-beheerders (admin-users) te kunnen ondersteunen, analyses uit te voeren en wijzigingen in de systemen door te voeren in het kader van support en probleemoplossing. Ontwikkelaars kunnen dientengevolge toegang hebben tot persoonsgegevens van gebruikers als zij toegang krijgen tot het systeem.',
      },
      {
        description: 'Developers en testers',
        explanation:
          'Developers en testers hebben toegang tot de productieomgeving voor het installeren en valideren van nieuwe releases en updates van de systemen en hebben dan mogelijk toegang tot de genoemde gegevens van de klant wanneer zij de systemen met dit doel benaderen.',
      },
      {
        description: 'Medewerkers van team omgevingskennis van het ministerie van Financiën (6)',
        explanation:
          'zij hebben als klant-beheerders (admin-users) toegang tot de e-mailadressen en namen van de gebruikers.',
      },
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
        name: 'Minister van Financiën, voor deze de Secretaris-generaal, voor deze de directeur communicatie',
        kind: null,
        organisationTooi: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090',
        organisationOin: null,
        postalAddress: { line: 'Postbus 20201', postalCode: '2500EE', city: 'Den Haag', countryCode: 'NL' },
      },
    ],
    processors: [],
    relatedProcessings: [],
    relatedProcessingsStatement: 'Deze verwerking bevat geen gerelateerde verwerkingen',
    internal: null,
  },
};
