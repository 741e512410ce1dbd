import type { ResultColumn } from './execution-request.js'

/**
 * Row keys for PostgreSQL's column names. A result may repeat a name (two
 * unaliased `count(*)`), and a row object cannot, so the first occurrence
 * keeps it and later ones get `_2`, `_3`, … — skipping any name the result
 * already has — with PostgreSQL's name kept in `source_name`.
 *
 * @example
 * ```ts
 * resultColumns(['count', 'count', 'count_2'], ['bigint', 'bigint', 'integer'])
 * // [{name: 'count', …}, {name: 'count_3', type: 'bigint', source_name: 'count'}, {name: 'count_2', …}]
 * ```
 */
export function resultColumns(names: readonly string[], types: readonly string[]): ResultColumn[] {
  const reserved = new Set(names)
  const used = new Set<string>()
  return names.map((sourceName, index) => {
    const type = types[index] ?? 'unknown'
    if (!used.has(sourceName)) {
      used.add(sourceName)
      return { name: sourceName, type }
    }
    let suffix = 2
    while (reserved.has(`${sourceName}_${suffix}`) || used.has(`${sourceName}_${suffix}`)) suffix++
    const name = `${sourceName}_${suffix}`
    used.add(name)
    return { name, type, source_name: sourceName }
  })
}

/** A row object from values in column order; a column named `__proto__` becomes a plain own property. */
export function rowObject(columns: readonly ResultColumn[], values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  columns.forEach((column, index) => {
    if (column.name === '__proto__') {
      Object.defineProperty(row, column.name, { value: values[index], enumerable: true, writable: true, configurable: true })
    } else {
      row[column.name] = values[index]
    }
  })
  return row
}
