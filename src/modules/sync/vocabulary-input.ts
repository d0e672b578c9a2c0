import { LEGAL_BASES } from '../vocabulary/data/legal-bases.data';
import { SPECIAL_CATEGORIES } from '../vocabulary/data/special-categories.data';
import { TRANSFER_SAFEGUARDS } from '../vocabulary/data/transfer-safeguards.data';
import { matchLegalBasis } from '../vocabulary/legal-basis-matcher';
import { LEGAL_BASIS_CODES, type LegalBasisCode, SPECIAL_CATEGORY_CODES, type SpecialCategoryCode, TRANSFER_SAFEGUARD_CODES, type TransferSafeguardCode } from '../vocabulary/vocabulary.codes';
import { LegalRole } from '../processing-activity/processing-activity.enums';

/**
 * Vocabulary values as integrators send them: a code ("LEGAL_OBLIGATION", any case) or the Dutch
 * label their own register uses ("Wettelijke verplichting"). The sync input types these fields as
 * strings so that a misspelt value fails its own record (with a suggestion) instead of the whole
 * request; this is where they become codes.
 */
export type Resolved<C> = { code: C; suggestion?: undefined } | { code: null; suggestion: string | null };

const LEGAL_ROLES = Object.values(LegalRole);

export function resolveLegalBasis(value: string): Resolved<LegalBasisCode> {
  const code = asCode(value, LEGAL_BASIS_CODES);
  if (code) return { code };
  const matched = matchLegalBasis(value);
  if (matched) return { code: matched };
  return { code: null, suggestion: didYouMean(value, [...LEGAL_BASIS_CODES, ...LEGAL_BASES.map((t) => t.labelNl)]) };
}

export function resolveSpecialCategory(value: string): Resolved<SpecialCategoryCode> {
  const code = asCode(value, SPECIAL_CATEGORY_CODES);
  if (code) return { code };
  const term = SPECIAL_CATEGORIES.find((t) => sameWords(t.labelNl, value) || sameWords(t.labelEn, value) || (t.exportFlag && sameWords(t.exportFlag, value)));
  if (term) return { code: term.code };
  return { code: null, suggestion: didYouMean(value, [...SPECIAL_CATEGORY_CODES, ...SPECIAL_CATEGORIES.map((t) => t.labelNl)]) };
}

export function resolveTransferSafeguard(value: string): Resolved<TransferSafeguardCode> {
  const code = asCode(value, TRANSFER_SAFEGUARD_CODES);
  if (code) return { code };
  const term = TRANSFER_SAFEGUARDS.find((t) => sameWords(t.labelNl, value) || sameWords(t.labelEn, value));
  if (term) return { code: term.code };
  return { code: null, suggestion: didYouMean(value, [...TRANSFER_SAFEGUARD_CODES]) };
}

export function resolveLegalRole(value: string): Resolved<LegalRole> {
  const code = asCode(value, LEGAL_ROLES);
  return code ? { code } : { code: null, suggestion: didYouMean(value, LEGAL_ROLES) };
}

/** "legal obligation", "Legal-Obligation" and "LEGAL_OBLIGATION" are the same code. */
function asCode<C extends string>(value: string, codes: readonly C[]): C | null {
  const key = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return codes.find((c) => c === key) ?? null;
}

const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function sameWords(a: string, b: string): boolean {
  return words(a) === words(b);
}

/** The closest candidate by edit distance on normalised words, when it is close enough to be a likely typo. */
export function didYouMean(value: string, candidates: readonly string[]): string | null {
  const target = words(value);
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(target, words(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(words(best.candidate).length / 3)) ? best.candidate : null;
}

function editDistance(a: string, b: string): number {
  // Inputs are bounded by the text limits of validation, and candidates are short labels.
  if (a.length > 200) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
