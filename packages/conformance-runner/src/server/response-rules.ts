import {
  ERROR_CODES,
  isErrorCode,
  REQUEST_ID_HEADER,
  validateErrorResponse,
  validateOperationResult,
  validateRunQueryResponse,
  type Validator,
} from '@compiled-sql/protocol'
import type { HttpResponse } from './http-exchange.js'
import type { RouteKind } from './route-kind.js'

const REQUEST_ID = REQUEST_ID_HEADER.toLowerCase()

function schemaProblems(validator: Validator<unknown>, document: string, text: string): string[] {
  const result = validator(JSON.parse(text))
  if (result.ok) return []
  const issues = result.errors.slice(0, 5).map((issue) => `${issue.code} at ${issue.instancePath || '(root)'}`)
  return [`the body is not a valid ${document}: ${issues.join(', ')}`]
}

function errorProblems(response: HttpResponse): string[] {
  const problems = schemaProblems(validateErrorResponse, 'error-response', response.text)
  const body = response.json
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; kind?: unknown; retryable?: unknown } }).error : undefined
  if (typeof error !== 'object' || error === null || typeof error.code !== 'string' || !isErrorCode(error.code)) return problems
  const info = ERROR_CODES[error.code]
  if (info.status !== response.status) problems.push(`error code ${error.code} is status ${info.status}, not ${response.status}`)
  if (error.kind !== info.kind) problems.push(`error code ${error.code} is kind ${info.kind}, not ${String(error.kind)}`)
  if (error.retryable !== info.retryable) problems.push(`error code ${error.code} has retryable ${String(info.retryable)}`)
  return problems
}

/**
 * The protocol's rules for every response, whatever a case expects:
 * an `X-Request-Id` header, repeated as the JSON body's `request_id`; a
 * non-2xx body valid against `error-response.schema.json`, whose code fixes
 * the status, `kind` and `retryable`; and on the execute-operation and
 * run_query routes, a 2xx body valid against `operation-result` or
 * `run-query-response`.
 */
export function responseRuleProblems(response: HttpResponse, route: RouteKind): string[] {
  const problems: string[] = []
  const requestId = response.headers[REQUEST_ID]
  if (requestId === undefined || requestId === '') problems.push(`no ${REQUEST_ID_HEADER} header`)
  const success = response.status >= 200 && response.status < 300
  if (response.json === undefined) {
    if (!success || route !== 'other') problems.push(response.jsonError ?? 'the body is not JSON')
    return problems
  }
  const body = response.json
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const repeated = (body as { request_id?: unknown }).request_id
    if (requestId !== undefined && repeated !== requestId) problems.push(`the body's request_id is ${JSON.stringify(repeated)}, not the ${REQUEST_ID_HEADER} ${requestId}`)
  }
  if (!success) return [...problems, ...errorProblems(response)]
  if (route === 'execute') problems.push(...schemaProblems(validateOperationResult, 'operation-result', response.text))
  if (route === 'run_query') problems.push(...schemaProblems(validateRunQueryResponse, 'run-query-response', response.text))
  return problems
}
