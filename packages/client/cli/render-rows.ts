/** One result row, keyed by column name. */
export type RowObject = Readonly<Record<string, unknown>>

/** The column names: those the server listed, else the keys of the rows in first-seen order. */
export function columnNames(rows: readonly RowObject[], columns?: readonly { readonly name: string }[]): string[] {
  if (columns !== undefined) return columns.map((column) => column.name)
  const names = new Set<string>()
  for (const row of rows) for (const name of Object.keys(row)) names.add(name)
  return [...names]
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

// Long JSON or text cells are cut so that a row stays on a line a person can read; --format json has every byte.
const MAX_CELL = 60

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > MAX_CELL ? `${oneLine.slice(0, MAX_CELL - 1)}…` : oneLine
}

/** The rows as an aligned text table with a header, for a terminal. */
export function renderTable(rows: readonly RowObject[], names: readonly string[]): string {
  if (names.length === 0) return '(no columns)\n'
  const cells = rows.map((row) => names.map((name) => clip(cellText(row[name]))))
  const widths = names.map((name, index) => Math.max(name.length, ...cells.map((line) => line[index]!.length)))
  const line = (values: readonly string[]) => values.map((value, index) => value.padEnd(widths[index]!)).join('  ').trimEnd()
  return [line(names), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n') + '\n'
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The rows as RFC 4180 CSV with a header line; NULL is an empty field, JSON values are their JSON text. */
export function renderCsv(rows: readonly RowObject[], names: readonly string[]): string {
  const lines = [names.map(csvField).join(','), ...rows.map((row) => names.map((name) => csvField(row[name])).join(','))]
  return lines.join('\r\n') + '\r\n'
}
