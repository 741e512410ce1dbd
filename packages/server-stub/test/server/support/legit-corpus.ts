import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LosslessNumber, stringify } from 'lossless-json'
import { CORPUS_DIR } from '../../exec/support/backends.js'
import { toProtocolEncoding } from '../../exec/support/corpus.js'
import { parseExact } from './exact-client.js'

/** The realistic corpus, vendored in the repository. */
export const LEGIT_DIR = CORPUS_DIR

/** The corpus schema and its deterministic seed (loads into an empty database). */
export const LEGIT_SCHEMA_SQL = readFileSync(join(LEGIT_DIR, 'schema.sql'), 'utf8')

/** Every table of the corpus schema, schema-qualified. */
export const LEGIT_TABLES = ['public.account', 'public.asset', 'public.price', 'public.trade', 'market.venue'] as const
export type LegitTable = (typeof LEGIT_TABLES)[number]

/** A column as the corpus states it (`format_type` names). */
export interface LegitColumn {
  readonly name: string
  readonly type: string
}

/** A result as PostgreSQL's `row_to_json` wrote it; numbers are `LosslessNumber`s. */
export interface LegitRows {
  readonly row_count: LosslessNumber
  readonly columns: readonly LegitColumn[]
  readonly rows: readonly Record<string, unknown>[]
}

/** One case of `cases.jsonl`, read losslessly: integers beyond 2^53 keep every digit. */
export interface LegitCase {
  readonly id: string
  readonly op: 'select' | 'insert' | 'update' | 'delete' | 'upsert'
  readonly sql: string
  readonly parameters: Record<string, unknown> | unknown[]
  readonly parameter_types: Record<string, string>
  readonly scope: readonly { readonly table: LegitTable; readonly access: 'read' | 'write' }[]
  readonly expect: LegitRows & {
    readonly after?: LegitRows & { readonly sql: string }
    readonly binding_errors?: Readonly<Record<string, string>>
  }
}

/** Every case, in file order. */
export function loadLegitCases(): LegitCase[] {
  return readFileSync(join(LEGIT_DIR, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseExact(line) as LegitCase)
}


/** A row as canonical text: its values in column order, numbers as their exact digits. */
export function canonicalRow(row: Readonly<Record<string, unknown>>, columns: readonly LegitColumn[]): string {
  return stringify(columns.map((column) => (column.name in row ? row[column.name] : '<missing>'))) as string
}

/** The expected rows of a result, in the protocol's encoding, as canonical text. */
export function expectedProtocolRows(expected: LegitRows): string[] {
  return expected.rows.map((row) => canonicalRow(Object.fromEntries(expected.columns.map((c) => [c.name, toProtocolEncoding(row[c.name], c.type)])), expected.columns))
}
