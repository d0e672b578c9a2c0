/**
 * The Dutch wording retention texts use, as patterns: periods, valuations, events, selection-list
 * references, and the periods that are not retention at all. retention-parser.ts reads clauses
 * with them; the corpus test (retention-corpus.spec.ts) shows what each is for.
 */

// A period: digits or a small written number, then a unit. The look-behind keeps "1,5 jaar" from
// being read as "5 jaar".
export const WRITTEN_NUMBERS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  dertien: 13, veertien: 14, vijftien: 15, zestien: 16, twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zeventig: 70, honderd: 100,
};
const UNITS = '(dagen|dag|weken|week|wk|maanden|maand|mnd|jaren|jaar|jr|j|uren|uur|u)(?!\\p{L})';
export const PERIOD = new RegExp(`(?<![\\p{L}\\d.,])(?:(\\d+)\\s*|(${Object.keys(WRITTEN_NUMBERS).join('|')})\\s+)${UNITS}`, 'iu');
export const PERIODS = new RegExp(PERIOD.source, 'giu');
/** "een half jaar", "anderhalf jaar": the halves registers write. */
export const HALF_YEAR = /(?<!\p{L})(?:(anderhalf)|(?:een\s+)?half)\s*jaar(?!\p{L})/iu;
export const UNIT_CODES: Record<string, string> = { d: 'D', w: 'W', m: 'M', j: 'Y', u: 'H' };

/** A period that is one end of a range or an alternative ("5 tot 7 jaar", "5 of 10 jaar", "12–24 mnd"): no single rule says it. */
export const RANGE_BEFORE = new RegExp(`(?:\\d+|${Object.keys(WRITTEN_NUMBERS).join('|')})\\s*(?:${UNITS.replace('(?!\\p{L})', '')})?\\s*(?:tot|t/m|à|a|-|–|—|of)\\s*$`, 'iu');

// After B: a category code ("SA B 1") or a period, neither of which says what the rule applies to.
export const KEEP_CODE = new RegExp(`^\\s*\\d+(?![\\d.,])(?:\\s*${UNITS})?`, 'iu');

// Selection-list valuation marker: V (vernietigen) or B (bewaren), optionally "SA B"; the number may
// be glued on ("V2 jaar", "V5 overige"). Case-sensitive on purpose.
export const MARKER = /(?<![\p{L}\d-])(?:SA\s+)?[VB](?=\d|\s|$)/gu;
export const LEADING_MARKER = /^(?:SA\s+)?([VB])(?=\d|\s|$)/;

/**
 * A selection list, in the wordings registers use: "Selectielijst Defensie 2021", "selectielijst
 * gemeenten en intergemeentelijke organen 2020", "Archiefselectielijst", "Selectielijst Ministerie
 * van EZK", or just "de selectielijst". Its name runs over capitalised words (and the "van", "voor",
 * "en" between them) and a year; lower-case words only right after "selectielijst" ("gemeenten").
 */
export const SELECTION_LIST =
  /(?<!\p{L})(?:[Aa]rchief)?[Ss]electielijst(?!en)(?:[^.,:;\n()]{0,80}?(?<!\d)(?:19|20)\d{2}(?!\d)(?:\s+en\s+(?:19|20)\d{2}(?!\d))?|(?:\s+(?:voor\s+)?(?:gemeenten(?:\s+en\s+intergemeentelijke\s+organen)?|provincies|waterschappen))?(?:(?:\s+(?:van|voor|en)(?:\s+de|\s+het)?)?\s+(?!(?:Werkproces|Werkprocessen|Categorie|Cat|Resultaat|Resultaattype|Procestype|Procesobject|Handeling|Rubriek|SA|V|B|Zie)(?!\p{L}))\p{Lu}[\p{L}\d-]*)*)/gu;

