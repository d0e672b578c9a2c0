/**
 * One insert for many rows of a table, sent as one JSON parameter (`?`): PostgreSQL maps the
 * rows onto the table's own row type (json_populate_recordset), so no values are inlined into SQL
 * text and any number of rows is one statement. Every row must have the columns of the first.
 */
export function insertRowsSql(table: string, rows: readonly Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  return `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", ?::json)`;
}
