import * as issuesPass from './generated/issues-validators.js'
import type {
  AdapterRequest,
  AdapterResponse,
  CompiledSqlOperation,
  ConformanceReport,
  EnvelopeFixture,
  ErrorResponse,
  OperationResult,
  RunQueryRequest,
  RunQueryResponse,
  ServerCase,
  ClientCase,
  ValidationIssue,
} from './generated/types.js'
import * as verdictPass from './generated/verdict-validators.js'
import { issuesFromAjv } from './issues.js'
import { findNonJsonValue } from './json-value.js'
import type { ValidateFunction } from './validate-function.js'

/**
 * The outcome of validating a document: the document itself, typed, or every
 * issue found (at most 100), each with a protocol error code and a JSON Pointer.
 */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] }

/** A validator for one wire document. Never throws. */
export type Validator<T> = (value: unknown) => ValidationResult<T>

function tooDeep(): ValidationResult<never> {
  return {
    ok: false,
    errors: [{ code: 'too_big', instancePath: '', message: `the document is nested more deeply than this validator supports (the protocol guarantees ${MAX_GUARANTEED_DEPTH} levels)` }],
  }
}

/**
 * The nesting depth every compiled-sql.v1 validator must accept. Deeper
 * documents may be rejected with `too_big` at the root; ours accepts as deep
 * as the JavaScript stack allows.
 */
export const MAX_GUARANTEED_DEPTH = 64

function unreadable(error: unknown): ValidationResult<never> {
  const reason = error instanceof Error ? error.message : String(error)
  return { ok: false, errors: [{ code: 'invalid_type', instancePath: '', message: `the value cannot be read as JSON: ${reason}` }] }
}

/**
 * Builds a validator from the two ahead-of-time passes of one schema: the
 * verdict pass runs first and alone on valid input; the issues pass runs only
 * to explain a rejection.
 */
function validatorOf<T>(verdict: ValidateFunction, issues: ValidateFunction): Validator<T> {
  return (value: unknown): ValidationResult<T> => {
    try {
      // The compiled schemas also reject non-plain objects (see PLAIN_JSON_KEYWORD
      // in scripts/generate-validators.ts), so one pass decides.
      if (verdict(value)) return { ok: true, value: value as T }
      issues(value)
      const found = issuesFromAjv(issues.errors ?? [])
      // The schema stops at an unknown field or a failed sibling; a cycle or a
      // class instance elsewhere is still worth reporting.
      const nonJson = findNonJsonValue(value)
      if (nonJson !== undefined && !found.some((i) => i.code === 'invalid_type' && i.instancePath === nonJson.instancePath)) {
        found.push({ code: 'invalid_type', ...nonJson })
      }
      if (found.length > 0) return { ok: false, errors: found }
      return { ok: false, errors: [{ code: 'invalid_value', instancePath: '', message: 'the document does not match its schema' }] }
    } catch (error) {
      // A cycle the schema walks into overflows the stack, and so does nesting
      // deeper than the stack allows; a getter or a proxy can throw.
      const nonJson = safeFindNonJsonValue(value)
      if (nonJson !== undefined) return { ok: false, errors: [{ code: 'invalid_type', ...nonJson }] }
      if (error instanceof RangeError) return tooDeep()
      return unreadable(error)
    }
  }
}

function safeFindNonJsonValue(value: unknown) {
  try {
    return findNonJsonValue(value)
  } catch {
    return undefined
  }
}

/**
 * Validates a compiled-sql.v1 operation envelope (the body of execute-operation).
 *
 * @example
 * ```ts
 * const result = validateOperation(JSON.parse(body))
 * if (!result.ok) {
 *   for (const issue of result.errors) console.error(issue.code, issue.instancePath, issue.message)
 * }
 * ```
 */
export const validateOperation: Validator<CompiledSqlOperation> = validatorOf(
  verdictPass.verdict_operation,
  issuesPass.issues_operation,
)

/** Validates the 2xx body of execute-operation: a select or a write result. */
export const validateOperationResult: Validator<OperationResult> = validatorOf(
  verdictPass.verdict_operationResult,
  issuesPass.issues_operationResult,
)

/** Validates the body of a non-2xx response. */
export const validateErrorResponse: Validator<ErrorResponse> = validatorOf(
  verdictPass.verdict_errorResponse,
  issuesPass.issues_errorResponse,
)

/** Validates the body of run_query: a JSON string holding the SQL. */
export const validateRunQueryRequest: Validator<RunQueryRequest> = validatorOf(
  verdictPass.verdict_runQueryRequest,
  issuesPass.issues_runQueryRequest,
)

/** Validates the 2xx body of run_query. */
export const validateRunQueryResponse: Validator<RunQueryResponse> = validatorOf(
  verdictPass.verdict_runQueryResponse,
  issuesPass.issues_runQueryResponse,
)

/** Validates one envelope conformance fixture file. */
export const validateEnvelopeFixture: Validator<EnvelopeFixture> = validatorOf(
  verdictPass.verdict_envelopeFixture,
  issuesPass.issues_envelopeFixture,
)

/** Validates a conformance report. */
export const validateConformanceReport: Validator<ConformanceReport> = validatorOf(
  verdictPass.verdict_conformanceReport,
  issuesPass.issues_conformanceReport,
)

/** Validates one server conformance case file (`server-case.schema.json`). */
export const validateServerCase: Validator<ServerCase> = validatorOf(
  verdictPass.verdict_serverCase,
  issuesPass.issues_serverCase,
)

/** Validates one client conformance case file (`client-case.schema.json`). */
export const validateClientCase: Validator<ClientCase> = validatorOf(
  verdictPass.verdict_clientCase,
  issuesPass.issues_clientCase,
)

/** Validates a message from the conformance runner to an adapter. */
export const validateAdapterRequest: Validator<AdapterRequest> = validatorOf(
  verdictPass.verdict_adapterRequest,
  issuesPass.issues_adapterRequest,
)

/** Validates a message from an adapter to the conformance runner. */
export const validateAdapterResponse: Validator<AdapterResponse> = validatorOf(
  verdictPass.verdict_adapterResponse,
  issuesPass.issues_adapterResponse,
)

/** The validator of each wire document, by schema name, as fixtures and adapters name them. */
export const VALIDATORS = {
  operation: validateOperation,
  'operation-result': validateOperationResult,
  'error-response': validateErrorResponse,
  'run-query-request': validateRunQueryRequest,
  'run-query-response': validateRunQueryResponse,
} as const satisfies Record<string, Validator<unknown>>