// A process header: "werkproces 9.3.3 Titel" or, in enumerations, a bare "9.3.3 Titel".
export const PROCESS_HEADER = /(?:\b[Ww]erkprocess?(?:en)?\s*:?\s*(\d+(?:\.\d+)*)|(?<![\p{L}\d.,])(\d+(?:\.\d+)+))\s+(?=\p{Lu})/gu;
// A category of a selection list named by its number: "categorie 7.1.2", "cat. 1.1", "resultaat 11.1", "resultaattype 1.1.2", "procesobject 11.1", "handeling 12".
export const CATEGORY = /(?<!\p{L})(?:categorie|cat\.|resultaat(?:type)?|procestype|procesobject|handeling|rubriek)\s*:?\s*(\d+(?:\.\d+)*)(?![\d.]*\d)/giu;
// A process title runs until punctuation, a new line, or the next valuation marker.
export const TITLE_END = /[:,(\n]|\.(?=\s|$)|\s(?=(?:SA\s+)?[VB](?:\d|\s|$))/;

// An event trigger directly after the period ("2 jaar na einde procedure"); without a period only
// explicit phrases are trusted ("direct na …", "zolang …", "tot intrekking …"), as prose is full of "na".
export const ANCHORED_TRIGGER = /^\s*(?:(?:bewaren|bewaard|vernietigen|verwijderen)\s*,?\s+)?((?:direct|onmiddellijk)\s+)?(?:na|nadat|vanaf)\s/i;
export const FREE_TRIGGER = /(?<!\p{L})(?:(?:direct|onmiddellijk)\s+na\s|zolang\s+(?!(?:als\s+|dat\s+|het\s+)*(?:nodig|noodzakelijk|vereist|nuttig|gewenst)(?!\p{L}))|totdat\s|tot\s+(?:intrekking|opzegging|afmelding|uitschrijving)\b|tot\s+(?:het|de)\s+[^,;.]{1,60}?\s(?:is|zijn)\s+(?:afgehandeld|afgerond|beëindigd|vervallen|verlopen|ingetrokken)\b)/iu;
// The trigger ends where a new phrase starts: punctuation, "voor …" (what it applies to) or a verb.
export const TRIGGER_END = /[,;:(]|\.(?=\s|$)|\s(?=(?:voor|wordt|worden|waarna|tenzij|verwijderd|gewist|vernietigd|bewaard|bewaren|opgeslagen|redelijk|te\s+vernietigen|te\s+bewaren|overgebracht|overgedragen|overbrengen|openbaar|uit\s+het|in\s+de\s+landelijke)(?!\p{L}))/iu;

export const QUALIFIERS = /(?:\s*\b(?:binnen|na|maximaal|minimaal|gedurende|uiterlijk|ten hoogste|hooguit|tot|tot maximaal|voor|van|is|de bewaartermijn|bewaartermijn|termijn)\b)+\s*:?\s*$/i;

/**
 * Periods that are not how long data is kept: how long an archive stays closed to the public
 * (openbaarheidsbeperking), when it moves to an archive (overbrenging), how long a document is
 * valid, ages, frequencies and look-back windows. Near a period they make it no retention rule.
 */
export const NOT_RETENTION = /openbaarheid|niet\s+openbaar|(?<!\p{L})openbaar\s+(?:na|vanaf|gemaakt|worden|wordt|zijn|is)(?!\p{L})|overbreng|overgebracht|overdracht\s+(?:naar|aan)|geldig|leeftijd|jonger\s+dan|ouder\s+dan|jaar\s+oud|per\s+(?:jaar|maand|week|dag)|jaarlijks|maandelijks|afgelopen|beslistermijn|reactietermijn|looptijd|doorlooptijd|(?:kinderen|jongeren|jeugdigen|minderjarigen|leerlingen)\s+(?:tot|onder|van|vanaf|boven)(?!\p{L})/iu;
/** Words that make a phrase about keeping data whatever else it mentions ("de bewaartermijn is 91 dagen voor het maken van bezwaar"). */
export const RETENTION_WORDS = /bewaar|bewaren|bewaard|verwijder|vernietig|gewist|wissen|anonim|opgeslagen|opslag|geregistreerd\s+staan/iu;
/** Softer cues: a period "for objections" or "to decide" is no retention unless the phrase says it is. */
export const SOFT_NOT_RETENTION = /bezwaar|beslis|besluit|reageren|reactie/iu;

/** Plain "bewaren" usually means "store for a while"; only an explicit permanent keep is a B-valuation. */
export const PERMANENT_WORDS = /(?<!\p{L})(?:blijvend|permanent)(?!\p{L})|blijvend_bewaren|^(?:waardering\s*:?\s*)?bewaren\.?$/iu;
export const DESTROY_WORDS = /(?<!\p{L})vernietig(?:en|d)?(?!\p{L})/iu;
