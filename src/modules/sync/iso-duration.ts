/** ISO 8601 durations: PnYnMnWnDTnHnMnS, at least one component, T only before a time component. */
const ISO_DURATION = /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;

export function isIsoDuration(value: string): boolean {
  return ISO_DURATION.test(value);
}

/** A text that is meant as an ISO 8601 duration: one token of capitals and digits starting with P (e.g. "P6M", or a mistyped "P6X"). */
export function looksLikeIsoDuration(value: string): boolean {
  return /^P[0-9A-Z.,]*$/.test(value.trim()) && /\d/.test(value);
}
