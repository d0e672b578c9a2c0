import { isIsoDuration } from '../sync/iso-duration';
import {
  ANCHORED_TRIGGER,
  CATEGORY,
  DESTROY_WORDS,
  FREE_TRIGGER,
  HALF_YEAR,
  KEEP_CODE,
  LEADING_MARKER,
  MARKER,
  NOT_RETENTION,
  PERIOD,
  PERIODS,
  PERMANENT_WORDS,
  PROCESS_HEADER,
  QUALIFIERS,
  RANGE_BEFORE,
  RETENTION_WORDS,
  SELECTION_LIST,
  SOFT_NOT_RETENTION,
  TITLE_END,
  TRIGGER_END,
  UNIT_CODES,
  WRITTEN_NUMBERS,
} from './retention-phrases';
import { type ParsedRetentionRule, RetentionKind, RetentionValuation } from './retention-rule.types';

/**
 * Best-effort parser for Dutch retention-period texts ("bewaartermijn") as found in
 * government registers of personal-data processing. It never throws: the caller keeps
 * the verbatim text, so anything we cannot read simply yields no rule — never a wrong one.
 *
 * The text is read as a sequence of anchors (a selection list, a "werkproces" header, a
 * category number) that set context, and clauses between them that may each hold one rule.
 * A clause is a sentence, a line (HTML paragraph), the span from one valuation marker ("V …",
 * "B …", "SA B …") to the next, or, in a sentence naming several periods ("Dossier: 20 jaar na
 * afsluiting, correspondentie 2 jaar"), each comma-separated part with a period. A period that
 * is not retention (how long an archive stays closed, when it is transferred, ages) makes no
 * rule; a range or an alternative ("5 tot 7 jaar") neither. A selection list or category the
 * text names without a period of its own is a SELECTION_LIST rule: keep as that list prescribes.
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
  /** What the anchor names, verbatim: the fragment of a SELECTION_LIST rule. */
  fragment: string;
  /** A selection list, or a process/category within one. */
  kind: 'list' | 'process';
  /** A process header by keyword ("werkproces", "categorie"); bare numbers in enumerations are not references on their own. */
  explicit: boolean;
  apply(ctx: Context): void;
}

interface Span {
  index: number;
  end: number;
}

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

/** One context of the text (a list, or a process in it) and how many rules it gave. */
interface Segment {
  anchor: Anchor | null;
  ctx: Context;
  rules: number;
  /** The list this segment belongs to (its own anchor for a list). */
  list: Anchor | null;
}

function parseClean(clean: string): ParsedRetentionRule[] {
  const ctx: Context = { selectionList: null, processNumber: null, processTitle: null };
  const rules: ParsedRetentionRule[] = [];
  const segments: Segment[] = [];
  let segment: Segment = { anchor: null, ctx: { ...ctx }, rules: 0, list: null };
  let cursor = 0;
  for (const anchor of findAnchors(clean)) {
    if (anchor.start < cursor) continue; // overlapping match; the earlier one wins
    const found = parseBody(clean.slice(cursor, anchor.start), ctx);
    rules.push(...found);
    segment.rules += found.length;
    segments.push(segment);
    anchor.apply(ctx);
    segment = { anchor, ctx: { ...ctx }, rules: 0, list: anchor.kind === 'list' ? anchor : segment.list };
    cursor = anchor.end;
  }
  const found = parseBody(clean.slice(cursor), ctx);
  rules.push(...found);
  segment.rules += found.length;
  segments.push(segment);
  return [...rules, ...referenceRules(segments)];
}

/**
 * A selection list or category the text names but gives no rule for ("Zie Selectielijst
 * Ministerie van EZK", "conform selectielijst gemeenten, categorie 1.1.2"): the list decides.
 * One per named category without rules, and one per list that gave no rule at all.
 */
