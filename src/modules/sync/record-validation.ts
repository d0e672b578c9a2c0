import { isCountryCode } from '../vocabulary/data/countries.data';
import type { VersionStatus } from '../processing-activity/processing-activity.enums';
import type { AddressContent, InternalContent, PartyContent, RecordContent } from '../processing-activity/record-content';
import { ErrorCode, type FieldError, fieldError, type Path } from './field-error';
import { isIsoDuration, looksLikeIsoDuration } from './iso-duration';
import type { UnitRef } from './record-units';

/** A record as the sync surface receives it: the register's own reference number, optional concurrency and publication wishes, and the content. */
export interface SyncRecordData extends RecordContent {
  reference: string;
  /** The organisation the record belongs to, within the caller's scope; default the batch's organisation (record-units.ts). */
  unit?: UnitRef | null;
  /** The version number this change was based on; a different current version refuses the write. 0 = "I expect a new record". */
  baseVersion?: number | null;
  /** Publish the resulting version (Article 30 fields and the publication lint apply). */
  publish?: boolean | null;
  publishFrom?: Date | null;
  /**
   * Importers only (not on the sync surface): the state the source register gives the record, and
   * the moments it reached it there, so an imported record keeps its own dates (the public
   * publishedAt of an established record is the day it was established, not the import).
   */
  status?: VersionStatus;
  publishedAt?: Date | null;
  withdrawnAt?: Date | null;
}

export const LIMITS = {
  batch: 500,
  reference: 64,
  title: 500,
  name: 1_000,
  text: 20_000,
  short: 32,
  postalCode: 16,
  list: 500,
  idempotencyKey: 200,
};

export const REFERENCE_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Dutch functional numbers are written with the area code in parentheses too: "(071) 6450006".
const PHONE = /^\+?(?:[0-9]|\([0-9])[0-9 ().-]*$/;
const OIN = /^[0-9]{20}$/;
const TOOI = /^https:\/\/identifier\.overheid\.nl\/tooi\/id\/[a-z_]+\/[A-Za-z0-9_.-]+$/;
// A day, or a moment on it as the AVG-register export writes attachment dates ("2018-11-01T08:47:02", no zone).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function isValidTooi(value: string): boolean {
  return TOOI.test(value);
}
export function isValidOin(value: string): boolean {
  return OIN.test(value);
}

/** Normalises what has one spelling: country codes to upper case. Everything else stays verbatim. */
export function normaliseContent<T extends RecordContent>(c: T): T {
  const upper = (code: string | null | undefined) => (typeof code === 'string' ? code.toUpperCase() : code);
  const address = (a: AddressContent | null | undefined) => (a ? { ...a, countryCode: upper(a.countryCode) } : a);
  const party = (p: PartyContent) => ({ ...p, visitingAddress: address(p.visitingAddress), postalAddress: address(p.postalAddress) });
  return {
    ...c,
    controllers: (c.controllers ?? []).map(party),
    processors: (c.processors ?? []).map(party),
    thirdCountryTransfers: c.thirdCountryTransfers
      ? { ...c.thirdCountryTransfers, transfers: (c.thirdCountryTransfers.transfers ?? []).map((t) => ({ ...t, countryCode: upper(t.countryCode) })) }
      : c.thirdCountryTransfers,
  };
}

/**
 * Field-level validation that applies to every record, draft or not. Types, enums and required
 * fields are the schema's job; this checks what the schema cannot: formats, lengths, codes and
 * contradictions. Paths are relative to `base`.
 */
