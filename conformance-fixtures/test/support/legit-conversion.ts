import { readFileSync } from 'node:fs'
import { JsonNumber, parseWithNumbers } from './exact-numbers.js'
import { LEGIT_DIR } from './server-cases.js'

/** A column as the corpus states it. */
interface Column {
  readonly name: string
  readonly type: string
}

/** One case of the shared realistic corpus, numbers as their exact text. */
export interface LegitCase {
  readonly id: string
  readonly op: string
  readonly sql: string
  readonly parameters: unknown
  readonly parameter_types: Record<string, string>
  readonly scope: readonly { readonly table: string; readonly access: string }[]
  readonly expect: { readonly row_count: JsonNumber; readonly columns: readonly Column[]; readonly rows: readonly Record<string, unknown>[]; readonly after?: { readonly sql: string; readonly row_count: JsonNumber; readonly columns: readonly Column[]; readonly rows: readonly Record<string, unknown>[] } }
}

/** Every case of `cases.jsonl`, read with exact numbers. */
export function loadLegitCases(): LegitCase[] {
  return readFileSync(`${LEGIT_DIR}/cases.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseWithNumbers(line) as LegitCase)
}

/**
 * A value as `row_to_json` wrote it, in the protocol's result encoding
 * (compiled-sql.v1 §7): bigint and numeric as strings with every digit,
 * timestamptz with `Z`, bytea as base64, arrays element by element, the rest
 * (JSON numbers of int columns and jsonb, text, dates) as written.
 */
export function protocolValue(value: unknown, type: string): unknown {
  if (value === null) return null
  if (type.endsWith('[]')) return (value as unknown[]).map((item) => protocolValue(item, type.slice(0, -2)))
  switch (type) {
    case 'bigint':
    case 'numeric':
      return (value as JsonNumber).text
    case 'timestamp with time zone':
      return (value as string).replace(/\+00:00$/, 'Z')
    case 'bytea':
      return Buffer.from((value as string).slice(2), 'hex').toString('base64')
    default:
      return value
  }
}

/** Rows in the protocol's encoding, keyed in column order. */
export function protocolRows(rows: readonly Record<string, unknown>[], columns: readonly Column[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(columns.map((column) => [column.name, protocolValue(row[column.name], column.type)])))
}

/** A JSON value with every {@link JsonNumber} as `#<text>`, for exact deep comparison. */
export function comparable(value: unknown): unknown {
  if (value instanceof JsonNumber) return `#${value.text}`
  if (typeof value === 'number') return `#${String(value)}`
  if (Array.isArray(value)) return value.map(comparable)
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item)]))
  return value
}
