import type { AnalysisError } from '../sql/index.js'
import { ProtocolError } from './protocol-error.js'

/** A refusal of the SQL checker as the protocol error the caller sees: its code, message, position and details unchanged. */
export function analysisRefusal(error: AnalysisError): ProtocolError {
  const { code, message, position, details } = error
  return new ProtocolError(code, message, { ...(position !== undefined && { position }), ...(details !== undefined && { details }) })
}