export function validateRecord(r: SyncRecordData, base: Path = []): FieldError[] {
  const v = new Validator(base);
  v.reference(ROOT, 'reference', r.reference);
  if (r.baseVersion != null && (!Number.isInteger(r.baseVersion) || r.baseVersion < 0)) v.add(['baseVersion'], ErrorCode.INVALID_FORMAT, 'baseVersion must be a whole number of 0 or more.');
  v.text(ROOT, 'title', r.title, LIMITS.title, true);
  v.text(ROOT, 'description', r.description, LIMITS.text);
  v.text(ROOT, 'jointControllershipArrangement', r.jointControllershipArrangement, LIMITS.text);
  v.text(ROOT, 'relatedProcessingsStatement', r.relatedProcessingsStatement, LIMITS.text);
  v.text(ROOT, 'dataSubjectRights', r.dataSubjectRights, LIMITS.text);
  v.text(ROOT, 'processingLocation', r.processingLocation, LIMITS.text);
  v.retention(ROOT, r.retentionText);
  v.text(ROOT, 'sourceDescription', r.sourceDescription, LIMITS.text);

  v.list(['purposes'], r.purposes, (p, path) => {
    v.text(path, 'description', p.description, LIMITS.text, true);
    v.text(path, 'legalBasisExplanation', p.legalBasisExplanation, LIMITS.text);
    v.list([...path, 'statutoryReferences'], p.statutoryReferences, (s, sp) => {
      v.text(sp, 'title', s.title, LIMITS.name, true);
      if (v.text(sp, 'url', s.url, LIMITS.name) && s.url) v.url(sp, 'url', s.url);
    });
  });

  v.list(['dataSubjectGroups'], r.dataSubjectGroups, (g, path) => {
    v.text(path, 'description', g.description, LIMITS.name, true);
    if (g.noSpecialCategories && g.specialCategories?.length)
      v.add([...path, 'noSpecialCategories'], ErrorCode.CONTRADICTION, 'noSpecialCategories is true but specialCategories lists categories; answer one or the other.');
    if (g.specialCategories && new Set(g.specialCategories).size !== g.specialCategories.length)
      v.add([...path, 'specialCategories'], ErrorCode.INVALID_FORMAT, 'A special category is listed more than once.');
    v.list([...path, 'dataItems'], g.dataItems, (d, dp) => {
      v.text(dp, 'description', d.description, LIMITS.text, true);
      v.text(dp, 'collectionPurpose', d.collectionPurpose, LIMITS.text);
      v.retention(dp, d.retentionText);
      v.text(dp, 'sourceDescription', d.sourceDescription, LIMITS.text);
      v.text(dp, 'provisionStatement', d.provisionStatement, LIMITS.text);
      v.text(dp, 'consequencesOfNotProviding', d.consequencesOfNotProviding, LIMITS.text);
    });
  });

  if (r.recipientsNone && r.recipients?.length) v.add(['recipientsNone'], ErrorCode.CONTRADICTION, 'recipientsNone is true but recipients lists recipients; answer one or the other.');
  v.list(['recipients'], r.recipients, (x, path) => {
    v.text(path, 'description', x.description, LIMITS.name, true);
    v.text(path, 'explanation', x.explanation, LIMITS.text);
  });

  if (r.automatedDecisionMaking) {
    const a = r.automatedDecisionMaking;
    if (a.applies == null) v.add(['automatedDecisionMaking', 'applies'], ErrorCode.REQUIRED, 'automatedDecisionMaking.applies is required when automatedDecisionMaking is given.');
    for (const f of ['statement', 'logic', 'consequences'] as const) v.text(['automatedDecisionMaking'], f, a[f], LIMITS.text);
  }

  if (r.thirdCountryTransfers) {
    const t = r.thirdCountryTransfers;
    if (t.applies == null) v.add(['thirdCountryTransfers', 'applies'], ErrorCode.REQUIRED, 'thirdCountryTransfers.applies is required when thirdCountryTransfers is given.');
    v.text(['thirdCountryTransfers'], 'statement', t.statement, LIMITS.text);
    v.text(['thirdCountryTransfers'], 'safeguardStatement', t.safeguardStatement, LIMITS.text);
    if (!t.applies && t.transfers?.length)
      v.add(['thirdCountryTransfers', 'applies'], ErrorCode.CONTRADICTION, 'applies is false but transfers lists transfers; answer one or the other.');
    v.list(['thirdCountryTransfers', 'transfers'], t.transfers, (x, path) => {
      if (!x.countryCode && !x.internationalOrganisation) v.add([...path, 'countryCode'], ErrorCode.REQUIRED, 'A transfer names a country (countryCode) or an international organisation.');
      if (x.countryCode) v.country(path, 'countryCode', x.countryCode);
      v.text(path, 'internationalOrganisation', x.internationalOrganisation, LIMITS.name);
      v.text(path, 'recipientName', x.recipientName, LIMITS.name, true);
      v.text(path, 'explanation', x.explanation, LIMITS.text);
    });
  }

  v.list(['controllers'], r.controllers, (p, path) => v.party(path, p));
  v.list(['processors'], r.processors, (p, path) => v.party(path, p));
  v.list(['relatedProcessings'], r.relatedProcessings, (x, path) => {
    v.reference(path, 'reference', x.reference);
    if (x.organisationTooi) v.tooi(path, 'organisationTooi', x.organisationTooi);
    v.text(path, 'description', x.description, LIMITS.text);
  });

  if (r.internal) v.internal(['internal'], r.internal);
  return v.errors;
}

