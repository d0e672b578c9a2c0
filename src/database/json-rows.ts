/**
 * One insert for many rows of a table, sent as one JSON parameter (`?`): PostgreSQL maps the
 * rows onto the table's own row type (jsonb_populate_recordset), so no values are inlined into SQL
 * text and any number of rows is one statement. Every row must have the columns of the first.
 *
 * jsonb, not json: with a jsonb column in the rows (data_item.retention_rules),
 * json_populate_recordset took 11.6 ms for 400 data items where jsonb_populate_recordset takes
 * 4.0 ms (and 3.9 ms without that column); for flat rows the two cost the same.
 */
export function insertRowsSql(table: string, rows: readonly Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  return `insert into "${table}" (${columns}) select ${columns} from jsonb_populate_recordset(null::"${table}", ?::jsonb)`;
}

/**
 * The JSON parameter for insertRowsSql: the rows as a JSON array, each row without its columns
 * whose value is null or undefined. jsonb_populate_recordset gives a column missing from a row
 * NULL, as it gives one sent as null, and the insert's column list comes from the first row's
 * keys, not from this text. Most content columns are empty, and their `"…":null` was text that
 * PostgreSQL parsed and Node wrote and sent for nothing (docs/performance.md, session 15). Nested values (a jsonb column's
 * objects) are written as they are, nulls included, as that is what the column stores.
 */
export function rowsJson(rows: readonly Record<string, unknown>[]): string {
  // Copies without the empty columns, written by one JSON.stringify: writing field by field, with
  // a JSON.stringify per value, was slower than the copies.
  const compact: Record<string, unknown>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const fields: Record<string, unknown> = {};
    for (const column in row) if (row[column] != null) fields[column] = row[column];
    compact[i] = fields;
  }
  return JSON.stringify(compact);
}
