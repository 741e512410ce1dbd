import { ExecutionError } from '../exec/index.js'
import type { Placeholder, PositionMap } from '../sql/index.js'
import { ProtocolError } from './protocol-error.js'

/**
 * A failure from the executor as the protocol error the caller sees, with the
 * database's error position mapped back to the SQL the caller wrote. Anything
 * else is rethrown (and becomes `internal_error` at the HTTP layer). A
 * parameter the database names as `$n` is named as the caller wrote it.
 */
export function asProtocolError(error: unknown, positions?: PositionMap, placeholders?: readonly Placeholder[]): never {
  if (error instanceof ProtocolError) throw error
  if (!(error instanceof ExecutionError)) throw error
  const position = error.position === undefined || positions === undefined ? undefined : positions.fromDatabasePosition(error.position)
  const databaseParameter = error.details?.parameter
  const named = databaseParameter?.startsWith('$') === true ? placeholders?.find((p) => `$${p.number}` === databaseParameter)?.name : undefined
  const details = named === undefined ? error.details : { ...error.details, parameter: named }
  throw new ProtocolError(error.code, error.message, {
    ...(error.sqlstate !== undefined && { sqlstate: error.sqlstate }),
    ...(position !== undefined && { position }),
    ...(details !== undefined && { details }),
  })
}
