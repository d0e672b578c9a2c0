/**
 * Dutch word lists for the synthetic register. Titles, purposes, data items and recipients are
 * combined from these, so full-text search (Dutch stemming) finds a realistic spread: some words
 * in thousands of records, most in a few hundred, some in a handful.
 */
export const ACTIVITIES = [
  'Behandelen', 'Registreren', 'Beoordelen', 'Afhandelen', 'Uitvoeren', 'Verwerken', 'Controleren', 'Verstrekken',
  'Archiveren', 'Monitoren', 'Onderzoeken', 'Toetsen', 'Bijhouden', 'Beheren', 'Plannen', 'Innen', 'Toekennen', 'Handhaven',
];
export const OBJECTS = [
  'aanvragen omgevingsvergunning', 'bezwaarschriften', 'klachten van burgers', 'subsidieaanvragen', 'meldingen openbare ruimte',
  'parkeervergunningen', 'uitkeringen participatiewet', 'schuldhulpverlening', 'jeugdzorgindicaties', 'Wmo-voorzieningen',
  'huwelijksaankondigingen', 'verhuizingen', 'paspoortaanvragen', 'rijbewijsaanvragen', 'belastingaanslagen', 'WOZ-beschikkingen',
  'personeelsdossiers', 'sollicitaties', 'verzuimregistratie', 'salarisadministratie', 'integriteitsmeldingen', 'datalekken',
  'Woo-verzoeken', 'inzageverzoeken', 'cameratoezicht', 'toegangspassen', 'bezoekersregistratie', 'telefoongesprekken',
  'klantcontacten', 'nieuwsbrieven', 'evenementenvergunningen', 'horecavergunningen', 'leerplichtcontroles', 'inburgeringstrajecten',
  'bijstandsfraude', 'handhavingsverzoeken', 'afvalinzameling', 'grondtransacties', 'inkoopprocedures', 'facturen van leveranciers',
  'raadsvragen', 'burgerpanels', 'enquêtes', 'onderzoeksdata', 'vaccinatieregistratie', 'leerlingenvervoer', 'kinderopvangtoeslag',
  'energietoeslag', 'zorgkostenvergoeding', 'dienstreizen', 'opleidingsaanvragen', 'declaraties', 'verlofaanvragen',
];
export const QUALIFIERS = [
  'via het digitale loket', 'in het zaaksysteem', 'door het klantcontactcentrum', 'met de gemeentelijke app', 'op papier',
  'door ketenpartners', 'in de basisregistratie', 'na een melding', 'voor de jaarrekening', 'ten behoeve van beleidsonderzoek',
];
export const PURPOSE_PHRASES = [
  'Het vaststellen van het recht op', 'Het behandelen van', 'Het verantwoorden van', 'Het beoordelen van', 'Het informeren van betrokkenen over',
  'Het voorkomen van misbruik bij', 'Het verbeteren van de dienstverlening rond', 'Het archiveren van', 'Het uitvoeren van wettelijke taken rond',
  'Het opstellen van statistieken over', 'Het innen van kosten voor', 'Het communiceren over',
];
export const SUBJECTS = [
  'Inwoners', 'Aanvragers', 'Medewerkers', 'Sollicitanten', 'Bezoekers', 'Ondernemers', 'Leerlingen', 'Ouders en verzorgers',
  'Cliënten', 'Melders', 'Klagers', 'Leveranciers', 'Raadsleden', 'Vrijwilligers', 'Stagiairs', 'Uitkeringsgerechtigden',
  'Zorgverleners', 'Mantelzorgers', 'Eigenaren van onroerend goed', 'Huurders', 'Journalisten', 'Defensiemedewerkers',
];
export const DATA_ITEMS = [
  'Naam', 'Adres', 'Woonplaats', 'Geboortedatum', 'Telefoonnummer', 'E-mailadres', 'Burgerservicenummer', 'Rekeningnummer',
  'Inkomensgegevens', 'Gezinssamenstelling', 'Nationaliteit', 'Geslacht', 'Handtekening', 'Pasfoto', 'Kenteken', 'IP-adres',
  'Medische gegevens', 'Strafrechtelijke gegevens', 'Opleidingsgegevens', 'Functie', 'Personeelsnummer', 'Verzuimgegevens',
  'Camerabeelden', 'Correspondentie', 'Gespreksverslagen', 'Klantnummer', 'Vermogensgegevens', 'Huurcontract', 'Uitslag van de toets',
];
export const RETENTIONS = [
  '7 jaar na afhandeling', 'P5Y', '10 jaar na beëindiging van de relatie', '2 jaar', 'P1Y', '4 weken', 'Vernietigen 5 jaar na afsluiten dossier',
  '20 jaar', 'Bewaren (B)', '1 jaar na afloop', 'P7Y', '3 maanden', '6 maanden na sluiten van de vacature',
];
export const RECIPIENTS = [
  'Belastingdienst', 'UWV', 'Sociale Verzekeringsbank', 'Dienst Justitiële Inrichtingen', 'Politie', 'Openbaar Ministerie',
  'Centraal Bureau voor de Statistiek', 'Rijksdienst voor Identiteitsgegevens', 'Zorgverzekeraars', 'Inspectie van het Onderwijs',
  'Gemeentelijke Gezondheidsdienst', 'Veiligheidsregio', 'Deurwaarders', 'Accountant', 'Nationale ombudsman', 'Rechtbank',
  'Autoriteit Persoonsgegevens', 'Leveranciers van het zaaksysteem', 'Regionaal archief', 'Woningcorporaties',
];
export const TRANSFER_PARTIES: [string, string][] = [
  ['Microsoft', 'US'], ['Google', 'US'], ['Amazon Web Services', 'US'], ['Meta', 'US'], ['X Corp', 'US'], ['Salesforce', 'US'],
  ['Zendesk', 'US'], ['Atlassian', 'AU'], ['Infosys', 'IN'], ['Shopify', 'CA'], ['Swisscom', 'CH'], ['SurveyMonkey', 'US'],
];
export const SAFEGUARDS = ['ADEQUACY_DECISION', 'SCC_COMMISSION', 'BINDING_CORPORATE_RULES'] as const;
export const LEGAL_BASES = ['PUBLIC_TASK', 'PUBLIC_TASK', 'PUBLIC_TASK', 'LEGAL_OBLIGATION', 'LEGAL_OBLIGATION', 'CONTRACT', 'CONSENT', 'LEGITIMATE_INTERESTS', 'VITAL_INTERESTS'] as const;
export const SPECIAL_CATEGORIES = ['HEALTH_DATA', 'NATIONAL_IDENTIFICATION_NUMBER', 'CRIMINAL_DATA', 'RACIAL_OR_ETHNIC_ORIGIN', 'RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS', 'BIOMETRIC_DATA'] as const;
export const STATUTES = [
  'Participatiewet, artikel 7', 'Gemeentewet, artikel 160', 'Wet maatschappelijke ondersteuning 2015, artikel 2.3.5', 'Jeugdwet, artikel 2.3',
  'Algemene wet bestuursrecht, artikel 9:1', 'Wet open overheid, artikel 4.1', 'Archiefwet 1995, artikel 3', 'Omgevingswet, artikel 5.1',
  'Wet basisregistratie personen, artikel 2.1', 'Ambtenarenwet 2017, artikel 4',
];
export const MINISTRIES = [
  'Algemene Zaken', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Defensie', 'Economische Zaken', 'Financiën',
  'Infrastructuur en Waterstaat', 'Justitie en Veiligheid', 'Landbouw, Visserij, Voedselzekerheid en Natuur', 'Onderwijs, Cultuur en Wetenschap',
  'Sociale Zaken en Werkgelegenheid', 'Volksgezondheid, Welzijn en Sport', 'Volkshuisvesting en Ruimtelijke Ordening', 'Klimaat en Groene Groei',
];
export const AGENCY_WORDS = ['Rijksdienst voor', 'Dienst', 'Inspectie', 'Agentschap', 'Directie', 'Bureau', 'Autoriteit', 'Centrum voor'];
export const AGENCY_TOPICS = [
  'Ondernemend Nederland', 'Wegverkeer', 'Toeslagen', 'Uitvoering Onderwijs', 'Cultureel Erfgoed', 'Vastgoed', 'Werk en Inkomen',
  'Justis', 'Gezondheidszorg en Jeugd', 'Leefomgeving en Transport', 'Informatievoorziening', 'Personeel en Organisatie', 'Inkoop',
  'Communicatie', 'Financieel Beheer', 'Juridische Zaken', 'Internationale Zaken', 'Veiligheid', 'Natuur en Water', 'Data en Analyse',
];
export const PLACES = [
  'Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Apeldoorn',
  'Arnhem', 'Haarlem', 'Enschede', 'Amersfoort', 'Zaanstad', 'Haarlemmermeer', 'Zwolle', 'Leiden', 'Maastricht', 'Dordrecht', 'Zoetermeer',
  'Ede', 'Leeuwarden', 'Alphen aan den Rijn', 'Alkmaar', 'Emmen', 'Westland', 'Delft', 'Venlo', 'Deventer', 'Helmond', 'Oss', 'Hilversum',
  'Heerlen', 'Lisse', 'Hillegom', 'Teylingen', 'Noordwijk', 'Katwijk', 'Oegstgeest', 'Wassenaar', 'Voorschoten', 'Gouda', 'Woerden',
];
/**
 * Search terms for the search scenario: very common ("gegevens" is in most records), medium and
 * rare words that occur as words of their own (the Dutch stemmer does not split compounds, so
 * "vergunning" would not find "omgevingsvergunning"). Stems match plurals.
 */
export const SEARCH_TERMS = ['gegevens', 'zaaksysteem', 'klachten', 'camerabeelden', 'telefoongesprek', 'sollicitaties', 'uitkeringen', 'politie', 'statistieken', 'misbruik', 'burgerservicenummer', 'verlofaanvragen'];