class Validator {
  readonly errors: FieldError[] = [];
  constructor(private readonly base: Path) {}

  add(path: Path, code: string, message: string): void {
    this.errors.push(fieldError([...this.base, ...path], code, message));
  }

  /**
   * Checks the text at `at`.`key` (key null: the value at `at` itself, e.g. a list item); answers
   * whether it is acceptable (so format checks can follow). The checkers take the parent path and
   * a key instead of a path per field: paths are built only for errors, where a batch of 100
   * records used to build ~5,000 arrays of which none was needed (issue 5, sync allocations).
   */
  /** A retention text: verbatim prose, or, when it looks like one, a valid ISO 8601 duration. */
  retention(at: Path, value: string | null | undefined): void {
    if (this.text(at, 'retentionText', value, LIMITS.text) && value && looksLikeIsoDuration(value) && !isIsoDuration(value.trim()))
      this.add(pathOf(at, 'retentionText'), ErrorCode.INVALID_DURATION, `"${value}" is not an ISO 8601 duration (e.g. P6M, P2Y, P28D, P1Y6M).`);
  }

  text(at: Path, key: Key, value: string | null | undefined, max: number, required = false): boolean {
    if (value == null) {
      if (required) this.add(pathOf(at, key), ErrorCode.REQUIRED, `${label(at, key)} is required.`);
      return !required;
    }
    if (required && value.trim() === '') {
      this.add(pathOf(at, key), ErrorCode.BLANK, `${label(at, key)} must not be empty.`);
      return false;
    }
    if (value.length > max) {
      this.add(pathOf(at, key), ErrorCode.TOO_LONG, `${label(at, key)} is ${value.length} characters long; the maximum is ${max}.`);
      return false;
    }
    if (CONTROL_CHARACTERS.test(value)) {
      this.add(pathOf(at, key), ErrorCode.INVALID_FORMAT, `${label(at, key)} contains control characters (only tab and line breaks are allowed).`);
      return false;
    }
    return true;
  }

  list<T>(path: Path, items: T[] | null | undefined, each: (item: T, path: Path) => void, max = LIMITS.list): void {
    if (!items) return;
    if (items.length > max) this.add(path, ErrorCode.TOO_MANY, `${label(path, null)} has ${items.length} entries; the maximum is ${max}.`);
    const n = Math.min(items.length, max);
    for (let i = 0; i < n; i++) each(items[i], [...path, i]);
  }

  reference(at: Path, key: Key, value: string): void {
    if (!this.text(at, key, value, LIMITS.reference, true)) return;
    if (!REFERENCE_FORMAT.test(value))
      this.add(pathOf(at, key), ErrorCode.INVALID_REFERENCE, `"${value}" is not a valid reference number: use letters, digits and . _ / - only, starting with a letter or digit (e.g. D2717, M10495, GEM-CHATBOT).`);
  }

  country(at: Path, key: Key, value: string): void {
    if (!isCountryCode(value.toUpperCase())) this.add(pathOf(at, key), ErrorCode.INVALID_COUNTRY_CODE, `"${value}" is not an ISO 3166-1 alpha-2 country code (e.g. NL, US).`);
  }

