import type { RecordContent } from '../processing-activity/record-content';
import { passesElevenTest } from './bsn';
import { ErrorCode, type FieldError, fieldError, type Path } from './field-error';

/**
 * The letters of AVG art. 30(1) a record must answer before it may be published, and no more: (a)
 * the controller is the record's organisation, (g) security measures are internal; (e) transfers
 * "where applicable" and (f) erasure time limits "where possible" must at least be answered.
 * Automated decision-making (art. 13(2)(f), not art. 30) is shown when given, never required.
 */
export const ART30 = {
  purposes: '30(1)(b)',
  subjectsAndData: '30(1)(c)',
  recipients: '30(1)(d)',
  transfers: '30(1)(e)',
  retention: '30(1)(f)',
} as const;

/**
 * What AVG art. 30(1) requires before a record may be published. A draft may lack any of it;
 * publication lists every missing field at once, each error naming the letter it enforces
 * (`article`, and the start of the message). The legal basis of a purpose is not itself one of
 * art. 30(1)'s letters: it is asked for with the purposes (b), as every register in practice
 * states it and the public listing filters on it.
 */
export function missingForPublication(c: RecordContent, base: Path = []): FieldError[] {
  const errors: FieldError[] = [];
  const missing = (path: Path, article: string, message: string) =>
    errors.push({ ...fieldError([...base, ...path], ErrorCode.REQUIRED_FOR_PUBLICATION, `Art. ${article}: ${message}`), article });

  if (!c.purposes?.length) missing(['purposes'], ART30.purposes, 'At least one purpose is required for publication.');
  else if (!c.purposes.some((p) => p.legalBasis))
    c.purposes.forEach((_, i) => missing(['purposes', i, 'legalBasis'], ART30.purposes, 'At least one purpose needs a legal basis (AVG art. 6) for publication.'));

  if (!c.dataSubjectGroups?.length) missing(['dataSubjectGroups'], ART30.subjectsAndData, 'At least one group of data subjects is required for publication.');
  (c.dataSubjectGroups ?? []).forEach((g, i) => {
    if (!g.dataItems?.length) missing(['dataSubjectGroups', i, 'dataItems'], ART30.subjectsAndData, `Data subject group "${g.description}" needs at least one data item for publication.`);
    (g.dataItems ?? []).forEach((d, j) => {
      // A retention period stated once on the record (retentionText) applies to every item that has none (version-builder.ts).
      if (!(d.retentionText ?? c.retentionText)?.trim())
        missing(['dataSubjectGroups', i, 'dataItems', j, 'retentionText'], ART30.retention, `Data item "${d.description}" needs a retention period for publication (its own, or one retentionText for the whole record).`);
    });
  });

  if (!c.recipients?.length && c.recipientsNone !== true)
    missing(['recipients'], ART30.recipients, 'List the recipients, or state explicitly that there are none (recipientsNone: true), before publication.');
  if (c.thirdCountryTransfers == null) missing(['thirdCountryTransfers'], ART30.transfers, 'Answer whether data is transferred outside the EU (thirdCountryTransfers.applies) before publication.');
  return errors;
}

// ---- publication lint: no personal contact data of staff in public text ----

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Local parts of functional mailboxes. Short ones must be a whole token; longer ones may be part of a word. */
const FUNCTIONAL_TOKENS = ['fg', 'avg', 'dpo', 'pers', 'post', 'info', 'mail', 'woo', 'cio', 'ciso', 'ict', 'hr', 'pz', 'ks'];
const FUNCTIONAL_WORDS = [
  'privacy', 'contact', 'functionaris', 'gegevensbescherming', 'servicedesk', 'helpdesk', 'service', 'support', 'secretariaat', 'klant',
  'communicatie', 'media', 'webmaster', 'noreply', 'no-reply', 'loket', 'balie', 'team', 'afdeling', 'bureau', 'cert', 'security',
  'beveiliging', 'meldpunt', 'vragen', 'klachten', 'archief', 'registratie', 'administratie', 'gemeente', 'register', 'postbus', 'redactie',
  'directie', 'datalek', 'informatie', 'aanvraag', 'dienst', 'centrum', 'office', 'officer',
];

/** Whether an e-mail address belongs to a person rather than a function ("privacy@…", "servicedesk@…"). */
export function isPersonalEmail(address: string): boolean {
  const local = address.split('@')[0].toLowerCase();
  const tokens = local.split(/[._+-]/);
  if (tokens.some((t) => FUNCTIONAL_TOKENS.includes(t))) return false;
  if (FUNCTIONAL_WORDS.some((w) => local.includes(w))) return false;
  return true;
}

// Dutch numbers: +31 / 0031 / 0, then nine digits with optional separators; 0800/0900 service numbers are functional.
const DUTCH_PHONE = /(?<![\d+])(?:\+31|0031|0)\s?[.-]?\s?(?:\(0\)\s?[.-]?\s?)?[1-9](?:\s?[.-]?\s?\d){8}(?![\d])/g;
const INTERNATIONAL_PHONE = /(?<![\d+])\+(?!31)[1-9]\d{0,2}\s?[.-]?\s?(?:\(\d{1,4}\)\s?[.-]?\s?)?\d(?:\s?[.-]?\s?\d){6,12}(?![\d])/g;
const SERVICE_NUMBER = /^0(?:800|900|906|909)/;
const NINE_DIGITS = /(?<![\d.,-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d]|[.,]\d)/g;

export interface LintFinding {
  code: typeof ErrorCode.PERSONAL_EMAIL | typeof ErrorCode.PHONE_NUMBER | typeof ErrorCode.BSN;
  match: string;
}

