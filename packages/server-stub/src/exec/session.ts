import type pg from 'pg'
import { inOneWrite, sendQuery, sendSimple, type RawResult } from './pg-query.js'
import { beginStatements, type OutputFormatSource } from './session-settings.js'
import type { ExecutionRequest } from './execution-request.js'
import type { CatalogQuery, TypeCatalog } from './type-catalog.js'

/** One request's use of one connection. */
export interface Session {
  /** A client made with `pipeline: true`. */
  readonly client: pg.ClientBase
  readonly catalog: TypeCatalog
  /** The most a request waits for a lock; `lock_timeout` is the lesser of this and its statement timeout. */
  readonly lockTimeoutCapMs: number
  /** Whether the connection's startup packet pinned the output formats, or each transaction must. */
  readonly outputFormats: OutputFormatSource
  /** Called right before `COMMIT` is sent: from then on a write may be durable, so it must not be cut off. */
  readonly onCommit?: () => void
  /** Set when the connection must not serve another request (it broke, or was left in a transaction). */
  broken: boolean
}

/** Opens the request's transaction with its settings (see {@link beginStatements}), without waiting. */
export function sendBegin(session: Session, request: ExecutionRequest): Promise<unknown> {
  return sendSimple(
    session.client,
    beginStatements(
      request.mode,
      {
        statementTimeoutMs: request.statementTimeoutMs,
        lockTimeoutMs: Math.min(request.statementTimeoutMs, session.lockTimeoutCapMs),
        searchPath: request.searchPath,
      },
      session.outputFormats,
    ),
  )
}

/** Sends the request's own statement with its bound parameters, without waiting. */
export function sendStatement(session: Session, request: ExecutionRequest): Promise<RawResult> {
  return sendQuery(
    session.client,
    request.text,
    request.parameters.map((parameter) => parameter.value),
    request.parameters.map((parameter) => parameter.typeOid),
  )
}

/**
 * Ends the transaction (`ROLLBACK` or `COMMIT`) and resets the connection
 * (`DISCARD ALL`, outside the transaction, so the next request finds no
 * session state) in one flight. Marks the session broken if either fails.
 *
 * @returns the outcome of the `ROLLBACK`/`COMMIT` itself.
 */
export async function sendEnd(session: Session, end: 'ROLLBACK' | 'COMMIT'): Promise<PromiseSettledResult<{ command: string }>> {
  const sent = inOneWrite(
    session.client,
    () => [sendSimple(session.client, end) as Promise<{ command: string }>, sendSimple(session.client, 'DISCARD ALL')] as const,
  )
  const [ended, discarded] = await Promise.allSettled(sent)
  if (ended.status === 'rejected' || discarded.status === 'rejected' || session.client.getTransactionStatus() !== 'I') session.broken = true
  return ended
}

/** Catalog lookups on the session's connection. */
export function catalogQuery(session: Session): CatalogQuery {
  return async (text, values) => (await sendQuery(session.client, text, values)).rows
}
