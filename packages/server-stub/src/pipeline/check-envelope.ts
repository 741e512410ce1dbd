import { validateOperation, type CompiledSqlOperation } from '@compiled-sql/protocol'
import { ProtocolError } from './protocol-error.js'

/**
 * Step 1: the envelope passes the protocol validator. The first issue names
 * the error; `details.issues` carries every issue.
 *
 * @throws {ProtocolError} with the code of the first issue.
 */
export function checkEnvelope(value: unknown): CompiledSqlOperation {
  const result = validateOperation(value)
  if (result.ok) return result.value
  const [first] = result.errors
  const where = first!.instancePath === '' ? 'the envelope' : first!.instancePath
  throw new ProtocolError(first!.code, `${where}: ${first!.message}`, { details: { issues: [...result.errors] } })
}
