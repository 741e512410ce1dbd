import type { AdapterClientError, ClientErrorCategory } from '@compiled-sql/protocol'
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  OperationBuildError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  ServerError,
  TimeoutError,
  TransportError,
} from '../src/index.js'

/** The client's error classes, most specific first, with the category the conformance suite names them by. */
const CATEGORIES: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, ClientErrorCategory]> = [
  [BadRequestError, 'bad_request'],
  [AuthenticationError, 'authentication'],
  [PermissionDeniedError, 'permission_denied'],
  [NotFoundError, 'not_found'],
  [ConflictError, 'conflict'],
  [RateLimitError, 'rate_limit'],
  [TimeoutError, 'timeout'],
  [ServerError, 'server'],
  [TransportError, 'transport'],
]

/**
 * Describes an error the client raised in the suite's terms, or returns
 * undefined for an error that is not the client's (a bug, which the adapter
 * reports as an adapter `error`, not as an outcome).
 */
export function describeClientError(error: unknown): AdapterClientError | undefined {
  if (error instanceof OperationBuildError) {
    return {
      category: 'build',
      status: null,
      code: error.code,
      retryable: false,
      message: error.message,
      path: error.path,
      issues: error.issues.map(({ code, instancePath, message }) => ({ code, instancePath, ...(message === undefined ? {} : { message }) })),
    }
  }
  if (!(error instanceof RequestError)) return undefined
  const category = CATEGORIES.find(([type]) => error instanceof type)?.[1]
  if (category === undefined) return undefined
  return {
    category,
    status: error.status ?? null,
    code: error.code,
    retryable: error.retryable,
    message: error.message,
    sqlstate: error.sqlstate ?? null,
    request_id: error.requestId ?? null,
    retry_after_ms: error.retryAfterMs ?? null,
  }
}
