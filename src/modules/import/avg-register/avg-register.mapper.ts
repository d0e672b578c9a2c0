import countries from 'i18n-iso-countries';
import nl from 'i18n-iso-countries/langs/nl.json';
import { LegalRole, VersionStatus } from '../../processing-activity/processing-activity.enums';
import type { AddressContent, ContactPersonContent, DataSubjectGroupContent, InternalContent, PartyContent, PurposeContent, RecipientContent, RecordContent } from '../../processing-activity/record-content';
import type { SyncRecordData } from '../../sync/record-validation';
import { SPECIAL_CATEGORIES } from '../../vocabulary/data/special-categories.data';
import { matchLegalBasis } from '../../vocabulary/legal-basis-matcher';
import type { SpecialCategoryCode } from '../../vocabulary/vocabulary.codes';
import { dutchLocalTime } from '../local-time';

countries.registerLocale(nl);

/** The three registers of the export, by top-level folder. */
export const AVG_REGISTERS = [
  { folder: 'AVG Verantwoordelijke Verwerkingen', legalRole: LegalRole.CONTROLLER },
  { folder: 'AVG Verwerker Verwerkingen', legalRole: LegalRole.PROCESSOR },
  { folder: 'WPG Verantwoordelijke Verwerkingen', legalRole: LegalRole.WPG_CONTROLLER },
] as const;

/** Export states → version states. Vastgesteld is PUBLISHED only when the import publishes (and the record may be). */
const STATES: Record<string, VersionStatus> = {
  InBewerking: VersionStatus.DRAFT,
  TerReview: VersionStatus.UNDER_REVIEW,
  VaststellingAangevraagd: VersionStatus.UNDER_REVIEW,
  Vastgesteld: VersionStatus.PUBLISHED,
  Vervallen: VersionStatus.WITHDRAWN,
};

