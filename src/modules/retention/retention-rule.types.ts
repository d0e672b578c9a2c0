/** What a retention text says, parsed. The verbatim text is always kept beside it. */
export enum RetentionKind {
  /** A fixed period, e.g. "V 6 maanden", "6 jaar", "binnen 28 dagen". */
  DURATION = 'DURATION',
  /** A period counted from, or the moment of, an event: "V 2 jaar na einde procedure", "direct na verwerking in een eindproduct". */
  UNTIL_EVENT = 'UNTIL_EVENT',
  /** Keep permanently (B / bewaren). */
  PERMANENT = 'PERMANENT',
  /**
   * Keep as the named selection list prescribes (selectionList, and processNumber for the category),
   * where the text gives no period of its own: "conform selectielijst gemeenten 2020, categorie 1.1.2".
   */
  SELECTION_LIST = 'SELECTION_LIST',
}

export enum RetentionValuation {
  DESTROY = 'DESTROY', // V (vernietigen)
  KEEP = 'KEEP', // B (bewaren)
}

export interface ParsedRetentionRule {
  kind: RetentionKind;
  /** ISO 8601 duration, e.g. P28D, P6M, P2Y, P20Y, PT72H; null for PERMANENT, SELECTION_LIST or an event with no period ("direct na …"). */
  duration: string | null;
  /** The event the period counts from, verbatim, e.g. "na einde procedure", "na opnamedatum". */
  eventTrigger: string | null;
  valuation: RetentionValuation | null;
  /** e.g. "Selectielijst Defensie 2021" */
  selectionList: string | null;
  /** e.g. "9.3.3" */
  processNumber: string | null;
  /** e.g. "Het verzamelen van ruwe data" */
  processTitle: string | null;
  /** What the rule applies to, where the text says so, e.g. "voor niet relevante data", "logging". */
  appliesTo: string | null;
  /** The fragment of the source text this rule was read from. */
  sourceFragment: string;
}
