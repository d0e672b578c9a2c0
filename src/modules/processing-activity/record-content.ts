import type { LegalBasisCode, SpecialCategoryCode, TransferSafeguardCode } from '../vocabulary/vocabulary.codes';
import type { LegalRole } from './processing-activity.enums';

/**
 * The content of one version of a processing activity, as plain data.
 * Seeds, the sync surface and the version writer all speak this shape, so the same
 * validation and versioning path serves every way a record enters the register.
 * `null`/absent means "not answered"; an empty list means "answered: none".
 */
export interface RecordContent {
  /** Omschrijving / Naam */
  title: string;
  /** Longer public explanation of the processing (optional). */
  description?: string | null;
  legalRole: LegalRole;
  purposes: PurposeContent[];
  dataSubjectGroups: DataSubjectGroupContent[];
  recipients: RecipientContent[];
  /** True when the register explicitly states there are no recipients. */
  recipientsNone?: boolean | null;
  automatedDecisionMaking?: AutomatedDecisionMakingContent | null;
  thirdCountryTransfers?: ThirdCountryTransfersContent | null;
  controllers: PartyContent[];
  /** VerdelingVerantwoordelijkheid: division of responsibility between joint controllers. */
  jointControllershipArrangement?: string | null;
  processors: PartyContent[];
  relatedProcessings: RelatedProcessingContent[];
  /** Verbatim statement when there are none, e.g. "Deze verwerking bevat geen gerelateerde verwerkingen". */
  relatedProcessingsStatement?: string | null;
  /** How data subjects exercise their rights, where the source states it (privacy statements do). */
  dataSubjectRights?: string | null;
  /** Where the processing takes place, where the source states it (e.g. "binnen Nederland"). */
  processingLocation?: string | null;
  /**
   * Bewaartermijn stated once for the whole record (municipal registers often have one per
   * processing): it applies to every data item without a retention text of its own.
   */
  retentionText?: string | null;
  /** Bron stated once for the whole record: it applies to every data item that states no source of its own (neither description nor sourceIsDataSubject). */
  sourceDescription?: string | null;
  sourceIsDataSubject?: boolean | null;
  internal?: InternalContent | null;
}

export interface PurposeContent {
  description: string;
  legalBasis?: LegalBasisCode | null;
  /** The register's own explanation of the legal basis (e.g. the balancing of a legitimate interest). */
  legalBasisExplanation?: string | null;
  statutoryReferences?: StatutoryReferenceContent[];
}

export interface StatutoryReferenceContent {
  /** e.g. "Grondwet, artikel 68" or "Wet open overheid, artikel 2.5" */
  title: string;
  url?: string | null;
}

export interface DataSubjectGroupContent {
  /** Betrokkene(n) */
  description: string;
  specialCategories?: SpecialCategoryCode[];
  /** GeenBijzondereGegevens: explicitly answered "no special categories". */
  noSpecialCategories?: boolean | null;
  dataItems: DataItemContent[];
}

export interface DataItemContent {
  /** Persoonsgegevens */
  description: string;
  /** Verzameldoel */
  collectionPurpose?: string | null;
  /** Bewaartermijn, exactly as delivered; parsed into retention rules on write. */
  retentionText?: string | null;
  /** IsBronBetrokkene */
  sourceIsDataSubject?: boolean | null;
  /** Bron / BronOmschrijving, verbatim */
  sourceDescription?: string | null;
  /** IsBetrokkeneVerplicht */
  provisionObligatory?: boolean | null;
  /** Aanleverplicht, verbatim */
  provisionStatement?: string | null;
  /** BetrokkeneConsequenties */
  consequencesOfNotProviding?: string | null;
}

export interface RecipientContent {
  description: string;
  explanation?: string | null;
}

export interface AutomatedDecisionMakingContent {
  applies: boolean;
  /** Verbatim statement, e.g. "Er is geen sprake van besluitvorming …" */
  statement?: string | null;
  logic?: string | null;
  consequences?: string | null;
}

export interface ThirdCountryTransfersContent {
  applies: boolean;
  /** Verbatim statement (BuitenEuOmschrijving or "Er is geen sprake van doorgifte …"). */
  statement?: string | null;
  /** BuitenEuPassendBeschermingsniveauOmschrijving, e.g. "Zie DPIA". */
  safeguardStatement?: string | null;
  transfers: TransferContent[];
}

export interface TransferContent {
  /** ISO 3166-1 alpha-2, e.g. "US". Either this or internationalOrganisation. */
  countryCode?: string | null;
  internationalOrganisation?: string | null;
  /** The receiving party, e.g. "Twitter". */
  recipientName: string;
  safeguard?: TransferSafeguardCode | null;
  explanation?: string | null;
}

/** A controller or processor: an organisation with functional contact data only, never a person. */
export interface PartyContent {
  name: string;
  /**
   * The role in which this party is controller (or processor), as written: a municipal register
   * names several controllers of one processing, e.g. "burgemeester", "college van burgemeester en
   * wethouders" and "gemeenteraad", each a party of its own with its role.
   */
  roleDescription?: string | null;
  /** Type in the export (e.g. "Ministerie", "Gemeenschappelijke regeling"). */
  kind?: string | null;
  /** TOOI URI or OIN of an organisation known to the register, to link it. */
  organisationTooi?: string | null;
  organisationOin?: string | null;
  email?: string | null;
  phone?: string | null;
  visitingAddress?: AddressContent | null;
  postalAddress?: AddressContent | null;
}

export interface AddressContent {
  /** Street and number, or "Postbus 20701" for a postal address. */
  line: string;
  postalCode?: string | null;
  city?: string | null;
  /** ISO 3166-1 alpha-2; defaults to NL when absent. */
  countryCode?: string | null;
}

export interface RelatedProcessingContent {
  /** The reference number of the related activity, e.g. "D2412". */
  reference: string;
  /** TOOI URI of the owning organisation when it is not the same organisation. */
  organisationTooi?: string | null;
  description?: string | null;
}

/** Parts that are never public (AVG register practice): contact persons, security, systems, DPIA, remarks, attachments. */
export interface InternalContent {
  contactPersons?: ContactPersonContent[];
  security?: SecurityContent | null;
  systems?: SystemContent[];
  dpiaScreening?: DpiaScreeningContent | null;
  remarks?: string[];
  attachments?: AttachmentContent[];
}

export interface ContactPersonContent {
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface SecurityContent {
  hasMeasures?: boolean | null;
  measures?: string[];
  encryption?: string | null;
  pseudonymisation?: string | null;
  electronicChannels?: string[];
  access?: string[];
  explanation?: string | null;
}

export interface SystemContent {
  name: string;
  description?: string | null;
}

export interface DpiaScreeningContent {
  dpiaPerformed?: boolean | null;
  automatedProfiling?: boolean | null;
  largeScale?: boolean | null;
  conclusion?: string | null;
  /** Any further screening questions, keyed by the export's field names. */
  answers?: Record<string, boolean | string | null>;
}

export interface AttachmentContent {
  name: string;
  date?: string | null;
  versionLabel?: string | null;
  description?: string | null;
}