export interface MappedRecord {
  /** The organisational unit ("Dienst") the record belongs to, trimmed. */
  unit: string;
  /** The export's own state. */
  sourceStatus: string;
  /** Ready for the batch service; `status`, `publishedAt` and `withdrawnAt` carry the source's state and dates. */
  record: SyncRecordData;
  /** What the export holds that has no home in the register, or a value that could not be kept, with the export's path. */
  notKept: { path: string; reason: string }[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A free text, verbatim (trailing spaces and \r\n included: the register's own words); null and "" (and blanks) are both "not given". */
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
/** An identifier or code: trimmed. */
const token = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?(?:[0-9]|\([0-9])[0-9 ().-]*$/;

/** Keys each part of a record is read from; anything else is reported as not kept. Source ids are bookkeeping of the AVG register and deliberately not kept. */
const RECORD_KEYS = new Set([
  'Status', 'Id', 'Naam', 'Nummer', 'Versie', 'AanmaakDatum', 'LaatsteWijzigDatum', 'Dienst', 'VerdelingVerantwoordelijkheid', 'VerdelingVerantwoordelijkheidSubverwerkers',
  'Opmerkingen', 'Verantwoordelijken', 'Contactpersonen', 'Verwerkers', 'Doelen', 'Betrokkenen', 'Betrokkene', 'Systemen', 'Ontvangers', 'Ontvanger', 'Bijlagen',
  'Beveiliging', 'Doorgifte', 'Besluitvorming', 'GebPia', 'BijzondereGegevens', 'Categorien',
]);
const PARTY_KEYS = new Set(['Id', 'Naam', 'Type', 'Telefoon', 'Email', 'Adres', 'Postcode', 'Plaats', 'Land', 'Postbus', 'PostbusPostcode', 'PostbusPlaats', 'PostbusLand', 'Functie']);

/** Maps one record of the export onto the register's model; every value without a home is listed in notKept. */
export function mapAvgRecord(raw: unknown, legalRole: LegalRole, where: string): MappedRecord | { error: string } {
  if (!isObject(raw)) return { error: `${where}: a record is not a JSON object` };
  const notKept: MappedRecord['notKept'] = [];
  const drop = (path: string, reason: string) => notKept.push({ path, reason });
  for (const key of Object.keys(raw)) if (!RECORD_KEYS.has(key) && raw[key] != null && raw[key] !== '') drop(key, 'no field for it in the register');

  const reference = token(raw.Nummer) ?? (raw.Id != null ? `M${token(raw.Id)}` : null);
  if (!reference) return { error: `${where}: a record without Nummer or Id` };
  const unit = token(raw.Dienst);
  if (!unit) return { error: `${where} ${reference}: no Dienst (organisational unit)` };
  const sourceStatus = token(raw.Status) ?? '';
  const status = STATES[sourceStatus];
  if (!status) drop('Status', `unknown state "${sourceStatus}"; imported as a draft`);

  const party = (p: unknown, path: string): PartyContent | null => {
    if (!isObject(p)) return null;
    for (const key of Object.keys(p)) if (!PARTY_KEYS.has(key) && p[key] != null && p[key] !== '') drop(`${path}.${key}`, 'no field for it in the register');
    const name = text(p.Naam);
    if (!name) {
      drop(path, 'a party without a name');
      return null;
    }
    const email = token(p.Email);
    const phone = token(p.Telefoon);
    if (email && !EMAIL.test(email)) drop(`${path}.Email`, `"${email}" is not an e-mail address`);
    if (phone && !(PHONE.test(phone) && (phone.match(/\d/g)?.length ?? 0) >= 3)) drop(`${path}.Telefoon`, `"${phone}" is not a phone number`);
    return {
      name,
      kind: token(p.Type),
      email: email && EMAIL.test(email) ? email : null,
      phone: phone && PHONE.test(phone) && (phone.match(/\d/g)?.length ?? 0) >= 3 ? phone : null,
      visitingAddress: address(p.Adres, p.Postcode, p.Plaats, p.Land, `${path}.Land`),
      postalAddress: token(p.Postbus) ? address(`Postbus ${token(p.Postbus)}`, p.PostbusPostcode, p.PostbusPlaats, p.PostbusLand, `${path}.PostbusLand`) : null,
    };
  };
  const address = (line: unknown, postalCode: unknown, city: unknown, land: unknown, landPath: string): AddressContent | null => {
    const l = text(line);
    if (!l) return null;
    const countryName = token(land);
    const countryCode = countryName ? (countries.getAlpha2Code(countryName, 'nl') ?? null) : null;
    if (countryName && !countryCode) drop(landPath, `"${countryName}" is not a country name`);
    return { line: l, postalCode: token(postalCode), city: text(city), countryCode };
  };

  const content: RecordContent = {
    title: text(raw.Naam) ?? reference,
    legalRole,
    purposes: legalRole === LegalRole.WPG_CONTROLLER ? wpgPurposes(raw.Doelen, drop) : purposes(raw.Doelen, drop),
    dataSubjectGroups: legalRole === LegalRole.WPG_CONTROLLER ? wpgGroups(raw, drop) : groups(raw.Betrokkenen, drop),
    recipients: legalRole === LegalRole.WPG_CONTROLLER ? wpgRecipients(raw.Ontvanger) : recipients(raw.Ontvangers),
    automatedDecisionMaking: decisions(raw.Besluitvorming),
    thirdCountryTransfers: transfers(raw.Doorgifte, drop),
    controllers: list(raw.Verantwoordelijken).flatMap((p, i) => party(p, `Verantwoordelijken[${i}]`) ?? []),
    jointControllershipArrangement: text(raw.VerdelingVerantwoordelijkheid),
    processors: list(raw.Verwerkers).flatMap((p, i) => party(p, `Verwerkers[${i}]`) ?? []),
    relatedProcessings: [],
    internal: internal(raw, drop),
  };
  if (text(raw.VerdelingVerantwoordelijkheidSubverwerkers)) drop('VerdelingVerantwoordelijkheidSubverwerkers', 'no field for the division of responsibility with sub-processors');
  if (list((raw as Json).Categorien).length) drop('Categorien', 'categories of processing (Art. 30(2)(b)) have no field in the register yet');

  const changedAt = dutchLocalTime(raw.LaatsteWijzigDatum);
  if (raw.LaatsteWijzigDatum != null && !changedAt) drop('LaatsteWijzigDatum', `"${String(raw.LaatsteWijzigDatum)}" is not a date-time`);
  return {
    unit,
    sourceStatus,
    record: {
      reference,
      ...content,
      status: status ?? VersionStatus.DRAFT,
      // An established record was established at its last change (the export has no separate date for it).
      publishedAt: status === VersionStatus.PUBLISHED ? changedAt : null,
      withdrawnAt: status === VersionStatus.WITHDRAWN ? changedAt : null,
    },
    notKept,
  };
}

type Drop = (path: string, reason: string) => void;

function purposes(doelen: unknown, drop: Drop): PurposeContent[] {
  return list(doelen).flatMap((d, i) => {
    if (!isObject(d) || !text(d.Doel)) return [];
    const basis = text(d.Rechtsgrond);
    const code = basis ? matchLegalBasis(basis) : null;
    if (basis && !code) drop(`Doelen[${i}].Rechtsgrond`, `"${basis.trim()}" is no known legal basis; kept as the explanation, the basis itself is open`);
    return [{ description: text(d.Doel)!, legalBasis: code, legalBasisExplanation: basis && !code ? basis : null, statutoryReferences: [] }];
  });
}

function specialCategories(flags: Json): SpecialCategoryCode[] {
  return SPECIAL_CATEGORIES.filter((t) => t.exportFlag && flags[t.exportFlag] === true).map((t) => t.code);
}

function groups(betrokkenen: unknown, drop: Drop): DataSubjectGroupContent[] {
  return list(betrokkenen).flatMap((g, i) => {
    if (!isObject(g) || !text(g.Omschrijving)) return [];
    const categories = specialCategories(g);
    const none = g.GeenBijzondereGegevens === true;
    if (none && categories.length) drop(`Betrokkenen[${i}].GeenBijzondereGegevens`, 'says "no special categories" while categories are flagged; the flagged categories are kept');
    return [
      {
        description: text(g.Omschrijving)!,
        specialCategories: categories,
        noSpecialCategories: none && !categories.length ? true : null,
        dataItems: list(g.Gegevens).flatMap((d) =>
          isObject(d) && text(d.Omschrijving)
            ? [
                {
                  description: text(d.Omschrijving)!,
                  collectionPurpose: text(d.Verzameldoel),
                  retentionText: text(d.Bewaartermijn),
                  sourceIsDataSubject: bool(d.IsBronBetrokkene),
                  sourceDescription: text(d.BronOmschrijving),
                  provisionObligatory: bool(d.IsBetrokkeneVerplicht),
                  consequencesOfNotProviding: text(d.BetrokkeneConsequenties),
                },
              ]
            : [],
        ),
      },
    ];
  });
}

const WPG_GROUPS = [
  ['Verdachten', 'Verdachten'],
  ['Veroordeelden', 'Veroordeelden'],
  ['Slachtoffers', 'Slachtoffers'],
  ['Derden', 'Derden'],
] as const;

/** Wpg data-subject groups from their flags; the export may hold them under both Betrokkenen and Betrokkene (a group flagged in either counts). */
function wpgGroups(raw: Json, drop: Drop): DataSubjectGroupContent[] {
  const sources = [raw.Betrokkenen, raw.Betrokkene].filter(isObject);
  const special = isObject(raw.BijzondereGegevens) ? raw.BijzondereGegevens : {};
  const categories = specialCategories(special);
  const none = special.Geen === true && !categories.length;
  if (sources.length === 2 && JSON.stringify(sources[0]) !== JSON.stringify(sources[1])) drop('Betrokkene', 'differs from Betrokkenen; a group flagged in either is kept');
  return WPG_GROUPS.flatMap(([flag, label]) => {
    if (!sources.some((s) => s[flag] === true)) return [];
    const explanation = flag === 'Derden' ? sources.map((s) => text(s.ToelichtingDerden)).find((t) => t) : null;
    return [{ description: explanation ? `${label}: ${explanation}` : label, specialCategories: categories, noSpecialCategories: none ? true : null, dataItems: [] }];
  });
}

const WPG_ARTICLES: Record<string, string> = {
  Artikel8: 'artikel 8', Artikel9: 'artikel 9', Artikel10Lid1A: 'artikel 10, eerste lid, onder a', Artikel10Lid1B: 'artikel 10, eerste lid, onder b', Artikel10Lid1C: 'artikel 10, eerste lid, onder c',
  Artikel12: 'artikel 12', Artikel13Lid1: 'artikel 13, eerste lid', Artikel13Lid2: 'artikel 13, tweede lid', Artikel13Lid3: 'artikel 13, derde lid',
};

/** Wpg purposes: the description (or its explanation) with the Wpg articles flagged as statutory references. */
function wpgPurposes(doelen: unknown, drop: Drop): PurposeContent[] {
  return list(doelen).flatMap((d, i) => {
    if (!isObject(d)) return [];
    const description = text(d.Omschrijving) ?? text(d.Toelichting);
    const articles = Object.entries(WPG_ARTICLES).filter(([flag]) => d[flag] === true).map(([, article]) => ({ title: `Wet politiegegevens, ${article}`, url: null }));
    if (!description) {
      if (articles.length) drop(`Doelen[${i}]`, 'a Wpg purpose without description or explanation');
      return [];
    }
    return [{ description, legalBasis: null, legalBasisExplanation: text(d.Omschrijving) ? text(d.Toelichting) : null, statutoryReferences: articles }];
  });
}

const WPG_PROVISIONS: Record<string, string> = {
  Artikel15: 'artikel 15', Artikel15A: 'artikel 15a', Artikel16: 'artikel 16', Artikel17: 'artikel 17', Artikel17A: 'artikel 17a', Artikel18: 'artikel 18', Artikel19: 'artikel 19', Artikel20: 'artikel 20', Artikel22: 'artikel 22',
};

/** Wpg recipients: a recipient per provision article flagged, and the explanations of making available, providing and transferring. */
function wpgRecipients(ontvanger: unknown): RecipientContent[] {
  if (!isObject(ontvanger)) return [];
  const byArticle = Object.entries(WPG_PROVISIONS).filter(([flag]) => ontvanger[flag] === true).map(([, article]) => ({ description: `Verstrekking op grond van Wet politiegegevens, ${article}`, explanation: null }));
  const explained = (
    [
      ['GeenTerBeschikking', 'ToelichtingTerBeschikking', 'Terbeschikkingstelling'],
      ['GeenVerstrekking', 'ToelichtingVertrekking', 'Verstrekking'],
      ['GeenDoorgifte', 'ToelichtingDoorgifte', 'Doorgifte'],
    ] as const
  ).flatMap(([none, explanation, label]) => (ontvanger[none] !== true && text(ontvanger[explanation]) ? [{ description: label, explanation: text(ontvanger[explanation]) }] : []));
  return [...byArticle, ...explained];
}

function recipients(ontvangers: unknown): RecipientContent[] {
  return list(ontvangers).flatMap((o) => (isObject(o) && text(o.Omschrijving) ? [{ description: text(o.Omschrijving)!, explanation: null }] : []));
}

function decisions(besluitvorming: unknown): RecordContent['automatedDecisionMaking'] {
  if (!isObject(besluitvorming) || typeof besluitvorming.HasBesluitvorming !== 'boolean') return null;
  return { applies: besluitvorming.HasBesluitvorming, logic: text(besluitvorming.Logica), consequences: text(besluitvorming.BelangGevolgen) };
}

function transfers(doorgifte: unknown, drop: Drop): RecordContent['thirdCountryTransfers'] {
  if (!isObject(doorgifte) || typeof doorgifte.BuitenEu !== 'boolean') return null;
  const adequate = doorgifte.BuitenEuPassendBeschermingsniveau;
  if (typeof adequate === 'boolean' && !text(doorgifte.BuitenEuPassendBeschermingsniveauOmschrijving))
    drop('Doorgifte.BuitenEuPassendBeschermingsniveau', `answered ${adequate ? 'yes' : 'no'} without naming the safeguard; the register keeps safeguards per transfer`);
  return { applies: doorgifte.BuitenEu, statement: text(doorgifte.BuitenEuOmschrijving), safeguardStatement: text(doorgifte.BuitenEuPassendBeschermingsniveauOmschrijving), transfers: [] };
}

/** Contact persons, security, systems, attachments, DPIA screening and remarks: never public. */
function internal(raw: Json, drop: Drop): InternalContent {
  const contactPersons: ContactPersonContent[] = list(raw.Contactpersonen).flatMap((c, i) => {
    if (!isObject(c) || !text(c.Naam)) return [];
    const email = token(c.Email);
    const phone = token(c.Telefoon);
    if (email && !EMAIL.test(email)) drop(`Contactpersonen[${i}].Email`, `"${email}" is not an e-mail address`);
    if (phone && !PHONE.test(phone)) drop(`Contactpersonen[${i}].Telefoon`, `"${phone}" is not a phone number`);
    return [{ name: text(c.Naam)!, role: text(c.Functie), email: email && EMAIL.test(email) ? email : null, phone: phone && PHONE.test(phone) ? phone : null }];
  });
  const b = isObject(raw.Beveiliging) ? raw.Beveiliging : null;
  if (b) for (const key of ['Verwerkers', 'Verantwoordelijken']) if (text(b[key])) drop(`Beveiliging.${key}`, 'no field for it in the register');
  const strings = (v: unknown) => list(v).flatMap((s) => (text(s) ? [text(s)!] : []));
  const g = isObject(raw.GebPia) ? raw.GebPia : null;
  const answers = g ? Object.fromEntries(Object.entries(g).filter(([k, v]) => !['IsGebpiaAlUitgevoerd', 'IsGeautomatiseerdProfilering', 'IsGrootschaligeVerwerking'].includes(k) && (typeof v === 'boolean' || text(v) !== null))) : {};
  const screened = g && (Object.keys(answers).length || ['IsGebpiaAlUitgevoerd', 'IsGeautomatiseerdProfilering', 'IsGrootschaligeVerwerking'].some((k) => typeof g[k] === 'boolean'));
  return {
    contactPersons,
    security: b
      ? { hasMeasures: bool(b.HasBeveiliging), measures: strings(b.Maatregelen), encryption: text(b.Encryptie), pseudonymisation: text(b.Pseudonimisering), electronicChannels: strings(b.ElectronischeWeg), access: strings(b.Toegang) }
      : null,
    systems: list(raw.Systemen).flatMap((s) => (isObject(s) && text(s.Omschrijving) ? [{ name: text(s.Omschrijving)! }] : [])),
    dpiaScreening: screened
      ? { dpiaPerformed: bool(g!.IsGebpiaAlUitgevoerd), automatedProfiling: bool(g!.IsGeautomatiseerdProfilering), largeScale: bool(g!.IsGrootschaligeVerwerking), answers: answers as Record<string, boolean | string> }
      : null,
    remarks: list(raw.Opmerkingen).flatMap((o) => {
      const remark = isObject(o) ? (text(o.Opmerking) ?? text(o.Omschrijving) ?? text(o.Tekst)) : text(o);
      return remark ? [remark] : [];
    }),
    attachments: list(raw.Bijlagen).flatMap((a) =>
      isObject(a) && text(a.Bestandsnaam) ? [{ name: text(a.Bestandsnaam)!, date: token(a.Aanmaakdatum), versionLabel: token(a.Versie), description: text(a.Omschrijving) }] : [],
    ),
  };
}