function referenceRules(segments: Segment[]): ParsedRetentionRule[] {
  const out: ParsedRetentionRule[] = [];
  for (const s of segments) {
    if (!s.anchor || s.rules) continue;
    if (s.anchor.kind === 'process') {
      if (s.anchor.explicit || s.ctx.selectionList) out.push(referenceRule(s.ctx, s.anchor.fragment));
      continue;
    }
    const ofList = segments.filter((t) => t.list === s.anchor);
    if (ofList.every((t) => t.rules === 0 && (t === s || !t.anchor || t.anchor.kind !== 'process' || (!t.anchor.explicit && !t.ctx.selectionList))))
      out.push(referenceRule(s.ctx, s.anchor.fragment));
  }
  return out;
}

function referenceRule(ctx: Context, fragment: string): ParsedRetentionRule {
  return { kind: RetentionKind.SELECTION_LIST, duration: null, eventTrigger: null, valuation: null, ...ctx, appliesTo: null, sourceFragment: fragment };
}

function findAnchors(clean: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const m of clean.matchAll(SELECTION_LIST)) {
    const name = m[0].replace(/\s+/g, ' ').trim();
    // A new selection list starts a new context: earlier processes belong to the old one.
    anchors.push({ start: m.index!, end: m.index! + m[0].length, fragment: name, kind: 'list', explicit: true, apply: (ctx) => Object.assign(ctx, { selectionList: name, processNumber: null, processTitle: null }) });
  }
  for (const m of clean.matchAll(PROCESS_HEADER)) {
    const titleStart = m.index! + m[0].length;
    const rest = clean.slice(titleStart);
    const stop = rest.search(TITLE_END);
    const titleLength = stop < 0 ? rest.length : stop;
    const consumed = stop >= 0 && ':,.'.includes(rest[stop]) ? 1 : 0;
    const processNumber = m[1] ?? m[2];
    const processTitle = rest.slice(0, titleLength).trim();
    const end = titleStart + titleLength + consumed;
    anchors.push({ start: m.index!, end, fragment: clean.slice(m.index!, titleStart + titleLength).trim(), kind: 'process', explicit: m[1] !== undefined, apply: (ctx) => Object.assign(ctx, { processNumber, processTitle }) });
  }
  for (const m of clean.matchAll(CATEGORY)) {
    const processNumber = m[1];
    // "categorie 1.1.2:" or "cat. 7.1 (Afgehandeld)," — the punctuation after it belongs to the anchor.
    const after = clean.slice(m.index! + m[0].length).match(/^\s*(?:\([^)]{0,80}\))?\s*[:,]?/)![0];
    anchors.push({ start: m.index!, end: m.index! + m[0].length + after.length, fragment: m[0].trim(), kind: 'process', explicit: true, apply: (ctx) => Object.assign(ctx, { processNumber, processTitle: null }) });
  }
  return anchors.sort((a, b) => a.start - b.start);
}

/** Parses the text between two anchors. A clause ending in ":" that holds no rule ("Logging:") labels the next one. */
function parseBody(body: string, ctx: Context): ParsedRetentionRule[] {
  const rules: ParsedRetentionRule[] = [];
  let label: string | null = null;
  for (const clause of splitClauses(body)) {
    const rule = parseClause(clause, ctx, label);
    const previous = rules[rules.length - 1];
    // "… tot uiterlijk 1 maand bewaard; na verwijdering door gebruiker": the event the period counts from, in the next clause.
    if (!rule && previous && previous.sourceFragment.endsWith(';') && previous.kind === RetentionKind.DURATION && /^(?:na|nadat)\s/i.test(clause)) {
      Object.assign(previous, { kind: RetentionKind.UNTIL_EVENT, eventTrigger: clause.replace(/[\s.;,]+$/, ''), sourceFragment: `${previous.sourceFragment} ${clause}` });
      continue;
    }
    if (rule) rules.push(rule);
    label = !rule && clause.endsWith(':') ? clause.slice(0, -1).trim() || null : null;
  }
  return rules;
}

