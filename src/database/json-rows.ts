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
