import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as pg18 from 'libpg-query'
import * as pg15 from 'libpg-query-15'
import { isInteger, LosslessNumber, parse, stringify } from 'lossless-json'
import type { ParameterHint } from '../../../src/exec/bind-parameters.js'
import { CORPUS_DIR } from './backends.js'

await Promise.all([pg18.loadModule(), pg15.loadModule()])

/** A column as the corpus states it. */
export interface CorpusColumn {
  readonly name: string
  readonly type: string
}

/** What a corpus case expects; numbers are `LosslessNumber`s, exactly as PostgreSQL's `row_to_json` wrote them. */
export interface CorpusExpectation {
  readonly row_count: LosslessNumber
  readonly columns: readonly CorpusColumn[]
  readonly rows: readonly Record<string, unknown>[]
  readonly after?: { readonly sql: string; readonly row_count: LosslessNumber; readonly rows: readonly Record<string, unknown>[] }
  readonly binding_errors?: Readonly<Record<string, string>>
}

/** One case of the realistic corpus. */
export interface CorpusCase {
  readonly id: string
  readonly op: 'select' | 'insert' | 'update' | 'delete' | 'upsert'
  readonly sql: string
  /** As the server's lossless body parser reads them: integers beyond 2^53 are `bigint`s. */
  readonly parameters: Readonly<Record<string, unknown>>
  readonly parameter_types: Readonly<Record<string, string>>
  readonly expect: CorpusExpectation
}

function exactNumber(text: string): number | bigint {
  if (!isInteger(text)) return Number(text)
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : BigInt(text)
}

/** Every case of `cases.jsonl`. */
export function loadCorpus(): CorpusCase[] {
  return readFileSync(join(CORPUS_DIR, 'cases.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const exact = parse(line, null, exactNumber) as CorpusCase
      const lossless = parse(line, null, (text) => new LosslessNumber(text)) as CorpusCase
      return { ...exact, expect: lossless.expect }
    })
}

/**
 * Test-only pyformat rewrite (the server's is the SQL guard's): `%%` → `%`,
 * `%(name)s` → `$n`, one `$n` per name. Checked against PostgreSQL 18's
 * scanner: every placeholder must land as a PARAM token, and no other may exist.
 */
export function pyformatToDollar(sql: string): { text: string; names: string[] } {
  let text = ''
  const names: string[] = []
  const offsets: number[] = []
  for (let i = 0; i < sql.length; ) {
    if (sql[i] !== '%') {
      text += sql[i++]
    } else if (sql[i + 1] === '%') {
      text += '%'
      i += 2
    } else {
      const close = sql.indexOf(')s', i)
      if (sql[i + 1] !== '(' || close < 0) throw new Error(`unsupported placeholder at ${i}`)
      const name = sql.slice(i + 2, close)
      if (!names.includes(name)) names.push(name)
      offsets.push(Buffer.byteLength(text))
      text += `$${names.indexOf(name) + 1}`
      i = close + 2
    }
  }
  const params = pg18
    .scanSync(text)
    .tokens.filter((token) => token.tokenName === 'PARAM')
    .map((token) => token.start)
  if (params.join() !== offsets.join()) throw new Error(`a placeholder is not a parameter position in ${sql}`)
  return { text, names }
}

const VARIADIC_ANY = new Set(['concat', 'concat_ws', 'format', 'json_build_object', 'jsonb_build_object', 'json_build_array', 'jsonb_build_array'])

/** Which `$n` are direct arguments of a `VARIADIC "any"` function, from the PostgreSQL 15 parse tree. */
export function anyArgumentHints(text: string): ParameterHint[] {
  const hints: ParameterHint[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    const call = (node as { FuncCall?: { funcname?: { String: { sval: string } }[]; args?: { ParamRef?: { number: number } }[] } }).FuncCall
    const name = call?.funcname?.at(-1)?.String.sval
    if (name !== undefined && VARIADIC_ANY.has(name)) {
      for (const arg of call?.args ?? []) if (arg.ParamRef !== undefined) hints.push({ number: arg.ParamRef.number, anyArgument: true })
    }
    Object.values(node).forEach(visit)
  }
  visit(pg15.parseSync(text))
  return hints
}

/** `$n` renumbered so that parameters with one non-null JSON value share one placeholder (a test of the 42803 fallback). */
export function mergeIdenticalParameters(
  text: string,
  names: readonly string[],
  values: Readonly<Record<string, unknown>>,
): { text: string; names: string[] } {
  const merged: string[] = []
  const target = names.map((name) => {
    const value = values[name]
    const same = value === null ? -1 : merged.findIndex((other) => stringify(values[other]) === stringify(value))
    if (same >= 0) return same + 1
    merged.push(name)
    return merged.length
  })
  return { text: text.replace(/\$(\d+)/g, (_, n: string) => `$${target[Number(n) - 1]}`), names: merged }
}

/**
 * An expected value in our encoding (compiled-sql.v1 §7), from `row_to_json`'s:
 * bigint/numeric as strings, timestamptz with `Z`, bytea as base64; the rest as is.
 */
export function toProtocolEncoding(value: unknown, type: string): unknown {
  if (value === null) return null
  if (type.endsWith('[]')) return (value as unknown[]).map((item) => toProtocolEncoding(item, type.slice(0, -2)))
  switch (type) {
    case 'bigint':
    case 'numeric':
      return (value as LosslessNumber).toString()
    case 'timestamp with time zone':
      return (value as string).replace(/\+00:00$/, 'Z')
    case 'bytea':
      return Buffer.from((value as string).slice(2), 'hex').toString('base64')
    default:
      return value
  }
}

/** A row as canonical JSON text: numbers as their decimal text, keys in column order. */
export function canonicalRow(row: Readonly<Record<string, unknown>>): string {
  return stringify(row) as string
}