function splitClauses(body: string): string[] {
  return body
    .split(/\n|(?<=[.!?;])\s+/)
    .flatMap(splitAtMarkers)
    .flatMap(splitAtPeriods)
    // A trailing ";" stays: it tells that the next clause may continue this one (parseBody).
    .map((clause) => clause.replace(/^[\s,;:.]+|[\s,]+$/g, ''))
    .filter((clause) => clause.length > 0);
}

function splitAtMarkers(sentence: string): string[] {
  const starts = [...sentence.matchAll(MARKER)].map((m) => m.index!).filter((i) => i > 0);
  return [0, ...starts].map((start, i, all) => sentence.slice(start, all[i + 1]));
}

/**
 * "Dossier: 20 jaar na afsluiting, correspondentie 2 jaar, logbestanden 6 maanden": a sentence
 * naming several periods is as many clauses, cut at the commas (or semicolons) between them; a
 * part without a period ("daarna vernietigen") stays with the part before it.
 */
function splitAtPeriods(sentence: string): string[] {
  const periods = [...sentence.matchAll(PERIODS)].filter((m) => !RANGE_BEFORE.test(sentence.slice(0, m.index)));
  if (periods.length < 2) return [sentence];
  const parts = sentence.split(/(?<=[,;])\s+/);
  const out: string[] = [];
  for (const part of parts) {
    if (out.length && !PERIOD.test(part) && !HALF_YEAR.test(part)) out[out.length - 1] += ` ${part}`;
    else out.push(part);
  }
  return out;
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

  const found = findPeriod(rest, marker !== null);
  if (found === 'ambiguous') return null;
  const period = found?.period ?? null;
  const trigger = found ? found.trigger : findTrigger(rest, null, marker !== null);
  const valuation = marker ? RetentionValuation.DESTROY : valuationFromWords(clause);
  if (!period && !trigger) {
    const keep = clause.match(PERMANENT_WORDS);
    const permanent = valuation === RetentionValuation.KEEP && keep !== null && !nearNotRetention(clause, keep.index!, keep.index! + keep[0].length);
    return permanent ? { ...base, kind: RetentionKind.PERMANENT, duration: null, eventTrigger: null, valuation, appliesTo: label ?? describeSubject(clause.slice(0, keep.index)) } : null;
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

type Period = Span & { iso: string };
type Trigger = Span & { text: string };

/**
 * The clause's retention period and the event it counts from; null when it has none, 'ambiguous'
 * when its only periods are ranges or alternatives ("5 tot 7 jaar", "5 of 10 jaar"). A period
 * near words that make it something else than retention ("openbaarheidsbeperking 20 jaar",
 * "na 20 jaar overbrengen") is passed over.
 */
function findPeriod(text: string, afterMarker: boolean): { period: Period; trigger: Trigger | null } | null | 'ambiguous' {
  let ranged = false;
  const candidates: Period[] = [];
  for (const m of text.matchAll(PERIODS)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (RANGE_BEFORE.test(text.slice(0, start)) || RANGE_AFTER.test(text.slice(end))) {
      ranged = true;
      continue;
    }
    const amount = m[1] !== undefined ? digits(m[1]) : String(WRITTEN_NUMBERS[m[2].toLowerCase()]);
    const unit = UNIT_CODES[m[3][0].toLowerCase()];
    candidates.push({ index: start, end, iso: unit === 'H' ? `PT${amount}H` : `P${amount}${unit}` });
  }
  const half = text.match(HALF_YEAR);
  if (half) candidates.push({ index: half.index!, end: half.index! + half[0].length, iso: half[1] ? 'P18M' : 'P6M' });
  candidates.sort((a, b) => a.index - b.index);
  for (const [k, period] of candidates.entries()) {
    const trigger = findTrigger(text, period, afterMarker);
    const phrase = { from: candidates[k - 1]?.end ?? 0, to: candidates[k + 1]?.index ?? text.length };
    if (isRetention(text, period, trigger, phrase)) return { period, trigger };
  }
  if (ranged) return 'ambiguous';
  // "V5 overige": selection lists give V-periods in years, so a bare number after V is years.
  const bare = afterMarker ? text.match(/^\s*(\d+)(?![\d.,])/) : null;
  if (!bare) return null;
  const period = { index: 0, end: bare[0].length, iso: `P${digits(bare[1])}Y` };
  return { period, trigger: findTrigger(text, period, afterMarker) };
}

const RANGE_AFTER = /^\s*(?:tot|t\/m|à|-|–|—|of)\s*(?:\d|\p{L}+\s+(?:jaar|jaren|maanden|weken|dagen))/iu;

/**
 * Whether a period is about keeping data: no words that make it an archive's closure, a transfer,
 * an age or a frequency in its own phrase — from the comma, semicolon or period before it to the
 * one after (a label before a colon included: "Beperking openbaarheid: 75 jaar"), the event it
 * counts from aside ("1 jaar nadat de geldigheidsduur is verstreken" is retention) — and no
 * objection or decision term unless the clause speaks of keeping, deleting or destroying.
 */
function isRetention(text: string, period: Span, trigger: Trigger | null, phrase: { from: number; to: number }): boolean {
  const start = Math.max(phrase.from, period.index - 40, lastIndexOf(text, /[,;]/g, period.index) + 1);
  const stop = (from: number) => Math.min(phrase.to, from + 40, firstIndexOf(text, /[,;]|\.(?=\s|$)/g, from));
  const before = text.slice(start, period.index);
  const after = trigger ? text.slice(period.end, trigger.index) + ' ' + text.slice(trigger.end, stop(trigger.end)) : text.slice(period.end, stop(period.end));
  if (NOT_RETENTION.test(before) || NOT_RETENTION.test(after)) return false;
  return !(SOFT_NOT_RETENTION.test(text) && !RETENTION_WORDS.test(text));
}

function lastIndexOf(text: string, pattern: RegExp, before: number): number {
  let last = -1;
  for (const m of text.slice(0, before).matchAll(pattern)) last = m.index!;
  return last;
}

function firstIndexOf(text: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? m.index : text.length;
}

/** "blijvend openbaar", "permanent beperkt": the keep word is about something else than keeping data. */
function nearNotRetention(text: string, _start: number, end: number): boolean {
  return NOT_RETENTION.test(text.slice(end, end + 20).split(/[,;]/)[0]);
}

/** "007" → "7"; kept as a string because Number() would turn a long digit run into "1e+25". */
function digits(text: string): string {
  return text.replace(/^0+(?=\d)/, '');
}

function findTrigger(text: string, period: Span | null, afterMarker: boolean): Trigger | null {
  const from = period?.end ?? 0;
  const after = text.slice(from);
  const anchored = period !== null || afterMarker;
  const m = anchored ? after.match(ANCHORED_TRIGGER) : after.match(FREE_TRIGGER);
  if (!m) return null;
  // The event starts at its own word ("na", "nadat", "zolang", …), after a verb the period may carry ("7 jaar bewaren nadat …").
  const start = m.index! + m[0].search(/(?:direct|onmiddellijk|na|nadat|vanaf|zolang|totdat|tot)(?!\p{L})/iu);
  const phrase = after.slice(start);
  const lead = m[0].length - (start - m.index!);
  const stop = phrase.slice(lead).search(TRIGGER_END);
  const triggerText = (stop < 0 ? phrase : phrase.slice(0, lead + stop)).trim();
  return { index: from + start, end: from + start + triggerText.length, text: triggerText };
}

function valuationFromWords(clause: string): RetentionValuation | null {
  if (DESTROY_WORDS.test(clause)) return RetentionValuation.DESTROY;
  if (PERMANENT_WORDS.test(clause)) return RetentionValuation.KEEP;
  return null;
}

/** What follows the period/trigger: "voor niet relevante data", or after a marker a short label ("overige"). */
function describeTail(tail: string, afterMarker: boolean): string | null {
  const text = tail.replace(/\([^)]*\)?/g, ' ').replace(/\s+/g, ' ').replace(/^[\s,;:.]+|[\s,;:.]+$/g, '');
  if (!text) return null;
  // "voor niet relevante data" says what; "voor het maken van bezwaar" says why.
  if (/^voor\s/i.test(text)) return /^voor\s+(?:het|de)\s+\p{L}+en(?!\p{L})/iu.test(text) ? null : text;
  // A short label like "overige" — but not a follow-up step such as "daarna vernietigen".
  const followUp = /^(?:daarna|dan|en|waarna|of|tenzij)\b/i.test(text);
  return afterMarker && !followUp && text.split(' ').length <= 3 ? text : null;
}

// Words that make the text before a period a sentence rather than the name of what it applies to.
const VERBS = /(?<!\p{L})(?:immers|dan|ook|nog|wel|veelal|meestal|dus|daarom|zo|ze|zij|is|zijn|wordt|worden|werd|kan|kunnen|mag|mogen|moet|moeten|dient|dienen|geldt|gelden|heeft|hebben|kent|hanteert|hanteren|bewaren|bewaart|verwijderen|verwijdert|vernietigen|we|wij|u|je|ons|onze|uw|deze|dit|dat|die|er|het|een|de|bij|volgens|conform|zie|als|indien|wanneer)(?!\p{L})/iu;

/**
 * What the text before the period says the rule applies to: "Dossier:", "correspondentie",
 * "Chatgesprek:"; in prose the object or subject of the sentence ("De anonieme IP-adressen
 * verwijderen we na …", "We verwijderen eventuele persoonsgegevens binnen …", "Scans van kentekens
 * worden maximaal …"). Null when it is not clearly a name.
 */
function describeSubject(before: string): string | null {
  let core = before.replace(QUALIFIERS, '').trim();
  // The verbs, adverbs and participles that end a subject: "Die beelden mogen dan bewaard worden", "Scans … worden meestal".
  let passive = false;
  for (let shorter = core; ; core = shorter) {
    shorter = core.replace(TRAILING_VERB, '').trim();
    if (shorter === core) break;
    passive = true;
  }
  core = core.replace(/[\s,;]+$/, '');
  if (!core) return null;
  const labelled = core.match(/^(.{1,60}?)\s*:$/);
  if (labelled) return VERBS.test(labelled[1]) ? null : labelled[1];
  const object = core.match(/^(?:we|wij)\s+\S+\s+(.+)$/i);
  if (object) return object[1];
  const inverted = core.match(/^(?:worden|wordt)\s+(.+)$/i);
  if (inverted) return VERBS.test(inverted[1]) ? null : inverted[1];
  const subject = core.match(/^(.+?)\s+\S+\s+(?:we|wij)$/i);
  if (subject) return isName(subject[1]) ? subject[1] : null;
  return isName(core) && (core.split(/\s+/).length <= 4 || passive) ? core : null;
}

const TRAILING_VERB = /\s+(?:mogen|moeten|kunnen|dienen|mag|moet|kan|dient|worden|wordt|blijven|blijft|dan|ook|nog|meestal|bewaard|verwijderd|vernietigd|opgeslagen|gewist)$/i;

/** A noun phrase naming data ("Scans van kentekens", "correspondentie"), not a pronoun, a clause or a number. */
function isName(text: string): boolean {
  if (/\d/.test(text) || /^(?:dit|dat|deze|die|het|ze|zij|er|hier)$/i.test(text)) return false;
  // A subject may carry its own relative clause ("… waarvoor voldoende was betaald"); a first word that is a verb or pronoun makes it a sentence.
  const first = text.split(/\s+/)[0];
  if (/^(?:voor|volgens|bij|met|als|in|op|om|tot|van|na|zoals|indien|wanneer|zodra)$/i.test(first)) return false;
  return !VERBS.test(first) || /^(?:de|het|een|deze|die)\s+\p{L}/iu.test(text);
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
