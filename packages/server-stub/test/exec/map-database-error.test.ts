import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { ExecutionError } from '../../src/exec/execution-error.js'
import { errorCodeOfSqlstate, isConnectionError, toExecutionError } from '../../src/exec/map-database-error.js'

function databaseError(code: string, message: string, position?: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error')
  error.code = code
  if (position !== undefined) error.position = position
  return error
}

describe('mapping database errors', () => {
  it.for([
    ['23505', 'unique_violation'],
    ['23503', 'constraint_violation'],
    ['23514', 'constraint_violation'],
    ['23502', 'constraint_violation'],
    ['40001', 'serialization_failure'],
    ['40P01', 'serialization_failure'],
    ['57014', 'statement_timeout'],
    ['55P03', 'statement_timeout'],
    ['57P01', 'service_unavailable'],
    ['08006', 'service_unavailable'],
    ['53300', 'service_unavailable'],
    ['42P01', 'query_error'],
    ['42703', 'query_error'],
    ['42883', 'query_error'],
    ['22012', 'query_error'],
    ['22P02', 'query_error'],
    ['25006', 'query_error'],
  ] as const)('maps SQLSTATE %s to %s', ([sqlstate, code]) => {
    expect(errorCodeOfSqlstate(sqlstate)).toBe(code)
  })

  it('keeps the SQLSTATE, shifts the position back past a prefix, and takes retryable from the code table', () => {
    const mapped = toExecutionError(databaseError('40001', 'could not serialize access', '42'), { positionOffset: 40 })
    expect(mapped).toBeInstanceOf(ExecutionError)
    expect(mapped).toMatchObject({ code: 'serialization_failure', sqlstate: '40001', position: 2, retryable: true })
    expect(toExecutionError(databaseError('42601', 'syntax error', '3'), { positionOffset: 40 }).position).toBeUndefined()
  })

  it('hides the echoed input of data exceptions only (regression: a quoted value before "is out of range" leaked)', () => {
    expect(toExecutionError(databaseError('22P02', 'invalid input syntax for type uuid: "s3cret"')).message).toBe(
      'invalid input syntax for type uuid: "…"',
    )
    expect(toExecutionError(databaseError('22003', 'value "99999999999" is out of range for type integer')).message).toBe(
      'value "…" is out of range for type integer',
    )
    expect(toExecutionError(databaseError('42P01', 'relation "x" does not exist')).message).toBe('relation "x" does not exist')
  })

  it('treats refused and broken connections as service_unavailable, and anything else as internal_error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(isConnectionError(refused)).toBe(true)
    expect(toExecutionError(refused)).toMatchObject({ code: 'service_unavailable', retryable: true })
    expect(toExecutionError(new Error('Connection terminated unexpectedly'))).toMatchObject({ code: 'service_unavailable' })
    expect(toExecutionError(new TypeError('boom'))).toMatchObject({ code: 'internal_error', retryable: false })
  })
})