/** Personal contact data in one piece of public text. */
export function lintText(text: string, options: { phone?: boolean } = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  if (!mayHoldContactData(text)) return findings;
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_IN_TEXT)) if (isPersonalEmail(m[0])) findings.push({ code: ErrorCode.PERSONAL_EMAIL, match: m[0] });
  if (digitCount(text) < MIN_DIGITS) return findings;
  if (options.phone !== false) {
    for (const m of text.matchAll(DUTCH_PHONE)) if (!SERVICE_NUMBER.test(m[0].replace(/[\s.-]/g, ''))) findings.push({ code: ErrorCode.PHONE_NUMBER, match: m[0] });
    for (const m of text.matchAll(INTERNATIONAL_PHONE)) findings.push({ code: ErrorCode.PHONE_NUMBER, match: m[0] });
  }
  for (const m of text.matchAll(NINE_DIGITS)) if (passesElevenTest(m[0].replace(/\D/g, ''))) findings.push({ code: ErrorCode.BSN, match: m[0] });
  return findings;
}

/**
 * Every finding needs an '@' or at least MIN_DIGITS digits (the shortest phone number the patterns
 * take has eight, a BSN nine). Most public text is prose with neither, or a retention period with
 * one or two digits: a plain scan spares it the patterns, and a sync batch lints thousands of texts.
 */
const MIN_DIGITS = 8;

function mayHoldContactData(text: string): boolean {
  return text.includes('@') || digitCount(text) >= MIN_DIGITS;
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const MESSAGES: Record<LintFinding['code'], (m: string) => string> = {
  PERSONAL_EMAIL: (m) => `"${m}" looks like a person's e-mail address; public text may only name functional mailboxes (e.g. privacy@…).`,
  PHONE_NUMBER: (m) => `"${m}" is a phone number; public text must not contain staff phone numbers.`,
  BSN: (m) => `"${m}" is a number that passes the BSN eleven-test; public text must not contain citizen service numbers.`,
};

/** Every public text of a record with its path. Internal parts are deliberately absent: they are never published. */
export function publicTexts(c: RecordContent, keep: (text: string) => boolean = () => true): { path: Path; text: string; phone?: boolean }[] {
  const out: { path: Path; text: string; phone?: boolean }[] = [];
  const add = (path: Path, text: string | null | undefined, phone = true) => {
    if (text && keep(text)) out.push({ path, text, phone });
  };
  add(['title'], c.title);
  add(['description'], c.description);
  add(['jointControllershipArrangement'], c.jointControllershipArrangement);
  add(['relatedProcessingsStatement'], c.relatedProcessingsStatement);
  add(['dataSubjectRights'], c.dataSubjectRights);
  add(['processingLocation'], c.processingLocation);
  add(['retentionText'], c.retentionText);
  add(['sourceDescription'], c.sourceDescription);
  (c.purposes ?? []).forEach((p, i) => {
    add(['purposes', i, 'description'], p.description);
    add(['purposes', i, 'legalBasisExplanation'], p.legalBasisExplanation);
    (p.statutoryReferences ?? []).forEach((s, j) => add(['purposes', i, 'statutoryReferences', j, 'title'], s.title));
  });
  (c.dataSubjectGroups ?? []).forEach((g, i) => {
    add(['dataSubjectGroups', i, 'description'], g.description);
    (g.dataItems ?? []).forEach((d, j) => {
      for (const f of ['description', 'collectionPurpose', 'retentionText', 'sourceDescription', 'provisionStatement', 'consequencesOfNotProviding'] as const)
        add(['dataSubjectGroups', i, 'dataItems', j, f], d[f]);
    });
  });
  (c.recipients ?? []).forEach((r, i) => {
    add(['recipients', i, 'description'], r.description);
    add(['recipients', i, 'explanation'], r.explanation);
  });
  if (c.automatedDecisionMaking) for (const f of ['statement', 'logic', 'consequences'] as const) add(['automatedDecisionMaking', f], c.automatedDecisionMaking[f]);
  if (c.thirdCountryTransfers) {
    add(['thirdCountryTransfers', 'statement'], c.thirdCountryTransfers.statement);
    add(['thirdCountryTransfers', 'safeguardStatement'], c.thirdCountryTransfers.safeguardStatement);
    (c.thirdCountryTransfers.transfers ?? []).forEach((t, i) => {
      for (const f of ['recipientName', 'internationalOrganisation', 'explanation'] as const) add(['thirdCountryTransfers', 'transfers', i, f], t[f]);
    });
  }
  for (const role of ['controllers', 'processors'] as const)
    (c[role] ?? []).forEach((p, i) => {
      add([role, i, 'name'], p.name);
      add([role, i, 'roleDescription'], p.roleDescription);
      // A party's e-mail and phone are the organisation's functional contact data: its phone number is allowed, a person's mailbox is not.
      add([role, i, 'email'], p.email, false);
    });
  (c.relatedProcessings ?? []).forEach((r, i) => add(['relatedProcessings', i, 'description'], r.description));
  return out;
}

/** Publication lint: personal e-mail addresses, phone numbers and BSNs in public text, each with its path. */
export function lintForPublication(c: RecordContent, base: Path = []): FieldError[] {
  return publicTexts(c, mayHoldContactData).flatMap(({ path, text, phone }) => lintText(text, { phone }).map((f) => fieldError([...base, ...path], f.code, MESSAGES[f.code](f.match))));
}

/** Everything that stands between a record and publication. */
export function publicationErrors(c: RecordContent, base: Path = []): FieldError[] {
  return [...missingForPublication(c, base), ...lintForPublication(c, base)];
}
