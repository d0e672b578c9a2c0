import { ErrorCode, type FieldError, fieldError, type Path } from '../sync/field-error';

/**
 * Text PostgreSQL cannot store as sent: a NUL character (text and jsonb columns refuse it, so one
 * such string fails the whole statement, e.g. a batch's audit insert) and a lone UTF-16 surrogate
 * (not a Unicode character: the driver would silently turn it into U+FFFD, and jsonb refuses its
 * escape). Input is checked for them before anything reaches SQL.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const UNSTORABLE_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const INVALID_CHARACTERS = ErrorCode.INVALID_CHARACTERS;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The text with every unstorable character replaced by U+FFFD (for echoing and logging a refused value). */
export function toStorableText(value: string): string {
  return value.replace(UNSTORABLE_ALL, '\uFFFD');
}

/** Whether any string in a JSON-like value (object keys included) cannot be stored. Allocates nothing. */
export function containsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) return value.some(containsUnstorableText);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const key in value) if (!isStorableText(key) || containsUnstorableText((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * A copy of a JSON-like value in which every unstorable string (or object key) is made storable,
 * with an INVALID_CHARACTERS error (path from `base`) for each one. The value itself when it holds
 * none (the common case: no copy).
 */
export function storableCopy<T>(value: T, base: Path): { value: T; errors: FieldError[] } {
  if (!containsUnstorableText(value)) return { value, errors: [] };
  const errors: FieldError[] = [];
  const copy = (v: unknown, path: Path): unknown => {
    if (typeof v === 'string') {
      if (isStorableText(v)) return v;
      errors.push(fieldError(path, INVALID_CHARACTERS, `${describe(path)} contains a character that cannot be stored (a NUL character or an unpaired UTF-16 surrogate).`));
      return toStorableText(v);
    }
    if (Array.isArray(v)) return v.map((item, i) => copy(item, [...path, i]));
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.entries(v).map(([key, item]) => {
          const safeKey = toStorableText(key);
          if (safeKey !== key) errors.push(fieldError([...path, safeKey], INVALID_CHARACTERS, `The key "${safeKey}" contains a character that cannot be stored (a NUL character or an unpaired UTF-16 surrogate).`));
          return [safeKey, copy(item, [...path, safeKey])];
        }),
      );
    }
    return v;
  };
  return { value: copy(value, base) as T, errors };
}

function describe(path: Path): string {
  const name = [...path].reverse().find((p) => typeof p === 'string' && !/^\d+$/.test(p));
  return name === undefined ? 'The value' : String(name);
}
