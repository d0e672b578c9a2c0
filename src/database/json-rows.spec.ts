import { insertRowsSql, rowsJson } from './json-rows';

describe('rowsJson', () => {
  const at = new Date('2026-12-02T10:00:00.000Z');
  const rows = [
    { id: 'a', title: 'Zorg "thuis"\n\u00e9\u{1F600}', note: null, missing: undefined, position: 0, flag: false, codes: ['X', 'Y'], at, rules: [{ kind: 'DURATION', duration: 'P3M', trigger: null }] },
    { id: 'b', title: '', note: 'n', missing: undefined, position: 1, flag: null, codes: [], at: null, rules: [] },
  ];

  it('writes each row without its null and undefined columns, and every other value as JSON.stringify does', () => {
    expect(JSON.parse(rowsJson(rows))).toEqual([
      { id: 'a', title: 'Zorg "thuis"\n\u00e9\u{1F600}', position: 0, flag: false, codes: ['X', 'Y'], at: at.toISOString(), rules: [{ kind: 'DURATION', duration: 'P3M', trigger: null }] },
      { id: 'b', title: '', note: 'n', position: 1, codes: [], rules: [] },
    ]);
  });

  it('keeps the nulls inside a nested value (what a jsonb column stores)', () => {
    expect(rowsJson([{ rules: [{ a: null }] }])).toBe('[{"rules":[{"a":null}]}]');
  });

  it('writes an empty list and rows of no values', () => {
    expect(rowsJson([])).toBe('[]');
    expect(rowsJson([{ a: null }, {}])).toBe('[{},{}]');
  });

  it('leaves the insert columns to the first row, nulls included', () => {
    expect(insertRowsSql('t', [{ a: 1, b: null }])).toBe('insert into "t" ("a", "b") select "a", "b" from jsonb_populate_recordset(null::"t", ?::jsonb)');
  });
});
