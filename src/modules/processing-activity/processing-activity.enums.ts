/** Which article-30 register a record belongs to. Processor and Wpg records are never public. */
export enum LegalRole {
  CONTROLLER = 'CONTROLLER', // AVG art. 30(1): verwerkingsverantwoordelijke
  PROCESSOR = 'PROCESSOR', // AVG art. 30(2): verwerker namens een ander
  WPG_CONTROLLER = 'WPG_CONTROLLER', // Wet politiegegevens
}

/** Lifecycle of one version. Content of a version is immutable; only this state moves. */
export enum VersionStatus {
  DRAFT = 'DRAFT', // InBewerking
  UNDER_REVIEW = 'UNDER_REVIEW', // TerReview / VaststellingAangevraagd
  PUBLISHED = 'PUBLISHED', // Vastgesteld
  WITHDRAWN = 'WITHDRAWN', // Vervallen
}

export enum WithheldReason {
  NATIONAL_SECURITY = 'NATIONAL_SECURITY',
  WPG_RECORD = 'WPG_RECORD',
  PROCESSOR_RECORD = 'PROCESSOR_RECORD',
  OTHER = 'OTHER',
}

export enum PartyRole {
  CONTROLLER = 'CONTROLLER',
  PROCESSOR = 'PROCESSOR',
}
