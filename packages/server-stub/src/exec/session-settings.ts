/** What one request pins for its own transaction. */
export interface SettingsRequest {
  readonly statementTimeoutMs: number
  readonly lockTimeoutMs: number
  readonly searchPath: readonly string[]
}

// PostgreSQL's bound for statement_timeout and lock_timeout (an int, in milliseconds).
const MAX_TIMEOUT_MS = 2_147_483_647

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
 * from the server's defaults again), as one simple-protocol message: no
 * parameters, no planning, one round trip. Every value is a number or a quoted
 * identifier produced here, never request data. Output formats are pinned too,
 * because result encoding reads PostgreSQL's text output: UTC timestamps, ISO
 * dates, `postgres` intervals, shortest exact floats and hex `bytea`.
 */
export function beginStatements(mode: 'read' | 'write', request: SettingsRequest): string {
  return [
    mode === 'read' ? 'BEGIN READ ONLY' : 'BEGIN READ WRITE',
    `SET LOCAL statement_timeout = ${timeoutText(request.statementTimeoutMs)}`,
    `SET LOCAL lock_timeout = ${timeoutText(request.lockTimeoutMs)}`,
    `SET LOCAL search_path = ${request.searchPath.length === 0 ? "''" : request.searchPath.map(quoteIdentifier).join(', ')}`,
    "SET LOCAL TimeZone = 'UTC'",
    'SET LOCAL IntervalStyle = postgres',
    "SET LOCAL DateStyle = 'ISO, MDY'",
    'SET LOCAL extra_float_digits = 1',
    'SET LOCAL bytea_output = hex',
  ].join('; ')
}
