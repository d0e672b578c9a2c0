import { isIsoDuration } from '../sync/iso-duration';
import { ParsedRetentionRule, RetentionKind, RetentionValuation } from './retention-rule.types';

/**
 * Best-effort parser for Dutch retention-period texts ("bewaartermijn") as found in
 * government registers of personal-data processing. It never throws: the caller keeps
 * the verbatim text, so anything we cannot read simply yields no rule.
 *
 * The text is read as a sequence of anchors (a selection list name, a "werkproces"
 * header) that set context, and clauses between them that may each hold one rule.
 * A clause is a sentence, a line (HTML paragraph), or the span from one valuation
 * marker ("V …", "B …", "SA B …") to the next.
 */
export function parseRetentionText(text: string): ParsedRetentionRule[] {
  try {
    if (typeof text !== 'string') return [];
    // The sync schema lets integrators send a bare ISO 8601 duration ("P6M") as the retention text.
    const iso = text.trim();
    if (isIsoDuration(iso)) return [{ kind: RetentionKind.DURATION, duration: iso, eventTrigger: null, valuation: null, selectionList: null, processNumber: null, processTitle: null, appliesTo: null, sourceFragment: iso }];
    return parseClean(stripHtml(text));
  } catch {
    return [];
  }
}

interface Context {
  selectionList: string | null;
  processNumber: string | null;
  processTitle: string | null;
}

interface Anchor {
  start: number;
  end: number;
  apply(ctx: Context): void;
}

interface Span {
  index: number;
  end: number;
}

// A period: digits or a small written number, then a unit. The look-behind keeps
// "1,5 jaar" from being read as "5 jaar".
const WRITTEN_NUMBERS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, twaalf: 12,
};
const UNITS = '(dagen|dag|weken|week|wk|maanden|maand|mnd|jaren|jaar|jr|j)(?!\\p{L})';
const PERIOD = new RegExp(`(?<![\\p{L}\\d.,])(?:(\\d+)\\s*|(${Object.keys(WRITTEN_NUMBERS).join('|')})\\s+)${UNITS}`, 'iu');
// After B: a category code ("SA B 1") or a period, neither of which says what the rule applies to.
const KEEP_CODE = new RegExp(`^\\s*\\d+(?![\\d.,])(?:\\s*${UNITS})?`, 'iu');
const UNIT_CODES: Record<string, string> = { d: 'D', w: 'W', m: 'M', j: 'Y' };

// Selection-list valuation marker: V (vernietigen) or B (bewaren), optionally "SA B";
// the number may be glued on ("V2 jaar", "V5 overige"). Case-sensitive on purpose.
const MARKER = /(?<![\p{L}\d-])(?:SA\s+)?[VB](?=\d|\s|$)/gu;
const LEADING_MARKER = /^(?:SA\s+)?([VB])(?=\d|\s|$)/;

