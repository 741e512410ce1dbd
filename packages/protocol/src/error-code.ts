import { ERROR_CODES, type ErrorCodeInfo } from './generated/error-codes.js'
import type { ErrorCode } from './generated/types.js'

/** Whether `value` is a code of the compiled-sql.v1 error vocabulary. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value)
}

/** The HTTP status, kind and retryability an error code fixes. */
export function errorCodeInfo(code: ErrorCode): ErrorCodeInfo {
  return ERROR_CODES[code]
}
