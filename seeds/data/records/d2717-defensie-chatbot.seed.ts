import { LegalRole, VersionStatus } from '../../../src/modules/processing-activity/processing-activity.enums';
import type { SeedRecord } from '../../seed-record';

/**
 * D2717 — Toepassing chatbot binnen Defensie (Ministerie van Defensie).
 *
 * Transcribed verbatim from the public register page. Notes:
 * - The legal-basis label reads "Gerechtigd belang verantwoordelijke" (sic); it is the
 *   legitimate-interest basis (AVG art. 6(1)(f)). The explanation repeats itself, joined by
 *   ". ." — kept exactly as published.
 * - Four data blocks, two per "Betrokkene(n)" value: Defensiemedewerkers and Niet-werknemers
 *   each form one group with two data items. The spelling differs between the groups
 *   ("Gesprekstranscripten" vs. "Gesprekstrascripten", "Doorontwikkelen van de chatbot" vs.
 *   "Doorontwikkeling chatbot") and so does the retention text (only the first group's adds
 *   "Bijzondere persoonsgegevens worden direct verwijderd." — a retention rule, not a special
 *   category). All kept as published.
 * - "Bron: Betrokkene en P&O-basisadministratie" → the data subject is (also) a source.
 * - The "Verantwoordelijken" section is empty: controllers [].
 */
export const record: SeedRecord = {
  sourceDocument: '000_6e30a7ced336781d.txt',
  organisationKey: 'DEF',
  reference: 'D2717',
  status: VersionStatus.PUBLISHED,
  content: {
    title: 'Toepassing chatbot binnen Defensie',
    description: null,
    legalRole: LegalRole.CONTROLLER,
    purposes: [
      {
        description:
          'Het plaats en tijdonafhankelijk op een toegankelijke manier beantwoorden van veelvoorkomende vragen en verzoeken aan de dienstencentra van Defensie via chats.',
        legalBasis: 'LEGITIMATE_INTERESTS',
        legalBasisExplanation:
          "Defensie heeft belang bij een effectieve, continue en efficiënte bedrijfsvoering, een aantrekkelijke werkomgeving en het goed faciliteren van Defensiemedewerkers. De belangen van betrokkenen worden hierbij zoveel mogelijk gerespecteerd door het treffen van maatregelen om risico's te beperken. . Defensie heeft belang bij een effectieve, continue en efficiënte bedrijfsvoering, een aantrekkelijke werkomgeving en het goed faciliteren van Defensiemedewerkers. De belangen van betrokkenen worden hierbij zoveel mogelijk gerespecteerd door het treffen van maatregelen om risico's te beperken.",
        statutoryReferences: [],
      },
    ],
    dataSubjectGroups: [
      {
        description: 'Defensiemedewerkers',
        dataItems: [
          {
            description:
              'Naam, werknemer-ID, zakelijk telefoonnummer, afdeling, accountnaam, standplaats, defensie e-mail',
            collectionPurpose:
              'Het plaats en tijdonafhankelijk op een toegankelijke manier beantwoorden van veelvoorkomende vragen en verzoeken aan de dienstencentra van Defensie via chats.',
            retentionText:
              'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V direct na verwerking in een eindproduct. Werkproces 9.3.2 Het beheren van loggegevens, V2 jaar na einde procedure voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures.',
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene en P&O-basisadministratie',
            provisionObligatory: false,
            provisionStatement: 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.',
          },
          {
            description: 'Gesprekstranscripten',
            collectionPurpose: 'Doorontwikkelen van de chatbot',
            retentionText:
              'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V 6 maanden voor niet relevante data. Bijzondere persoonsgegevens worden direct verwijderd.',
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene',
            provisionObligatory: false,
            provisionStatement: 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.',
          },
        ],
      },
      {
        description: 'Niet-werknemers',
        dataItems: [
          {
            description:
              'Naam, werknemer-ID, zakelijk telefoonnummer, afdeling, accountnaam, standplaats, defensie e-mail',
            collectionPurpose:
              'Het plaats en tijdonafhankelijk op een toegankelijke manier beantwoorden van veelvoorkomende vragen en verzoeken aan de dienstencentra van Defensie via chats.',
            retentionText:
              'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V direct na verwerking in een eindproduct. Werkproces 9.3.2 Het beheren van loggegevens, V2 jaar na einde procedure voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures.',
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene en P&O-basisadministratie',
            provisionObligatory: false,
            provisionStatement: 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.',
          },
          {
            description: 'Gesprekstrascripten',
            collectionPurpose: 'Doorontwikkeling chatbot',
            retentionText:
              'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V 6 maanden voor niet relevante data.',
            sourceIsDataSubject: true,
            sourceDescription: 'Betrokkene',
            provisionObligatory: false,
            provisionStatement: 'Betrokkenen waren niet verplicht deze gegevens aan te leveren.',
          },
        ],
      },
    ],
    recipients: [
      { description: 'Helpdeskmedewerkers Servicedesk Defensie' },
      { description: 'Kwaliteitsbewakingmedewerker Dienstencentrum Human Resources' },
      { description: 'Frontofficemedewerkers klantcontactcentrum Servicepunt' },
      { description: 'Medewerkers chatbotbeheerteam' },
      { description: 'Kwaliteitsteammedewerker Servicedesk Defensie' },
      { description: 'Medewerker frontoffice Dienstencentrum Human Resources' },
      { description: 'Technisch beheermedewerkers chatbots' },
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
    controllers: [],
    processors: [],
    relatedProcessings: [],
    relatedProcessingsStatement: 'Deze verwerking bevat geen gerelateerde verwerkingen',
    internal: null,
  },
};
