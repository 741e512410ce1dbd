import * as pg18 from 'libpg-query'
import * as pg15 from 'libpg-query-15'

/** One token of PostgreSQL's scanner, with UTF-8 byte offsets. */
export interface ScanToken {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly tokenName: string
}

/** A parse result: the raw statements, each a one-key `{NodeType: {...}}` object. */
export interface ParseTree {
  readonly stmts: readonly { readonly stmt?: Record<string, unknown>; readonly stmt_location?: number; readonly stmt_len?: number }[]
}

/** PostgreSQL's own scanner (18) and parsers (15 and 18), compiled to WASM, after their one-time asynchronous load. */
export interface Parsers {
  scan(sql: string): readonly ScanToken[]
  parse(grammar: 15 | 18, sql: string): ParseTree
}

let loading: Promise<Parsers> | undefined

/** Loads both WASM modules once; later calls share the first load. Every method of the result is synchronous. */
export function loadParsers(): Promise<Parsers> {
  loading ??= Promise.all([pg18.loadModule(), pg15.loadModule()]).then(() => ({
    scan: (sql: string) => pg18.scanSync(sql).tokens,
    parse: (grammar: 15 | 18, sql: string) => (grammar === 15 ? pg15.parseSync(sql) : pg18.parseSync(sql)) as ParseTree,
  }))
  return loading
}

/**
 * The message and cursor PostgreSQL's lexer or parser gave for a failure,
 * when it gave them. Unlike parse-tree locations, which are UTF-8 byte
 * offsets, the cursor is a 0-based code-point index: PostgreSQL converts it
 * to characters for its error report.
 */
export function parserErrorDetails(error: unknown): { message: string; cursorCodePoint?: number } {
  const details = (error as { sqlDetails?: { message?: unknown; cursorPosition?: unknown } } | null)?.sqlDetails
  const message = typeof details?.message === 'string' ? details.message : error instanceof Error ? error.message : String(error)
  const cursor = details?.cursorPosition
  return typeof cursor === 'number' && cursor >= 0 ? { message, cursorCodePoint: cursor } : { message }
}