  url(at: Path, key: Key, value: string): void {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) this.add(pathOf(at, key), ErrorCode.INVALID_URL, `"${value}" is not an http(s) URL.`);
  }

  email(at: Path, key: Key, value: string | null | undefined): void {
    if (this.text(at, key, value, LIMITS.name) && value && !EMAIL.test(value)) this.add(pathOf(at, key), ErrorCode.INVALID_EMAIL, `"${value}" is not an e-mail address.`);
  }

  phone(at: Path, key: Key, value: string | null | undefined): void {
    if (this.text(at, key, value, LIMITS.short) && value && (!PHONE.test(value) || (value.match(/\d/g)?.length ?? 0) < 3))
      this.add(pathOf(at, key), ErrorCode.INVALID_PHONE, `"${value}" is not a phone number (digits, spaces, +, -, . and parentheses).`);
  }

  tooi(at: Path, key: Key, value: string): void {
    if (!TOOI.test(value)) this.add(pathOf(at, key), ErrorCode.INVALID_TOOI, `"${value}" is not a TOOI organisation URI (https://identifier.overheid.nl/tooi/id/<type>/<code>).`);
  }

  party(path: Path, p: PartyContent): void {
    this.text(path, 'name', p.name, LIMITS.name, true);
    this.text(path, 'roleDescription', p.roleDescription, LIMITS.name);
    this.text(path, 'kind', p.kind, LIMITS.short);
    if (p.organisationTooi) this.tooi(path, 'organisationTooi', p.organisationTooi);
    if (p.organisationOin && !OIN.test(p.organisationOin)) this.add([...path, 'organisationOin'], ErrorCode.INVALID_OIN, `"${p.organisationOin}" is not an OIN (20 digits).`);
    this.email(path, 'email', p.email);
    this.phone(path, 'phone', p.phone);
    if (p.visitingAddress) this.address([...path, 'visitingAddress'], p.visitingAddress);
    if (p.postalAddress) this.address([...path, 'postalAddress'], p.postalAddress);
  }

  address(path: Path, a: AddressContent): void {
    this.text(path, 'line', a.line, LIMITS.name, true);
    this.text(path, 'postalCode', a.postalCode, LIMITS.postalCode);
    this.text(path, 'city', a.city, LIMITS.name);
    if (a.countryCode) this.country(path, 'countryCode', a.countryCode);
  }

  internal(path: Path, i: InternalContent): void {
    this.list([...path, 'contactPersons'], i.contactPersons, (c, cp) => {
      this.text(cp, 'name', c.name, LIMITS.name, true);
      this.text(cp, 'role', c.role, LIMITS.name);
      this.email(cp, 'email', c.email);
      this.phone(cp, 'phone', c.phone);
    });
    this.list([...path, 'systems'], i.systems, (s, sp) => {
      this.text(sp, 'name', s.name, LIMITS.name, true);
      this.text(sp, 'description', s.description, LIMITS.text);
    });
    this.list([...path, 'remarks'], i.remarks, (text, rp) => this.text(rp, null, text, LIMITS.text, true));
    this.list([...path, 'attachments'], i.attachments, (a, ap) => {
      this.text(ap, 'name', a.name, LIMITS.name, true);
      if (this.text(ap, 'date', a.date, LIMITS.short) && a.date && !(ISO_DATE.test(a.date) && !Number.isNaN(Date.parse(a.date))))
        this.add([...ap, 'date'], ErrorCode.INVALID_DATE, `"${a.date}" is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS).`);
      this.text(ap, 'versionLabel', a.versionLabel, LIMITS.short);
      this.text(ap, 'description', a.description, LIMITS.text);
    });
    if (i.security) {
      const s = i.security;
      this.text([...path, 'security'], 'encryption', s.encryption, LIMITS.text);
      this.text([...path, 'security'], 'pseudonymisation', s.pseudonymisation, LIMITS.text);
      this.text([...path, 'security'], 'explanation', s.explanation, LIMITS.text);
      for (const f of ['measures', 'electronicChannels', 'access'] as const) this.list([...path, 'security', f], s[f], (t, tp) => this.text(tp, null, t, LIMITS.text, true));
    }
    if (i.dpiaScreening) {
      this.text([...path, 'dpiaScreening'], 'conclusion', i.dpiaScreening.conclusion, LIMITS.text);
      const answers = i.dpiaScreening.answers;
      if (answers != null) {
        if (typeof answers !== 'object' || Array.isArray(answers)) this.add([...path, 'dpiaScreening', 'answers'], ErrorCode.INVALID_FORMAT, 'answers is an object of question → true, false, text or null.');
        else
          for (const [key, value] of Object.entries(answers)) {
            if (key.length > 200 || CONTROL_CHARACTERS.test(key)) this.add([...path, 'dpiaScreening', 'answers', key.slice(0, 40)], ErrorCode.INVALID_FORMAT, 'A question key is at most 200 characters, without control characters.');
            else if (!(value === null || typeof value === 'boolean' || (typeof value === 'string' && value.length <= LIMITS.text && !CONTROL_CHARACTERS.test(value))))
              this.add([...path, 'dpiaScreening', 'answers', key], ErrorCode.INVALID_FORMAT, `The answer to "${key}" must be true, false, a text or null.`);
          }
      }
    }
  }
}

/** A field's key in its parent; null for the value at the parent path itself (a list item). */
type Key = string | number | null;

const ROOT: Path = [];
const pathOf = (at: Path, key: Key): Path => (key === null ? at : [...at, key]);

function label(at: Path, key: Key): string {
  if (typeof key === 'string') return key;
  const last = [...at].reverse().find((p) => typeof p === 'string');
  return String(last ?? 'value');
}
