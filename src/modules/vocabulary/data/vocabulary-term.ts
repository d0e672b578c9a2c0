/**
 * One entry of a controlled vocabulary. `code` is the stable identifier (see vocabulary.codes.ts);
 * labels and references may be corrected over time, codes never change.
 */
export interface VocabularyTerm<C extends string> {
  code: C;
  /** Label as used in Dutch processing registers. */
  labelNl: string;
  labelEn: string;
  /** Article of the AVG/GDPR (or, where noted, the UAVG), written like "6(1)(a)". */
  gdprArticle: string;
  /** Matching W3C Data Privacy Vocabulary (DPV 2.3) concept, for machine-readable exports. */
  dpvIri: string | null;
}
