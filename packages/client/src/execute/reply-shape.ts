import type { OperationResult, Pagination, RunQueryResponse, SelectResult } from '@compiled-sql/protocol'
import { ServerError } from '../errors/request-error.js'
import type { SuccessReply } from '../http/send-request.js'

/**
 * The client checks only what it relies on in a 2xx body (rows, and the
 * pagination fields it follows), not the whole schema: like the upstream SDK,
 * it keeps working when a server adds fields.
 */
function invalid(reply: SuccessReply, what: string): ServerError {
  return new ServerError({
    status: reply.status,
    code: 'invalid_response',
    message: `the server answered ${reply.status} with ${what}`,
    retryable: false,
    requestId: reply.requestId,
    body: reply.body,
  })
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

function isRowArray(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))
}

function checkPagination(reply: SuccessReply, pagination: unknown): Pagination {
  const page = pagination as Partial<Pagination> | undefined
  if (typeof page !== 'object' || page === null) throw invalid(reply, 'a select result without `pagination`')
  if (typeof page.has_more !== 'boolean') throw invalid(reply, '`pagination.has_more` that is not a boolean')
  // has_more without a next_offset ends the read, as the upstream SDK's loop does (it continues only while next_offset is set).
  if (page.next_offset !== null && page.next_offset !== undefined && !isCount(page.next_offset)) throw invalid(reply, '`pagination.next_offset` that is not a non-negative integer')
  return page as Pagination
}

/** The body as a select page; throws `invalid_response` when rows or pagination are unusable. */
export function selectPage(reply: SuccessReply): SelectResult {
  const body = reply.body
  if (!isRowArray(body.rows)) throw invalid(reply, 'a select result whose `rows` is not an array of objects')
  checkPagination(reply, body.pagination)
  return body as unknown as SelectResult
}

/** The body as a write result; throws `invalid_response` when `rows` is not an array of objects. */
export function writeResult(reply: SuccessReply): OperationResult {
  if (!isRowArray(reply.body.rows)) throw invalid(reply, 'a write result whose `rows` is not an array of objects')
  return reply.body as unknown as OperationResult
}

/** The body as a run_query response; throws `invalid_response` when `results` is not an array of objects. */
export function runQueryResponse(reply: SuccessReply): RunQueryResponse {
  if (!isRowArray(reply.body.results)) throw invalid(reply, 'a run_query response whose `results` is not an array of objects')
  return reply.body as unknown as RunQueryResponse
}
