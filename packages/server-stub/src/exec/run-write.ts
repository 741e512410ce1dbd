import pg from 'pg'
import { encodeResult } from './encode-result.js'
import { ExecutionError } from './execution-error.js'
import type { ExecutionRequest, ExecutionResult, TransactionHandle } from './execution-request.js'
import { isConnectionError, toExecutionError } from './map-database-error.js'
import { inOneWrite, sendQuery, type RawResult } from './pg-query.js'
import { catalogQuery, sendBegin, sendEnd, sendStatement, type Session } from './session.js'

/** Rolls back, then passes the error on: database errors as {@link ExecutionError}s, the caller's own as they are. */
async function rollBack(session: Session, error: unknown): Promise<never> {
  await sendEnd(session, 'ROLLBACK')
  throw error instanceof pg.DatabaseError || isConnectionError(error) ? toExecutionError(error) : error
}

/** The transaction as `beforeCommit` sees it; it refuses work once the hook has returned. */
function transactionHandle(session: Session): TransactionHandle & { close(): void } {
  let open = true
  return {
    async query(text, values = []) {
      if (!open) throw new ExecutionError('internal_error', 'the transaction is over')
      const result = await sendQuery(session.client, text, values)
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length }
    },
    close() {
      open = false
    },
  }
}

/**
 * Runs a write: `BEGIN READ WRITE`, the settings and the statement in one
 * round trip; then the encoded result goes to `beforeCommit` inside the same
 * transaction; then `COMMIT` and `DISCARD ALL` in a second round trip. Any
 * failure before `COMMIT` rolls everything back. A `COMMIT` that PostgreSQL
 * turns into a rollback (the hook swallowed an error) is reported, not hidden.
 */
export async function runWrite(session: Session, request: ExecutionRequest): Promise<ExecutionResult> {
  const sent = inOneWrite(session.client, () => [sendBegin(session, request), sendStatement(session, request)])
  const outcomes = await Promise.allSettled(sent)
  const failure = outcomes.find((outcome) => outcome.status === 'rejected')
  if (failure !== undefined) return rollBack(session, toExecutionError(failure.reason))
  const raw = (outcomes.at(-1) as PromiseFulfilledResult<RawResult>).value

  let result: ExecutionResult
  try {
    const encoded = await encodeResult(raw, session.catalog, catalogQuery(session), request.maxReturnedRows)
    result = { ...encoded, rowCount: raw.rowCount ?? raw.rows.length, hasMore: false }
    if (request.beforeCommit !== undefined) {
      const tx = transactionHandle(session)
      try {
        await request.beforeCommit(tx, result)
      } finally {
        tx.close()
      }
    }
  } catch (error) {
    return rollBack(session, error)
  }

  session.onCommit?.()
  const committed = await sendEnd(session, 'COMMIT')
  if (committed.status === 'rejected') throw toExecutionError(committed.reason)
  if (committed.value.command !== 'COMMIT') {
    throw new ExecutionError('internal_error', `the transaction was rolled back at COMMIT (${committed.value.command})`)
  }
  return result
}
