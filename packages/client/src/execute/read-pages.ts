import { DEFAULT_LIMITS, type CompiledSqlOperation, type SelectResult } from '@compiled-sql/protocol'
import { ServerError } from '../errors/request-error.js'
import type { Connection } from '../http/connection.js'
import { sendRequest } from '../http/send-request.js'
import type { ExecuteOptions } from './client-options.js'
import { selectPage } from './reply-shape.js'

/**
 * Posts a select and follows `pagination.next_offset` exactly as the upstream
 * SDK does: the first request is the envelope as given; each follow-up
 * re-posts it with `limits.offset = next_offset` and `limits.max_rows` = the
 * rows still missing. It stops when `max_rows` rows have arrived or the
 * server reports no more. With max_rows 5 and a page cap of 2 it sends
 * (offset, max_rows) = (0,5), (2,3), (4,1).
 *
 * Yields each page as the server sent it, so a caller can hold one page at a
 * time. Reads are retried (see `RetryPolicy`) and carry no idempotency key:
 * each page is a different request body.
 */
export async function* readPages(connection: Connection, envelope: CompiledSqlOperation, options: ExecuteOptions): AsyncGenerator<SelectResult, void, undefined> {
  const limits = { ...DEFAULT_LIMITS, ...envelope.limits }
  const maxRows = limits.max_rows
  let request: CompiledSqlOperation = envelope
  let offset = limits.offset
  let received = 0
  for (let pages = 1; ; pages += 1) {
    const reply = await sendRequest(connection, {
      path: connection.routes.executeOperation,
      body: JSON.stringify(request),
      retryable: true,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    })
    const page = selectPage(reply)
    received += page.rows.length
    const { has_more: hasMore, next_offset: nextOffset } = page.pagination
    const fetchingMore = hasMore && typeof nextOffset === 'number' && received < maxRows
    options.onProgress?.({ pages, rows: received, maxRows, fetchingMore })
    yield page
    if (!fetchingMore) return
    if (nextOffset <= offset) {
      throw new ServerError({
        status: reply.status,
        code: 'invalid_response',
        message: `pagination.next_offset ${nextOffset} does not advance past offset ${offset}; stopping instead of looping`,
        retryable: false,
        requestId: reply.requestId,
        body: reply.body,
      })
    }
    offset = nextOffset
    request = { ...envelope, limits: { ...limits, offset, max_rows: maxRows - received } }
  }
}
