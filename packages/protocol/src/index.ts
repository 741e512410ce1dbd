/**
 * compiled-sql.v1: the wire types, validators, error codes and constants,
 * generated from the canonical JSON Schemas in `schemas/compiled-sql.v1/`.
 *
 * @packageDocumentation
 */
export type * from './generated/types.js'
export { PROTOCOL_VERSION, DIALECT, PARAMSTYLE, DEFAULT_LIMITS, MAX_LIMITS } from './generated/constants.js'
export { ERROR_CODES, type ErrorCodeInfo } from './generated/error-codes.js'
export { TYPE_TOKENS } from './generated/type-tokens.js'
export { SCHEMAS } from './generated/schemas.js'
export { isErrorCode, errorCodeInfo } from './error-code.js'
export { ROUTES, IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER, type RouteFamily } from './routes.js'
export { findNonJsonValue, type NonJsonValue } from './json-value.js'
export { escapePointerToken, appendPointer } from './json-pointer.js'
export { MAX_ISSUES } from './issues.js'
export {
  validateOperation,
  validateOperationResult,
  validateErrorResponse,
  validateRunQueryRequest,
  validateRunQueryResponse,
  validateEnvelopeFixture,
  validateServerCase,
  validateClientCase,
  validateConformanceReport,
  validateAdapterRequest,
  validateAdapterResponse,
  VALIDATORS,
  MAX_GUARANTEED_DEPTH,
  type ValidationResult,
  type Validator,
} from './validate.js'
