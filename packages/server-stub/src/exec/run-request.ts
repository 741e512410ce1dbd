import { ExecutionError } from './execution-error.js'
import type { ExecutionRequest, ExecutionResult } from './execution-request.js'
import { runRead } from './run-read.js'
import { runWrite } from './run-write.js'
import type { Session } from './session.js'

/**
 * Runs one request on a session's connection, in a transaction of its own.
 * A connection found inside a transaction (left over by a failure) is never
 * used: `BEGIN` there would only warn, and the request would join that
 * transaction instead of opening a read-only one.
 */
export function runRequest(session: Session, request: ExecutionRequest): Promise<ExecutionResult> {
  if (session.client.getTransactionStatus() !== 'I') {
    session.broken = true
    return Promise.reject(new ExecutionError('service_unavailable', 'the database connection was not idle; it has been dropped'))
  }
  return request.mode === 'read' ? runRead(session, request) : runWrite(session, request)
}
