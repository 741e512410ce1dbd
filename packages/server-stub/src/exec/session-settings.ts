/** What one request pins for its own transaction. */
export interface SettingsRequest {
  readonly statementTimeoutMs: number
  readonly lockTimeoutMs: number
  readonly searchPath: readonly string[]
}

/**
 * Where a connection's output formats come from: `'startup'` when its startup
 * packet pins them (see {@link OUTPUT_FORMAT_OPTIONS}), `'transaction'` when
 * every transaction must pin them itself (PGlite ignores startup options).
 */
export type OutputFormatSource = 'startup' | 'transaction'

// PostgreSQL's bound for statement_timeout and lock_timeout (an int, in milliseconds).
const MAX_TIMEOUT_MS = 2_147_483_647

/**
 * The output formats result encoding relies on, because it reads PostgreSQL's
 * text output: UTC timestamps, ISO dates, `postgres` intervals, shortest exact
 * floats and hex `bytea`. They never vary by request.
 */
const OUTPUT_FORMATS: readonly (readonly [name: string, value: string])[] = [
  ['TimeZone', 'UTC'],
  ['IntervalStyle', 'postgres'],
  ['DateStyle', 'ISO, MDY'],
  ['extra_float_digits', '1'],
  ['bytea_output', 'hex'],
]

/**
 * The output formats as a startup packet's `options` (`-c name=value`, spaces
 * escaped as libpq does). Settings from the startup packet are what `RESET
 * ALL` (and so `DISCARD ALL`) returns to, and they take precedence over
 * per-role and per-database defaults, so they hold for the connection's life.
 */
export const OUTPUT_FORMAT_OPTIONS: string = OUTPUT_FORMATS.map(([name, value]) => `-c ${name}=${value.replaceAll(' ', '\\ ')}`).join(' ')

// Built once: the same text ends every transaction's opening where the startup packet cannot pin the formats.
const SET_LOCAL_OUTPUT_FORMATS = OUTPUT_FORMATS.map(([name, value]) => `; SET LOCAL ${name} = '${value}'`).join('')

/** Quotes a name as a PostgreSQL identifier: `market` → `"market"`, `a"b` → `"a""b"`. */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new RangeError('an identifier cannot hold U+0000')
  return `"${name.replaceAll('"', '""')}"`
}

/** A timeout in milliseconds as `SET` takes it; `0` would disable it, so the least is 1 ms. */
function timeoutText(ms: number): string {
  const bounded = Math.min(Math.max(Math.trunc(ms), 1), MAX_TIMEOUT_MS)
  return Number.isFinite(bounded) ? String(bounded) : String(MAX_TIMEOUT_MS)
}

/**
 * The statements that open a request's transaction and pin its settings for
 * that transaction only (`SET LOCAL` ends with it, so the next request starts
 * from the connection's defaults again), as one simple-protocol message: no
 * parameters, no planning, one round trip. Every value is a number or a quoted
 * identifier produced here, never request data. The output formats are added
 * only when the connection's startup packet did not pin them already.
 */
export function beginStatements(mode: 'read' | 'write', request: SettingsRequest, formats: OutputFormatSource): string {
  const searchPath = request.searchPath.length === 0 ? "''" : request.searchPath.map(quoteIdentifier).join(', ')
  return (
    (mode === 'read' ? 'BEGIN READ ONLY' : 'BEGIN READ WRITE') +
    `; SET LOCAL statement_timeout = ${timeoutText(request.statementTimeoutMs)}` +
    `; SET LOCAL lock_timeout = ${timeoutText(request.lockTimeoutMs)}` +
    `; SET LOCAL search_path = ${searchPath}` +
    (formats === 'transaction' ? SET_LOCAL_OUTPUT_FORMATS : '')
  )
}
