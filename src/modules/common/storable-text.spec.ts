import { containsUnstorableText, isStorableText, storableCopy, toStorableText } from './storable-text';

describe('storable text', () => {
  it('accepts every Unicode character, surrogate pairs included, and refuses NUL and unpaired surrogates', () => {
    for (const ok of ['', 'plain', 'tab\tand\nlines', 'emoji 😀', 'ë ç ß', '\u007F']) expect(isStorableText(ok)).toBe(true);
    for (const bad of ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '\uDC00\uD800', 'end \uD83D']) expect(isStorableText(bad)).toBe(false);
    expect(toStorableText('a\u0000b\uD800c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('finds unstorable text anywhere in a value, keys included, and copies only when there is some', () => {
    const clean = { a: ['x', { b: 'y' }], at: new Date(0), n: 1, nil: null };
    expect(containsUnstorableText(clean)).toBe(false);
    expect(storableCopy(clean, ['records', 0]).value).toBe(clean);
    const dirty = { a: ['x', { b: 'y\u0000' }], ['k\uDC00']: true };
    const { value, errors } = storableCopy(dirty, ['records', 2]);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['INVALID_CHARACTERS', ['records', '2', 'a', '1', 'b']],
      ['INVALID_CHARACTERS', ['records', '2', 'k\uFFFD']],
    ]);
    expect(value).toEqual({ a: ['x', { b: 'y\uFFFD' }], ['k\uFFFD']: true });
    expect(containsUnstorableText(value)).toBe(false);
  });
});
