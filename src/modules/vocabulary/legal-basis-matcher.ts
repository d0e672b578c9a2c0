import { LEGAL_BASES } from './data/legal-bases.data';
import type { LegalBasisCode } from './vocabulary.codes';

/**
 * Lowercase, strip diacritics and punctuation, collapse whitespace, so that
 * "Taak van algemeen belang." and "taak van algemeen belang:" compare equal.
 */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Longest first, so the most specific phrase wins when several start the text.
const PHRASES = LEGAL_BASES.flatMap((term) =>
  [term.labelNl, ...term.aliasesNl].map((phrase) => ({ phrase: normalise(phrase), code: term.code })),
).sort((a, b) => b.phrase.length - a.phrase.length);

/**
 * Maps a free-text legal basis from an existing register ("Taak van algemeen belang. Grondwet,
 * artikel 68 …") to a code, using the Dutch labels and aliases. Registers put the basis first and
 * the explanation after it, so a phrase at the start wins; otherwise the earliest whole-word phrase
 * anywhere in the text. Returns null when nothing matches, so the importer can ask a person.
 */
export function matchLegalBasis(text: string): LegalBasisCode | null {
  const norm = normalise(text);
  if (norm === '') return null;

  const atStart = PHRASES.find((p) => norm === p.phrase || norm.startsWith(`${p.phrase} `));
  if (atStart) return atStart.code;

  // Padding with spaces makes indexOf match whole words only ("verwerkersovereenkomst" ≠ "overeenkomst").
  const padded = ` ${norm} `;
  let best: { index: number; code: LegalBasisCode } | null = null;
  for (const { phrase, code } of PHRASES) {
    const index = padded.indexOf(` ${phrase} `);
    // Strict "<" keeps the longer phrase on a tie, as PHRASES is sorted longest first.
    if (index >= 0 && (best === null || index < best.index)) best = { index, code };
  }
  return best?.code ?? null;
}
