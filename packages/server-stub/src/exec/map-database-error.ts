import type { ErrorCode } from '@compiled-sql/protocol'
import pg from 'pg'
import { ExecutionError } from './execution-error.js'

/** How to read an error of a statement that was sent wrapped. */
export interface StatementContext {
  /** Characters put in front of the request's text (`DECLARE … FOR `); PostgreSQL's position counts them. */
  readonly positionOffset: number
}

// Node's socket error codes that mean the server cannot be reached.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOENT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'])

// node-postgres raises these as plain Errors when the connection breaks or cannot be made.
const CONNECTION_MESSAGE = /connection terminated|not queryable|timeout exceeded when trying to connect|connection timeout/i

/** SQLSTATEs that say the server, not the statement, is the problem. */
function isUnavailableSqlstate(sqlstate: string): boolean {
  return sqlstate.startsWith('08') || sqlstate === '57P01' || sqlstate === '57P02' || sqlstate === '57P03' || sqlstate === '53300'
}

/** Whether an error means the connection to the database is gone or could not be made. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return isUnavailableSqlstate(error.code ?? '')
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return (typeof code === 'string' && UNREACHABLE.has(code)) || CONNECTION_MESSAGE.test(error.message)
}

/** The protocol error code of a SQLSTATE. */
export function errorCodeOfSqlstate(sqlstate: string): ErrorCode {
  if (sqlstate === '23505') return 'unique_violation'
  if (sqlstate.startsWith('23')) return 'constraint_violation'
  if (sqlstate === '40001' || sqlstate === '40P01') return 'serialization_failure'
  // 55P03 is lock_timeout firing: the request ran out of its time budget waiting for a lock.
  if (sqlstate === '57014' || sqlstate === '55P03') return 'statement_timeout'
  if (isUnavailableSqlstate(sqlstate)) return 'service_unavailable'
  return 'query_error'
}

/**
 * PostgreSQL's message without the input it echoes: data exceptions (class 22)
 * quote the offending value (`invalid input syntax for type uuid: "x"`,
 * `value "9…" is out of range`), which may be a parameter's, and a parameter
 * value must never reach a response or a log.
 */
function redactMessage(message: string, sqlstate: string): string {
  return sqlstate.startsWith('22') ? message.replace(/"(?:[^"]|"")*"/g, '"…"') : message
}

// PostgreSQL's error context when a bound value fails its type's input function at Bind:
// "unnamed portal parameter $1 = '...'" (or `portal "name" parameter $1`).
const PARAMETER_INPUT_CONTEXT = /portal (?:"[^"]*" )?parameter \$(\d+)/

/**
 * Turns whatever a query rejected with into an {@link ExecutionError}: a
 * PostgreSQL error keeps its SQLSTATE and (unwrapped) position; a broken or
 * refused connection is `service_unavailable`; anything else is `internal_error`.
 */
export function toExecutionError(error: unknown, context: StatementContext = { positionOffset: 0 }): ExecutionError {
  if (error instanceof ExecutionError) return error
  if (error instanceof pg.DatabaseError && error.code !== undefined) {
    const sqlstate = error.code
    const raw = error.position === undefined ? Number.NaN : Number(error.position) - context.positionOffset
    const position = Number.isInteger(raw) && raw >= 1 ? raw : undefined
    const parameter = PARAMETER_INPUT_CONTEXT.exec(error.where ?? '')?.[1]
    if (parameter !== undefined) {
      return new ExecutionError('invalid_parameter_value', `PostgreSQL rejected the value of $${parameter} as input for its type: ${redactMessage(error.message, sqlstate)}`, {
        sqlstate,
        details: { parameter: `$${parameter}` },
      })
    }
    return new ExecutionError(errorCodeOfSqlstate(sqlstate), redactMessage(error.message, sqlstate), {
      sqlstate,
      ...(position !== undefined && { position }),
    })
  }
  if (isConnectionError(error)) {
    return new ExecutionError('service_unavailable', `the database is unreachable: ${(error as Error).message}`, { cause: error })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new ExecutionError('internal_error', `the statement could not be run: ${message}`, { cause: error })
}
