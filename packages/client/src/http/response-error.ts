import { ERROR_CODES, REQUEST_ID_HEADER, isErrorCode, type ErrorCode, type ErrorKind } from '@compiled-sql/protocol'
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  ServerError,
  TimeoutError,
  type RequestErrorInit,
} from '../errors/request-error.js'
import { parseRetryAfter } from './retry-after.js'

/** A non-2xx response, its body already read. */
export interface ErrorReply {
  readonly status: number
  readonly headers: Headers
  /** Parsed JSON, or the text when the body was not JSON. */
  readonly body: unknown
}

/** The code to report when a body carries no protocol code (a proxy's page, an older server). */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated'
    case 403:
      return 'access_denied'
    case 404:
      return 'route_not_found'
    case 405:
      return 'method_not_allowed'
    case 409:
      return 'unique_violation'
    case 413:
      return 'payload_too_large'
    case 415:
      return 'unsupported_media_type'
    case 422:
      return 'query_error'
    case 429:
      return 'rate_limited'
    case 408:
    case 504:
      return 'statement_timeout'
    case 502:
    case 503:
      return 'service_unavailable'
    default:
      return status >= 500 ? 'internal_error' : 'invalid_value'
  }
}

type ErrorClass = new (init: RequestErrorInit) => RequestError

const CLASS_OF_KIND: { readonly [kind in ErrorKind]: ErrorClass } = {
  validation_error: BadRequestError,
  sql_rejected: BadRequestError,
  database_error: BadRequestError,
  authentication_error: AuthenticationError,
  permission_denied: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limited: RateLimitError,
  timeout: TimeoutError,
  internal_error: ServerError,
  unavailable: ServerError,
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The message the upstream SDK would show: `detail`, `error`, `message` or `non_field_errors`, in that order. */
function upstreamMessage(body: unknown, status: number): string {
  if (isRecord(body)) {
    for (const key of ['detail', 'error', 'message']) {
      if (typeof body[key] === 'string') return body[key]
    }
    const nonField = body.non_field_errors
    if (Array.isArray(nonField) && typeof nonField[0] === 'string') return nonField[0]
  }
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 500)
  return `HTTP ${status}`
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/**
 * Turns a non-2xx response into the typed error for its code: the protocol's
 * error body when the server sent one, otherwise the status and the message
 * fields the upstream SDK reads. The class follows the code's kind
 * (`rate_limited` → {@link RateLimitError}, `statement_timeout` →
 * {@link TimeoutError}…), so a 422 `query_error` and a 400 `missing_field` are
 * both a {@link BadRequestError} with different codes.
 *
 * @example
 * ```ts
 * throw errorFromReply({ status: 429, headers, body })
 * ```
 */
export function errorFromReply(reply: ErrorReply): RequestError {
  const { status, headers, body } = reply
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined
  const code = error !== undefined && isErrorCode(error.code) ? error.code : codeForStatus(status)
  const info = ERROR_CODES[code]
  const details = error !== undefined && isRecord(error.details) ? (error.details as RequestErrorInit['details']) : undefined
  const init: RequestErrorInit = {
    status,
    code,
    message: error !== undefined && typeof error.message === 'string' ? error.message : upstreamMessage(body, status),
    retryable: error !== undefined && typeof error.retryable === 'boolean' ? error.retryable : info.retryable,
    sqlstate: error === undefined ? undefined : optionalString(error.sqlstate),
    position: error !== undefined && typeof error.position === 'number' ? error.position : undefined,
    details,
    requestId: headers.get(REQUEST_ID_HEADER) ?? (isRecord(body) ? optionalString(body.request_id) : undefined),
    retryAfterMs: typeof details?.retry_after_ms === 'number' ? details.retry_after_ms : parseRetryAfter(headers.get('retry-after')),
    body,
  }
  return new CLASS_OF_KIND[info.kind](init)
}
