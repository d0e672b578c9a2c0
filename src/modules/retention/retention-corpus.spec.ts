import { parseRetentionText } from './retention-parser';
import { type ParsedRetentionRule, RetentionKind, RetentionValuation } from './retention-rule.types';

/*
 * Retention texts as real registers and public bodies write them, each with where it was found and
 * the rules it must give — or UNPARSED: no rule, never a wrong one (the verbatim text stays
 * authoritative, and the statistics count the item as unparsed). Texts are verbatim, punctuation
 * and line breaks included.
 *
 * Sources: the seed documents and the AVG-register export sample (../shared), the VNG selection
 * list 2020 (../shared/reference: values of its own bewaartermijn, waardering and procestermijn
 * fields), issue 12, and pages of municipalities and of the bodies advising them found with the
 * search tool (addresses given; "…" shortens a path).
 */

const { DURATION, UNTIL_EVENT, PERMANENT, SELECTION_LIST } = RetentionKind;
const { DESTROY, KEEP } = RetentionValuation;
const UNPARSED = [] as const;

/** The fields a rule is judged on; every one not given must be null. (processTitle and sourceFragment are checked by retention-parser.spec.ts.) */
type Expected = Partial<Pick<ParsedRetentionRule, 'duration' | 'eventTrigger' | 'valuation' | 'selectionList' | 'processNumber' | 'appliesTo'>> & Pick<ParsedRetentionRule, 'kind'>;
interface Phrase {
  source: string;
  text: string;
  rules: readonly Expected[];
}

const D2412_HTML =
  '<p>Selectielijst Defensie 2021</p> <p>Werkproces 9.3.3 Het verzamelen van ruwe data:</p> <p>V direct na verwerking in een eindproduct (hiervoor geldt de waardering werkproces waarin ruwe data zijn verzameld)</p> <p>V 6 maanden voor niet relevante data (wordt niet verwerkt in een eindproduct)</p> <p>Werkproces 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid:</p> <p>V 20 jaar</p> <p>Werkproces 9.2 Het uitvoeren van intern beleid op het gebied van communicatie:</p> <p>SA B 1 voor eindproduct</p> <p>V 5 jaar voor overige</p> <p>Logging: V 2 jaar</p>';

