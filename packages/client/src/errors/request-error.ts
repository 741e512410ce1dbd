import type { ErrorCode, ErrorDetails } from '@compiled-sql/protocol'
import type { ClientErrorCode } from './client-error-code.js'
import { CompiledSqlError } from './compiled-sql-error.js'

/**
 * What a failed request carries, as a server (or the transport) reported it.
 *
 * @example
 * ```ts
 * const init: RequestErrorInit = { status: 404, code: 'meta_table_not_found', retryable: false, message: 'no such MetaTable' }
 * ```
 */
export interface RequestErrorInit {
  /** The HTTP status; `undefined` when no response arrived. */
  readonly status: number | undefined
  readonly code: ErrorCode | ClientErrorCode
  readonly message: string
  readonly retryable: boolean
  readonly sqlstate?: string | undefined
  readonly position?: number | undefined
  readonly details?: ErrorDetails | undefined
  readonly requestId?: string | undefined
  readonly retryAfterMs?: number | undefined
  /** The parsed response body, or its text when it was not JSON. */
  readonly body?: unknown
  readonly cause?: unknown
}

/**
 * The root of every error a request to a compiled-sql.v1 server can end in.
 * Catch a subclass to handle one kind of failure, or this class for all of
 * them; program against `code`, never `message`.
 *
 * @example
 * ```ts
 * try {
 *   await client.executeOperation(envelope)
 * } catch (error) {
 *   if (error instanceof RequestError) console.error(error.status, error.code, error.requestId)
 * }
 * ```
 */
export class RequestError extends CompiledSqlError {
  /** The HTTP status; `undefined` for a {@link TransportError}. */
  readonly status: number | undefined
  /** Whether sending the identical request again may succeed; when true, the server applied nothing. */
  readonly retryable: boolean
  /** The five-character SQLSTATE, when PostgreSQL raised the error. */
  readonly sqlstate: string | undefined
  /** A 1-based position in the SQL you sent, when the server located the error. */
  readonly position: number | undefined
  /** The protocol's structured context: validation issues, the MetaTable, the parameter… */
  readonly details: ErrorDetails | undefined
  /** The server's `X-Request-Id`: quote it when reporting a problem. */
  readonly requestId: string | undefined
  /**
   * How long the server asked the caller to wait before retrying, from
   * `Retry-After` or the body's `details.retry_after_ms` (429, 503).
   */
  readonly retryAfterMs: number | undefined
  /** The response body as received (parsed JSON, or text). */
  readonly body: unknown

  constructor(init: RequestErrorInit) {
    super(init.code, init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.status = init.status
    this.retryable = init.retryable
    this.sqlstate = init.sqlstate
    this.position = init.position
    this.details = init.details
    this.requestId = init.requestId
    this.retryAfterMs = init.retryAfterMs
    this.body = init.body
  }
}

/** 400, 413, 415 or 422: the request is wrong (envelope, parameters, SQL rejected by the server's checks, or a query error). */
export class BadRequestError extends RequestError {}

/** 401: no token, or one the server does not know. */
export class AuthenticationError extends RequestError {}

/** 403: the caller lacks the access the scope asks for, or the data source does not allow the operation. */
export class PermissionDeniedError extends RequestError {}

/** 404: a MetaTable (or one the caller cannot see), a data source, or a route that does not exist. */
export class NotFoundError extends RequestError {}

/** 409: a unique or other constraint, a serialization failure, or an idempotency key reused with another body. */
export class ConflictError extends RequestError {}

/** 429: the caller's rate limit. `retryAfterMs` says how long the server asked to wait. */
export class RateLimitError extends RequestError {}

/** The statement ran past its `statement_timeout_ms` (504, `statement_timeout`, SQLSTATE 57014). Nothing was applied. */
export class TimeoutError extends RequestError {}

/** 5xx, or a response the client cannot read (`invalid_response`). */
export class ServerError extends RequestError {}

/** No response arrived: the connection failed or broke. `status` is `undefined`. */
export class TransportError extends RequestError {}