// "Selectielijst <naam> <jaar>", or, without a year, a run of capitalised words.
const SELECTION_LIST = /Selectielijst(?:[^.,:;\n()]{0,80}?\b(?:19|20)\d{2}\b|(?:\s+[A-Z][\w-]*)+)/g;
// A process header: "werkproces 9.3.3 Titel" or, in enumerations, a bare "9.3.3 Titel".
const PROCESS_HEADER = /(?:\b[Ww]erkprocess?(?:en)?\s*:?\s*(\d+(?:\.\d+)*)|(?<![\p{L}\d.,])(\d+(?:\.\d+)+))\s+(?=\p{Lu})/gu;
// A process title runs until punctuation, a new line, or the next valuation marker.
const TITLE_END = /[:,(\n]|\.(?=\s|$)|\s(?=(?:SA\s+)?[VB](?:\d|\s|$))/;

// An event trigger directly after the period ("2 jaar na einde procedure"); without a
// period only the explicit "direct na …" is trusted, as prose is full of "na".
const ANCHORED_TRIGGER = /^\s*((?:direct|onmiddellijk)\s+)?(?:na|nadat|vanaf)\s/i;
const FREE_TRIGGER = /(?<!\p{L})(?:direct|onmiddellijk)\s+na\s/iu;
// The trigger ends where a new phrase starts: punctuation, "voor …" (what it applies to) or a verb.
const TRIGGER_END = /[,;:(]|\.(?=\s|$)|\s(?=(?:voor|wordt|worden|waarna|tenzij|verwijderd|gewist|vernietigd|bewaard)\b)/i;

const QUALIFIERS = /(?:\s*\b(?:binnen|na|maximaal|minimaal|gedurende|uiterlijk|ten hoogste|hooguit|tot)\b)+\s*$/i;

/** Block tags and bullets become line breaks (clause boundaries); inline tags vanish. Entities first: registers often escape their HTML. */
function stripHtml(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/<\/?\s*(?:p|br|li|ul|ol|div|h\d|tr|table)\b[^>]*>|•/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function parseClean(clean: string): ParsedRetentionRule[] {
  const ctx: Context = { selectionList: null, processNumber: null, processTitle: null };
  const rules: ParsedRetentionRule[] = [];
  let cursor = 0;
  for (const anchor of findAnchors(clean)) {
    if (anchor.start < cursor) continue; // overlapping match; the earlier one wins
    rules.push(...parseBody(clean.slice(cursor, anchor.start), ctx));
    anchor.apply(ctx);
    cursor = anchor.end;
  }
  rules.push(...parseBody(clean.slice(cursor), ctx));
  return rules;
}

function findAnchors(clean: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const m of clean.matchAll(SELECTION_LIST)) {
    const name = m[0].replace(/\s+/g, ' ').trim();
    // A new selection list starts a new context: earlier processes belong to the old one.
    anchors.push({ start: m.index!, end: m.index! + m[0].length, apply: (ctx) => Object.assign(ctx, { selectionList: name, processNumber: null, processTitle: null }) });
  }
  for (const m of clean.matchAll(PROCESS_HEADER)) {
    const titleStart = m.index! + m[0].length;
    const rest = clean.slice(titleStart);
    const stop = rest.search(TITLE_END);
    const titleLength = stop < 0 ? rest.length : stop;
    const consumed = stop >= 0 && ':,.'.includes(rest[stop]) ? 1 : 0;
    const processNumber = m[1] ?? m[2];
    const processTitle = rest.slice(0, titleLength).trim();
    anchors.push({ start: m.index!, end: titleStart + titleLength + consumed, apply: (ctx) => Object.assign(ctx, { processNumber, processTitle }) });
  }
  return anchors.sort((a, b) => a.start - b.start);
}

/** Parses the text between two anchors. A clause ending in ":" that holds no rule ("Logging:") labels the next one. */
function parseBody(body: string, ctx: Context): ParsedRetentionRule[] {
  const rules: ParsedRetentionRule[] = [];
  let label: string | null = null;
  for (const clause of splitClauses(body)) {
    const rule = parseClause(clause, ctx, label);
    if (rule) rules.push(rule);
    label = !rule && clause.endsWith(':') ? clause.slice(0, -1).trim() || null : null;
  }
  return rules;
}

function splitClauses(body: string): string[] {
  return body
    .split(/\n|(?<=[.!?;])\s+/)
    .flatMap(splitAtMarkers)
    .map((clause) => clause.replace(/^[\s,;:.]+|[\s,;]+$/g, ''))
    .filter((clause) => clause.length > 0);
}

function splitAtMarkers(sentence: string): string[] {
  const starts = [...sentence.matchAll(MARKER)].map((m) => m.index!).filter((i) => i > 0);
  return [0, ...starts].map((start, i, all) => sentence.slice(start, all[i + 1]));
}

function parseClause(clause: string, ctx: Context, label: string | null): ParsedRetentionRule | null {
  const marker = clause.match(LEADING_MARKER);
  const rest = marker ? clause.slice(marker[0].length) : clause;
  const base = { ...ctx, sourceFragment: clause };

  if (marker?.[1] === 'B') {
    // "SA B 1 voor eindproduct": B means keep permanently; a bare number after it is a category code.
    const tail = rest.replace(KEEP_CODE, '');
    return { ...base, kind: RetentionKind.PERMANENT, duration: null, eventTrigger: null, valuation: RetentionValuation.KEEP, appliesTo: describeTail(tail, true) ?? label };
  }

  const period = findPeriod(rest, marker !== null);
  const trigger = findTrigger(rest, period, marker !== null);
  const valuation = marker ? RetentionValuation.DESTROY : valuationFromWords(clause);
  if (!period && !trigger) {
    const permanent = valuation === RetentionValuation.KEEP;
    return permanent ? { ...base, kind: RetentionKind.PERMANENT, duration: null, eventTrigger: null, valuation, appliesTo: label } : null;
  }

  const tail = rest.slice(trigger?.end ?? period!.end);
  const before = rest.slice(0, (period ?? trigger)!.index);
  const appliesTo = describeTail(tail, marker !== null) ?? label ?? (marker ? null : describeSubject(before));
  return {
    ...base,
    kind: trigger ? RetentionKind.UNTIL_EVENT : RetentionKind.DURATION,
    duration: period?.iso ?? null,
    eventTrigger: trigger?.text ?? null,
    valuation: valuation === RetentionValuation.KEEP ? null : valuation, // "bewaren … 28 dagen" is no B-valuation
    appliesTo,
  };
}

function findPeriod(text: string, afterMarker: boolean): (Span & { iso: string }) | null {
  const m = text.match(PERIOD);
  if (m) {
    const amount = m[1] !== undefined ? digits(m[1]) : WRITTEN_NUMBERS[m[2].toLowerCase()];
    const unit = UNIT_CODES[m[3][0].toLowerCase()];
    return { index: m.index!, end: m.index! + m[0].length, iso: `P${amount}${unit}` };
  }
  // "V5 overige": selection lists give V-periods in years, so a bare number after V is years.
  const bare = afterMarker ? text.match(/^\s*(\d+)(?![\d.,])/) : null;
  return bare ? { index: 0, end: bare[0].length, iso: `P${digits(bare[1])}Y` } : null;
}

/** "007" → "7"; kept as a string because Number() would turn a long digit run into "1e+25". */
function digits(text: string): string {
  return text.replace(/^0+(?=\d)/, '');
}

function findTrigger(text: string, period: Span | null, afterMarker: boolean): (Span & { text: string }) | null {
  const from = period?.end ?? 0;
  const after = text.slice(from);
  const anchored = period !== null || afterMarker;
  const m = anchored ? after.match(ANCHORED_TRIGGER) : after.match(FREE_TRIGGER);
  if (!m) return null;
  const start = m.index! + (m[0].length - m[0].trimStart().length);
  const phrase = after.slice(start);
  const stop = phrase.search(TRIGGER_END);
  const triggerText = (stop < 0 ? phrase : phrase.slice(0, stop)).trim();
  return { index: from + start, end: from + start + triggerText.length, text: triggerText };
}

function valuationFromWords(clause: string): RetentionValuation | null {
  if (/\bvernietig(?:en|d)?\b/i.test(clause)) return RetentionValuation.DESTROY;
  // Plain "bewaren" usually means "store for a while"; only an explicit permanent keep is a B-valuation.
  if (/\b(?:blijvend|permanent)\b/i.test(clause) || /^(?:waardering\s*:?\s*)?bewaren\.?$/i.test(clause)) return RetentionValuation.KEEP;
  return null;
}

/** What follows the period/trigger: "voor niet relevante data", or after a marker a short label ("overige"). */
function describeTail(tail: string, afterMarker: boolean): string | null {
  const text = tail.replace(/\([^)]*\)?/g, ' ').replace(/\s+/g, ' ').replace(/^[\s,;:.]+|[\s,;:.]+$/g, '');
  if (!text) return null;
  if (/^voor\s/i.test(text)) return text;
  // A short label like "overige" — but not a follow-up step such as "daarna vernietigen".
  const followUp = /^(?:daarna|dan|en|waarna|of|tenzij)\b/i.test(text);
  return afterMarker && !followUp && text.split(' ').length <= 3 ? text : null;
}

/** Prose: "De anonieme IP-adressen verwijderen we na …", "We verwijderen eventuele persoonsgegevens binnen …". */
function describeSubject(before: string): string | null {
  const core = before.replace(QUALIFIERS, '').trim();
  const object = core.match(/^(?:we|wij)\s+\S+\s+(.+)$/i);
  if (object) return object[1];
  const subject = core.match(/^(.+?)\s+(?:\S+\s+(?:we|wij)|worden|wordt)$/i);
  return subject ? subject[1] : null;
}

const MAX_CACHED_TEXTS = 10_000;
const cache = new Map<string, readonly Readonly<ParsedRetentionRule>[]>();

/**
 * parseRetentionText with a bounded memo: registers repeat the same selection-list phrases ("1 jaar
 * na afloop", "Bewaren (B)") across thousands of data items, and parsing costs tens of
 * microseconds a text. The rules are frozen because they are shared.
 */
export function retentionRulesOf(text: string): readonly Readonly<ParsedRetentionRule>[] {
  let rules = cache.get(text);
  if (!rules) {
    if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
    rules = Object.freeze(parseRetentionText(text).map((r) => Object.freeze(r)));
    cache.set(text, rules);
  }
  return rules;
}