const REAL_PHRASES: Phrase[] = [
  // ---- seed documents (../shared/seeds) ----
  { source: 'seed D2717 (Defensie chatbot)', text: 'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V direct na verwerking in een eindproduct. Werkproces 9.3.2 Het beheren van loggegevens, V2 jaar na einde procedure voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures.', rules: [{ kind: UNTIL_EVENT, eventTrigger: 'direct na verwerking in een eindproduct', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3' }, { kind: UNTIL_EVENT, duration: 'P2Y', eventTrigger: 'na einde procedure', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.2', appliesTo: 'voor logging die van belang is voor auditing en onderzoek naar oneigenlijk gebruik en als bewijsmateriaal dienen voor gerechtelijke procedures' }] },
  { source: 'seed D2717', text: 'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V 6 maanden voor niet relevante data. Bijzondere persoonsgegevens worden direct verwijderd.', rules: [{ kind: DURATION, duration: 'P6M', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3', appliesTo: 'voor niet relevante data' }] },
  { source: 'seed D2717', text: 'Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V 6 maanden voor niet relevante data.', rules: [{ kind: DURATION, duration: 'P6M', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3', appliesTo: 'voor niet relevante data' }] },
  { source: 'seed D2412 (Defensie mediamonitoring)', text: D2412_HTML, rules: [{ kind: UNTIL_EVENT, eventTrigger: 'direct na verwerking in een eindproduct', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3' }, { kind: DURATION, duration: 'P6M', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3', appliesTo: 'voor niet relevante data' }, { kind: DURATION, duration: 'P20Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '2.2' }, { kind: PERMANENT, valuation: KEEP, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.2', appliesTo: 'voor eindproduct' }, { kind: DURATION, duration: 'P5Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.2', appliesTo: 'voor overige' }, { kind: DURATION, duration: 'P2Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.2', appliesTo: 'Logging' }] },
  { source: 'seed D2412', text: 'Selectielijst Defensie 2021 Werkproces 9.3.3 Het verzamelen van ruwe data: V direct na verwerking in een eindproduct. Voor de eindproducten (geldt de waardering van het werk proces in het kader waarvan de ruwe data zijn verzameld). V 6 maanden voor niet relevante data. Niet relevante data is data die niet wordt verwerkt in een eindproduct. Werkproces 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid: V 20 j Werkproces 9.3.2 Het beheren van loggegevens: V 2 jaar', rules: [{ kind: UNTIL_EVENT, eventTrigger: 'direct na verwerking in een eindproduct', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3' }, { kind: DURATION, duration: 'P6M', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3', appliesTo: 'voor niet relevante data' }, { kind: DURATION, duration: 'P20Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '2.2' }, { kind: DURATION, duration: 'P2Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.2' }] },
  { source: 'seed D2412', text: 'Selectielijst Defensie 2021 Werkprocessen: 9.3.3 Het verzamelen van ruwe data: V direct na verwerking in eindproduct (hiervoor waardering werkproces in het kader waarvan de ruwe data zijn verzameld), V 6 maanden voor niet relevante data (data die niet wordt verwerkt in een eindproduct) 2.2 Het maken verantwoord en uitdragen van PIOFACH beleid: V 20 jaar 9.2 Het uitvoeren van intern communicatiebeleid: SA B 1 voor eindproduct, V5 overige 9.3.2 Het beheren van loggegevens, V 2 jaar', rules: [{ kind: UNTIL_EVENT, eventTrigger: 'direct na verwerking in eindproduct', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3' }, { kind: DURATION, duration: 'P6M', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.3', appliesTo: 'voor niet relevante data' }, { kind: DURATION, duration: 'P20Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '2.2' }, { kind: PERMANENT, valuation: KEEP, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.2', appliesTo: 'voor eindproduct' }, { kind: DURATION, duration: 'P5Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.2', appliesTo: 'overige' }, { kind: DURATION, duration: 'P2Y', valuation: DESTROY, selectionList: 'Selectielijst Defensie 2021', processNumber: '9.3.2' }] },
  { source: 'seed: municipal chatbot Gem (HLTsamen)', text: 'We verwijderen eventuele persoonsgegevens binnen 28 dagen. Chatgesprekken en verbeterpunten bewaren we maximaal 28 dagen. Deze gebruiken we voor trainingsdoeleinden. Daarna verwijderen we ze. De anonieme IP-adressen verwijderen we na 14 dagen.', rules: [{ kind: DURATION, duration: 'P28D', appliesTo: 'eventuele persoonsgegevens' }, { kind: DURATION, duration: 'P28D', appliesTo: 'Chatgesprekken en verbeterpunten' }, { kind: DURATION, duration: 'P14D', appliesTo: 'De anonieme IP-adressen' }] },
  { source: 'seed M10495 (RVO telefoongesprekken)', text: 'Uiterlijk 28 dagen na de opnamedatum wordt de opname automatisch gewist.', rules: [{ kind: UNTIL_EVENT, duration: 'P28D', eventTrigger: 'na de opnamedatum' }] },
  { source: 'seed M10495', text: 'Zie Selectielijst Ministerie van EZK. Gegevens worden bewaard volgens de richtlijnen in de geldende selectielijsten. De concrete bewaartermijn wordt bepaald aan de hand van de complexiteit van het dossier en de daarin verrichte handelingen. Als de bewaartermijn is verstreken wordt het dossier in zijn geheel verwijderd inclusief documenten en gegevens.', rules: [{ kind: SELECTION_LIST, selectionList: 'Selectielijst Ministerie van EZK' }] },
  { source: 'seed M4140 (Financiën nieuwsapp)', text: '6 jaar', rules: [{ kind: DURATION, duration: 'P6Y' }] },
  // ---- the AVG-register export sample (../shared/reference/avg-register-export/import.zip) ----
  { source: 'AVG-register export, controller record M5071', text: 'De persoonsgegevens worden tot uiterlijk 1 maand bewaard; na verwijdering van persoonsgegevens door gebruiker, en/of na het opheffen van een community en/of na het opheffen van het hele Platform. \r\n', rules: [{ kind: UNTIL_EVENT, duration: 'P1M', eventTrigger: 'na verwijdering van persoonsgegevens door gebruiker, en/of na het opheffen van een community en/of na het opheffen van het hele Platform', appliesTo: 'De persoonsgegevens' }] },
  // ---- the VNG selection list 2020 (../shared/reference/vocabularies/vng-selectielijst-2020): values of its own fields ----
  { source: 'VNG selectielijst 2020, bewaartermijn (43 results)', text: 'P10Y', rules: [{ kind: DURATION, duration: 'P10Y' }] },
  { source: 'VNG selectielijst 2020, bewaartermijn', text: 'P1Y6M', rules: [{ kind: DURATION, duration: 'P1Y6M' }] },
  { source: 'VNG selectielijst 2020, bewaartermijn', text: 'P110Y', rules: [{ kind: DURATION, duration: 'P110Y' }] },
  { source: 'VNG selectielijst 2020, bewaartermijn', text: 'P42D', rules: [{ kind: DURATION, duration: 'P42D' }] },
  { source: 'VNG selectielijst 2020, bewaartermijn (destroy at once)', text: 'P0D', rules: [{ kind: DURATION, duration: 'P0D' }] },
  { source: 'VNG selectielijst 2020, waardering', text: 'blijvend_bewaren', rules: [{ kind: PERMANENT, valuation: KEEP }] },
  { source: 'VNG selectielijst 2020, waardering', text: 'vernietigen', rules: UNPARSED },
  { source: 'VNG selectielijst 2020, procestermijn', text: 'nihil', rules: UNPARSED },
  { source: 'VNG selectielijst 2020, procestermijn_opmerking', text: '5 of 10 jaar', rules: UNPARSED },
  // ---- issue 12 (a municipal register's multi-clause text) and the legal clinic's reference list ----
  { source: 'issue 12, municipal register', text: 'Dossier: 20 jaar na afsluiting, correspondentie 2 jaar, logbestanden 6 maanden', rules: [{ kind: UNTIL_EVENT, duration: 'P20Y', eventTrigger: 'na afsluiting', appliesTo: 'Dossier' }, { kind: DURATION, duration: 'P2Y', appliesTo: 'correspondentie' }, { kind: DURATION, duration: 'P6M', appliesTo: 'logbestanden' }] },
  { source: 'legalclinic referentielijsten (Voorgenomen bewaartermijn, art 30.1(f))', text: '6 maanden', rules: [{ kind: DURATION, duration: 'P6M' }] },
  { source: 'legalclinic referentielijsten', text: '12 maanden na registratie', rules: [{ kind: UNTIL_EVENT, duration: 'P12M', eventTrigger: 'na registratie' }] },
  // ---- municipalities: registers and privacy statements ----
  { source: 'https://www.barneveld.nl/…/register-van-verwerkingen (aansprakelijkheidsstelling)', text: '7 jaar', rules: [{ kind: DURATION, duration: 'P7Y' }] },
  { source: 'https://www.barneveld.nl/…/register-van-verwerkingen (adoptie, BRP)', text: 'Mutaties in BRP dienen blijvend te worden bewaard. Brondocumenten die hieraan ten grondslag liggen 110 jaar (GHR)', rules: [{ kind: PERMANENT, valuation: KEEP, appliesTo: 'Mutaties in BRP' }, { kind: DURATION, duration: 'P110Y' }] },
  { source: 'https://www.tilburg.nl/gegevensverwerking-via-deze-website/ (nieuwsbrief)', text: 'Zolang u toestemming heeft verleend. Toestemming kunt u intrekken via de \'opt-out\' optie bij elke nieuwsbrief.', rules: [{ kind: UNTIL_EVENT, eventTrigger: 'Zolang u toestemming heeft verleend' }] },
  { source: 'https://www.tilburg.nl/gegevensverwerking-via-deze-website/ (webformulier)', text: '5 tot 7 jaar', rules: UNPARSED },
  { source: 'https://www.tilburg.nl/gegevensverwerking-via-deze-website/ (virtuele assistent)', text: 'IP adres: 14 dagen\nChatgesprek: 28 dagen', rules: [{ kind: DURATION, duration: 'P14D', appliesTo: 'IP adres' }, { kind: DURATION, duration: 'P28D', appliesTo: 'Chatgesprek' }] },
  { source: 'https://www.hoorn.nl/parkeervergunning-bewoners/…', text: 'Indien u een parkeerrecht had, worden uw gegevens binnen 72 uur verwijderd.', rules: [{ kind: DURATION, duration: 'PT72H' }] },
  { source: 'https://www.hoorn.nl/parkeren-bezoekers/…', text: 'Als er geen parkeerrecht was, dan is de bewaartermijn 91 dagen voor het maken van bezwaar.', rules: [{ kind: DURATION, duration: 'P91D' }] },
  { source: 'https://www.meppel.nl/…/Privacyverklaringen_per_domein (parkeerontheffing)', text: 'Volgens de selectielijst van de Archiefwet worden verleende ontheffingen en gehandicaptenparkeerkaarten tot een jaar na beëindiging bewaard.', rules: [{ kind: UNTIL_EVENT, duration: 'P1Y', eventTrigger: 'na beëindiging', selectionList: 'selectielijst van de Archiefwet', appliesTo: 'verleende ontheffingen en gehandicaptenparkeerkaarten' }] },
  { source: 'https://www.meppel.nl/… (parkeerontheffing)', text: 'Ingetrokken aanvragen en geweigerde vergunningen worden 5 jaren bewaard.', rules: [{ kind: DURATION, duration: 'P5Y', appliesTo: 'Ingetrokken aanvragen en geweigerde vergunningen' }] },
  { source: 'https://www.meppel.nl/… (parkeerontheffing)', text: 'Aanvragen waarvan het behandelproces is afgebroken bewaren we één jaar.', rules: [{ kind: DURATION, duration: 'P1Y', appliesTo: 'Aanvragen waarvan het behandelproces is afgebroken' }] },
  { source: 'https://www.meppel.nl/…/Behandeling_van_bezwaren_beroep_en_klachten', text: 'Zo moeten wij uw gegevens vijf jaar bewaren wanneer uw bezwaar gegrond of ongegrond is verklaard.', rules: [{ kind: DURATION, duration: 'P5Y' }] },
  { source: 'https://www.meppel.nl/…/Behandeling_van_bezwaren_beroep_en_klachten', text: 'Bij een afgebroken proces is deze termijn één jaar.', rules: [{ kind: DURATION, duration: 'P1Y' }] },
  { source: 'https://www.meppel.nl/…/Privacyverklaring_gemeente_Meppel', text: 'We bewaren uw persoonsgegevens niet langer dan nodig is voor de uitvoering van onze gemeentelijke taken.', rules: UNPARSED },
  { source: 'https://www.meppel.nl/…/Behandeling_van_bezwaren_beroep_en_klachten', text: 'Wij bewaren persoonsgegevens niet langer dan noodzakelijk voor de omschreven doeleinden.', rules: UNPARSED },
  { source: 'https://www.heerenveen.nl/…/privacy-hoe-lang-bewaren-we-uw-persoonsgegevens/', text: 'We houden ons aan de termijnen uit de selectielijst.', rules: [{ kind: SELECTION_LIST, selectionList: 'selectielijst' }] },
  { source: 'https://www.heerenveen.nl/…/privacy-hoe-lang-bewaren-we-uw-persoonsgegevens/', text: 'Na het verlopen van die bewaartermijn vernietigen we deze gegevens, tenzij de gegevens van historische waarde zijn.', rules: UNPARSED },
  { source: 'https://www.heerenveen.nl/…/privacy-hoe-lang-bewaren-we-uw-persoonsgegevens/', text: 'We zullen uw persoonsgegevens nooit langer bewaren dan noodzakelijk voor het doel waarvoor we ze vastgelegd hebben.', rules: UNPARSED },
  { source: 'https://werkenvoor.denhaag.nl/privacystatement/', text: 'De gemeente anonimiseert uw sollicitatiebrief en cv vier weken na afronding van de sollicitatieperiode.', rules: [{ kind: UNTIL_EVENT, duration: 'P4W', eventTrigger: 'na afronding van de sollicitatieperiode' }] },
  { source: 'https://werkenvoor.denhaag.nl/privacystatement/', text: 'Na 4 weken van afronding van uw sollicitatie worden uw gegevens automatisch anoniem gemaakt.', rules: [{ kind: DURATION, duration: 'P4W' }] },
  { source: 'https://werkenvoor.denhaag.nl/privacystatement/', text: 'indien akkoord worden uw gegevens langer bewaard voor een termijn van één jaar.', rules: [{ kind: DURATION, duration: 'P1Y' }] },
  { source: 'https://www.werkenbijzoetermeer.nl/privacy', text: 'Jouw reactie op een vacature wordt tot maximaal vier weken na afloop van de sollicitatieprocedure bewaard.', rules: [{ kind: UNTIL_EVENT, duration: 'P4W', eventTrigger: 'na afloop van de sollicitatieprocedure', appliesTo: 'Jouw reactie op een vacature' }] },
  { source: 'https://www.werkenbijzoetermeer.nl/privacy', text: 'Dit doen wij voor maximaal één jaar waarna je gegevens worden verwijderd.', rules: [{ kind: DURATION, duration: 'P1Y' }] },
  { source: 'https://drechterland.nl/privacy (Wpg, strafrechtelijke handhaving)', text: 'Deze gegevens worden 10 jaar bewaard en kunnen worden gedeeld met de politie, het Openbaar Ministerie, de burgemeester, Bureau HALT of de Raad voor de Kinderbescherming.', rules: [{ kind: DURATION, duration: 'P10Y', appliesTo: 'Deze gegevens' }] },
  { source: 'https://www.weesp.nl/…/wat-gebeurt-er-met-mijn-gegevens-bij-parkeren-op-kenteken', text: 'Bij parkeren op kenteken worden de tijden in combinatie met kentekens 90 dagen nadat u niet meer mag parkeren verwijderd uit het NPR.', rules: [{ kind: UNTIL_EVENT, duration: 'P90D', eventTrigger: 'nadat u niet meer mag parkeren' }] },
  { source: 'https://www.weesp.nl/…', text: 'Scans van kentekens worden maximaal 90 dagen opgeslagen.', rules: [{ kind: DURATION, duration: 'P90D', appliesTo: 'Scans van kentekens' }] },
  { source: 'https://www.weesp.nl/… and https://www.wageningen.nl/…/Privacy_parkeren_met_kenteken', text: 'De scan van een kenteken waarvoor voldoende was betaald, wordt binnen 48 uur verwijderd.', rules: [{ kind: DURATION, duration: 'PT48H', appliesTo: 'De scan van een kenteken waarvoor voldoende was betaald' }] },
  { source: 'https://www.weesp.nl/…', text: 'De scan van een kenteken waarvoor niet of niet genoeg was betaald, wordt na 90 dagen verwijderd.', rules: [{ kind: DURATION, duration: 'P90D', appliesTo: 'De scan van een kenteken waarvoor niet of niet genoeg was betaald' }] },
  { source: 'https://www.wageningen.nl/…/Privacy_parkeren_met_kenteken', text: 'Als u een parkeerbon krijgt is de gemeente wettelijk verplicht om deze gegevens vijf jaar in de landelijke database te bewaren.', rules: [{ kind: DURATION, duration: 'P5Y' }] },
  { source: 'https://www.alphenaandenrijn.nl/…/Privacyverklaring_scanauto', text: 'de gegevens worden zo snel mogelijk, maar in elk geval binnen 24 uur verwijderd.', rules: [{ kind: DURATION, duration: 'PT24H' }] },
  { source: 'https://www.alphenaandenrijn.nl/…/Privacyverklaring_scanauto', text: 'de gegevens worden maximaal 7 jaar bewaard.', rules: [{ kind: DURATION, duration: 'P7Y', appliesTo: 'de gegevens' }] },
  { source: 'https://dmcc.nl/nieuws/faq/hoe-lang-mogen-gemeenten-gegevens-bewaren/', text: 'Als een organisatie persoonsgegevens uit de BRP krijgt, wordt de registratie van deze verstrekking voor 20 jaar bewaard.', rules: [{ kind: DURATION, duration: 'P20Y' }] },
  { source: 'https://dmcc.nl/nieuws/faq/hoe-lang-mogen-gemeenten-gegevens-bewaren/', text: 'de beelden van videocameratoezicht, deze moeten na vier weken worden vernietigd', rules: [{ kind: DURATION, duration: 'P4W', valuation: DESTROY, appliesTo: 'de beelden van videocameratoezicht, deze' }] },
  // ---- the archive advisers of municipalities (VHIC) answering them ----
  { source: 'https://www.vhic.nl/faq/selectielijst/', text: 'Volgens de selectielijst moet een afgewezen verzoek om kwijtschelding na 1 jaar worden vernietigd.', rules: [{ kind: DURATION, duration: 'P1Y', valuation: DESTROY, selectionList: 'selectielijst' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-verzoeken-avg/ (a municipality\'s zaaktypen)', text: 'Persoonsgegevens verwijderingsverzoek Ingewilligd 5 jaar', rules: [{ kind: DURATION, duration: 'P5Y', appliesTo: 'Persoonsgegevens verwijderingsverzoek Ingewilligd' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-verzoeken-avg/', text: 'Persoonsgegevens verstrekkingen Afgehandeld 20 jaar', rules: [{ kind: DURATION, duration: 'P20Y', appliesTo: 'Persoonsgegevens verstrekkingen Afgehandeld' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-verzoeken-avg/ (selectielijst, blz. 65)', text: 'Bescheiden afkomstig van de Nederlandse burgerlijke stand 1 jaar', rules: [{ kind: DURATION, duration: 'P1Y' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-verzoeken-avg/ (selectielijst, blz. 65)', text: 'Bescheiden verband houdend met de verstrekking van gegevens uit de basisregistratie (waaronder verzoeken betreffende het inzagerecht) 20 jaar', rules: [{ kind: DURATION, duration: 'P20Y' }] },
  { source: 'https://www.vhic.nl/faq/verhouding-bewaartermijnen-autoriteit-persoonsgegevens-en-selectielijst/', text: 'De selectielijst voor gemeenten hanteert een bewaartermijn van 5 jaar na afhandeling voor functioneringsgesprekken.', rules: [{ kind: UNTIL_EVENT, duration: 'P5Y', eventTrigger: 'na afhandeling', selectionList: 'selectielijst voor gemeenten', appliesTo: 'voor functioneringsgesprekken' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-bepalen-ingeval-van-vergunningen-meldingen-voor-onbepaalde-tijd/', text: 'Veelal geldt dan 1 jaar bewaren, nadat de geldigheidsduur is komen te vervallen.', rules: [{ kind: UNTIL_EVENT, duration: 'P1Y', eventTrigger: 'nadat de geldigheidsduur is komen te vervallen' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-bepalen-ingeval-van-vergunningen-meldingen-voor-onbepaalde-tijd/', text: 'Uitrit (vergunning) staat in de Selectielijst 2017 en 2020 als voorbeeld genoemd bij Procesobject 11.1 als 1 jaar na vervallen te vernietigen.', rules: [{ kind: UNTIL_EVENT, duration: 'P1Y', eventTrigger: 'na vervallen', valuation: DESTROY, selectionList: 'Selectielijst 2017 en 2020', processNumber: '11.1' }] },
  { source: 'https://www.vhic.nl/faq/bewaartermijn-bepalen-ingeval-van-vergunningen-meldingen-voor-onbepaalde-tijd/', text: 'immers permanent bewaren en t.z.t. overbrengen', rules: [{ kind: PERMANENT, valuation: KEEP }] },
  { source: 'https://www.vhic.nl/faq/waarom-is-bewaartermijn-gemeentelijke-klachtenafhandeling-nieuwe-selectielijst-verlengd-1-naar-5-jaar/', text: 'alleen kan worden gekozen voor een bewaartermijn van 1, 5, 10, 20 of 50 jaar', rules: UNPARSED },
  // ---- law, guidance and reporting on retention by public bodies ----
  { source: 'https://www.schulinck.nl/opinie/de-gemeente-moet-de-gegevens-in-een-jeugdhulpdossier-vernietigen/', text: 'De Jeugdwet kent een bewaartermijn van 20 jaar.', rules: [{ kind: DURATION, duration: 'P20Y', appliesTo: 'De Jeugdwet kent een' }] },
  { source: 'https://adoc.pub/bijlage-3-bewaartermijnen-in-wet-en-regelgeving.html (BW 2:10 lid 3)', text: 'Het bestuur is verplicht de in de leden 1 en 2 bedoelde boeken, bescheiden en andere gegevensdragers gedurende zeven jaren te bewaren.', rules: [{ kind: DURATION, duration: 'P7Y' }] },
  { source: 'https://adoc.pub/bijlage-3-bewaartermijnen-in-wet-en-regelgeving.html (BW 2:10 lid 2: a deadline, not retention)', text: 'Onverminderd het bepaalde in de volgende titels is het bestuur verplicht jaarlijks binnen zes maanden na afloop van het boekjaar de balans en de staat van baten en lasten van de rechtspersoon te maken en op papier te stellen.', rules: UNPARSED },
  { source: 'https://www.vijverbergadvocaten.nl/publicaties/hoe-lang-mogen-persoonsgegevens-worden-bewaard', text: 'Deze gegevens moeten twee jaar na de beëindiging van het dienstverband worden verwijderd.', rules: [{ kind: UNTIL_EVENT, duration: 'P2Y', eventTrigger: 'na de beëindiging van het dienstverband', appliesTo: 'Deze gegevens' }] },
  { source: 'https://www.vijverbergadvocaten.nl/publicaties/hoe-lang-mogen-persoonsgegevens-worden-bewaard', text: 'Voor het bewaren van sollicitatiegegevens van een niet aangenomen sollicitant wordt een bewaartermijn van vier weken na beëindiging van de sollicitatieprocedure redelijk geacht.', rules: [{ kind: UNTIL_EVENT, duration: 'P4W', eventTrigger: 'na beëindiging van de sollicitatieprocedure' }] },
  { source: 'https://www.vijverbergadvocaten.nl/publicaties/hoe-lang-mogen-persoonsgegevens-worden-bewaard', text: 'Met toestemming van de sollicitant mogen de gegevens tot een jaar na beëindiging van de sollicitatieprocedure worden bewaard.', rules: [{ kind: UNTIL_EVENT, duration: 'P1Y', eventTrigger: 'na beëindiging van de sollicitatieprocedure' }] },
  { source: 'https://www.vijverbergadvocaten.nl/publicaties/hoe-lang-mogen-persoonsgegevens-worden-bewaard', text: 'uiterlijk twee jaar na beëindiging van het lidmaatschap', rules: [{ kind: UNTIL_EVENT, duration: 'P2Y', eventTrigger: 'na beëindiging van het lidmaatschap' }] },
  { source: 'https://archiefvernietiging.nu/diensten/bewaarplicht-administratie-… (tabel)', text: 'Uiterlijk na 2 jaar', rules: [{ kind: DURATION, duration: 'P2Y' }] },
  { source: 'https://archiefvernietiging.nu/… (tabel)', text: 'Twee jaar na beëindiging van het dienstverband', rules: [{ kind: UNTIL_EVENT, duration: 'P2Y', eventTrigger: 'na beëindiging van het dienstverband' }] },
  { source: 'https://archiefvernietiging.nu/… (tabel)', text: 'Wanneer de sollicitant daarom vraagt, maar uiterlijk vier weken na beëindiging van de sollicitatieprocedure', rules: [{ kind: UNTIL_EVENT, duration: 'P4W', eventTrigger: 'na beëindiging van de sollicitatieprocedure' }] },
  { source: 'https://archiefvernietiging.nu/… (tabel)', text: 'Twee jaar nadat de laatste transactie is afgehandeld', rules: [{ kind: UNTIL_EVENT, duration: 'P2Y', eventTrigger: 'nadat de laatste transactie is afgehandeld' }] },
  { source: 'https://www.cbm.nl/bewaartermijn-inhoud-personeelsdossier/', text: 'gegevens uit de salarisadministratie die fiscaal van belang zijn, moet je zeven jaar bewaren nadat een werknemer uit dienst is.', rules: [{ kind: UNTIL_EVENT, duration: 'P7Y', eventTrigger: 'nadat een werknemer uit dienst is' }] },
  { source: 'https://yumpu.com/nl/document/view/36202272 (handboek archiveren)', text: 'Documenten die vallen onder de Wet Persoonsregistratie moeten binnen twee jaar na vertrek van de medewerker vernietigd worden.', rules: [{ kind: UNTIL_EVENT, duration: 'P2Y', eventTrigger: 'na vertrek van de medewerker', valuation: DESTROY, appliesTo: 'Documenten die vallen onder de Wet Persoonsregistratie' }] },
  { source: 'https://yumpu.com/nl/document/view/36202272', text: 'Volgens het Burgerlijk Wetboek geldt er een bewaartermijn van tien jaar voor alle financiële stukken', rules: [{ kind: DURATION, duration: 'P10Y', appliesTo: 'voor alle financiële stukken' }] },
  { source: 'https://yumpu.com/nl/document/view/36202272', text: 'Voor de belasting geldt een bewaartermijn van vijf jaar.', rules: [{ kind: DURATION, duration: 'P5Y' }] },
  { source: 'https://www.security.nl/posting/854092/… (camera\'s in de openbare ruimte)', text: 'Beelden van camera\'s in de openbare ruimte worden meestal 28 dagen bewaard en daarna verwijderd.', rules: [{ kind: DURATION, duration: 'P28D', appliesTo: 'Beelden van camera\'s in de openbare ruimte' }] },
  { source: 'https://www.security-systems.nl/bewaartermijn-camerabeelden/', text: 'Voor camerabeelden geldt als richtsnoer een bewaartermijn van 24 uur.', rules: [{ kind: DURATION, duration: 'PT24H' }] },
  { source: 'https://www.security-systems.nl/bewaartermijn-camerabeelden/', text: 'Die beelden mogen dan bewaard worden tot het geconstateerde incident is afgehandeld.', rules: [{ kind: UNTIL_EVENT, eventTrigger: 'tot het geconstateerde incident is afgehandeld', appliesTo: 'Die beelden' }] },
  { source: 'https://www.ictrecht.nl/blog/camerabeelden-mogen-vier-weken-worden-bewaard', text: 'Camerabeelden mogen vier weken worden bewaard', rules: [{ kind: DURATION, duration: 'P4W', appliesTo: 'Camerabeelden' }] },
  { source: 'https://2019.rejo.zenger.nl/inzicht/ook-geparkeerde-autos-laten-een-spoor-achter/', text: 'Zodra een parkeerder zijn kenteken op een parkeerautomaat intikt, worden de gegevens acht weken lang in die landelijke database opgeslagen.', rules: [{ kind: DURATION, duration: 'P8W' }] },
  { source: 'https://2019.rejo.zenger.nl/inzicht/ook-geparkeerde-autos-laten-een-spoor-achter/', text: 'De gegevens over de auto\'s die met behulp van Cition\'s scanauto\'s langs de kant van de weg zijn gezien, worden na 24 uur gewist.', rules: [{ kind: DURATION, duration: 'PT24H', appliesTo: 'De gegevens over de auto\'s die met behulp van Cition\'s scanauto\'s langs de kant van de weg zijn gezien' }] },
  { source: 'https://www.welingelichtekringen.nl/tech/… (waarschuwing foutparkeren)', text: 'deze waarschuwing van een handhaver blijft vijf jaar lang in het computersysteem geregistreerd staan', rules: [{ kind: DURATION, duration: 'P5Y', appliesTo: 'deze waarschuwing van een handhaver' }] },
];

/**
 * Constructed cases (not counted in the share): each wording the parser must recognise or refuse,
 * in the forms issue 12 names — periods that are not retention, selection lists in other wordings.
 */
const EDGE_CASES: Phrase[] = [
  { source: 'how long an archive stays closed to the public', text: 'openbaarheidsbeperking 20 jaar', rules: UNPARSED },
  { source: 'a label naming the closure', text: 'Beperking openbaarheid: 75 jaar. Vernietigen na 5 jaar.', rules: [{ kind: DURATION, duration: 'P5Y', valuation: DESTROY }] },
  { source: 'the closure after a retention rule', text: 'Vernietigen 10 jaar na afhandeling; openbaar na 75 jaar', rules: [{ kind: UNTIL_EVENT, duration: 'P10Y', eventTrigger: 'na afhandeling', valuation: DESTROY }] },
  { source: 'transfer to an archive (overbrenging)', text: 'Dossiers worden 20 jaar na afsluiting overgebracht naar het regionaal archief.', rules: UNPARSED },
  { source: 'keep permanently, transfer later', text: 'Blijvend bewaren, na 20 jaar overbrengen naar het archief', rules: [{ kind: PERMANENT, valuation: KEEP }] },
  { source: 'an age is no period', text: 'Kinderen tot 16 jaar: gegevens worden 2 jaar bewaard', rules: [{ kind: DURATION, duration: 'P2Y' }] },
  { source: 'a decision term is no period', text: 'Wij nemen binnen 8 weken een besluit op uw aanvraag.', rules: UNPARSED },
  {
    source: 'several clauses, semicolons, and a closure',
    text: 'Dossier 10 jaar na afsluiting, daarna vernietigen; openbaarheid beperkt tot 20 jaar',
    rules: [{ kind: UNTIL_EVENT, duration: 'P10Y', eventTrigger: 'na afsluiting', valuation: DESTROY, appliesTo: 'Dossier' }],
  },
  {
    source: 'labels with semicolons',
    text: 'Logbestanden: 6 maanden; back-ups: 35 dagen',
    rules: [
      { kind: DURATION, duration: 'P6M', appliesTo: 'Logbestanden' },
      { kind: DURATION, duration: 'P35D', appliesTo: 'back-ups' },
    ],
  },
  { source: 'a selection list in lower case, without a year, with a category number', text: 'conform selectielijst gemeenten, categorie 7.1.2', rules: [{ kind: SELECTION_LIST, selectionList: 'selectielijst gemeenten', processNumber: '7.1.2' }] },
  { source: 'only "the selection list"', text: 'Bewaartermijn: zie selectielijst', rules: [{ kind: SELECTION_LIST, selectionList: 'selectielijst' }] },
  {
    source: 'the list\'s full name, a result number and a valuation',
    text: 'Selectielijst gemeenten en intergemeentelijke organen 2020, resultaat 1.1.2 (Ingericht): blijvend bewaren',
    rules: [{ kind: PERMANENT, valuation: KEEP, selectionList: 'Selectielijst gemeenten en intergemeentelijke organen 2020', processNumber: '1.1.2' }],
  },
  { source: 'cat. and a marker', text: 'Selectielijst 2020 cat. 7.1.2: V 5 jaar', rules: [{ kind: DURATION, duration: 'P5Y', valuation: DESTROY, selectionList: 'Selectielijst 2020', processNumber: '7.1.2' }] },
  { source: 'halves', text: 'een half jaar na afloop van het project', rules: [{ kind: UNTIL_EVENT, duration: 'P6M', eventTrigger: 'na afloop van het project' }] },
  { source: 'halves', text: 'anderhalf jaar', rules: [{ kind: DURATION, duration: 'P18M' }] },
  { source: '"as long as needed" is no event', text: 'zolang nodig, naar eigen inzicht', rules: UNPARSED },
  { source: 'an event without a period', text: 'tot intrekking van de toestemming', rules: [{ kind: UNTIL_EVENT, eventTrigger: 'tot intrekking van de toestemming' }] },
];

/** A rule as judged: the fields of Expected, null where not given. */
function judged(r: Expected | ParsedRetentionRule): Expected {
  return { kind: r.kind, duration: r.duration ?? null, eventTrigger: r.eventTrigger ?? null, valuation: r.valuation ?? null, selectionList: r.selectionList ?? null, processNumber: r.processNumber ?? null, appliesTo: r.appliesTo ?? null };
}

const parsed = REAL_PHRASES.filter((p) => p.rules.length).length;
const SHARE = `${parsed} of ${REAL_PHRASES.length} (${((100 * parsed) / REAL_PHRASES.length).toFixed(1)}%)`;

describe(`retention corpus: ${REAL_PHRASES.length} real phrasings, ${SHARE} parsed into rules`, () => {
  it('holds at least 80 distinct real phrasings', () => {
    expect(new Set(REAL_PHRASES.map((p) => p.text)).size).toBe(REAL_PHRASES.length);
    expect(REAL_PHRASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(REAL_PHRASES.map((p, i) => [i, p.source, p] as const))('#%i (%s)', (_i, _source, p) => {
    expect(parseRetentionText(p.text).map(judged)).toEqual(p.rules.map(judged));
  });

  it.each(EDGE_CASES.map((p) => [p.source, p] as const))('edge case: %s', (_source, p) => {
    expect(parseRetentionText(p.text).map(judged)).toEqual(p.rules.map(judged));
  });

  it(`parses at least 85% of them into rules (now ${SHARE}); the rest give none, as the table says`, () => {
    expect(parsed / REAL_PHRASES.length).toBeGreaterThanOrEqual(0.85);
  });
});
