/**
 * The typed errors of the client.
 *
 * @example
 * ```ts
 * import { CompiledSqlError, OperationBuildError, RateLimitError } from '@compiled-sql/client'
 * ```
 *
 * @packageDocumentation
 */
export { CompiledSqlError } from './compiled-sql-error.js'
export type { ClientErrorCode } from './client-error-code.js'
export { OperationBuildError } from './operation-build-error.js'
export {
  RequestError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  TimeoutError,
  ServerError,
  TransportError,
  type RequestErrorInit,
} from './request-error.js'
