import { ExecutionError } from '../exec/index.js'
import type { PositionMap } from '../sql/index.js'
import { ProtocolError } from './protocol-error.js'

/**
 * A failure from the executor as the protocol error the caller sees, with the
 * database's error position mapped back to the SQL the caller wrote. Anything
 * else is rethrown (and becomes `internal_error` at the HTTP layer).
 */
export function asProtocolError(error: unknown, positions?: PositionMap): never {
  if (error instanceof ProtocolError) throw error
  if (!(error instanceof ExecutionError)) throw error
  const position = error.position === undefined || positions === undefined ? undefined : positions.fromDatabasePosition(error.position)
  throw new ProtocolError(error.code, error.message, {
    ...(error.sqlstate !== undefined && { sqlstate: error.sqlstate }),
    ...(position !== undefined && { position }),
    ...(error.details !== undefined && { details: error.details }),
  })
}
