import {
  DEFAULT_LIMITS,
  IDEMPOTENCY_KEY_HEADER,
  ROUTES,
  validateOperation,
  validateRunQueryRequest,
  type ClientExecuteCommand,
  type ClientRunQueryCommand,
} from '@compiled-sql/protocol'
import { exactMismatch } from '../server/match-json.js'
import type { RecordedRequest } from './recorded-request.js'

/** The bearer token the runner configures every client with. */
export const CLIENT_SUITE_TOKEN = 'client-suite-token-0001'

/** The body parsed as JSON, or undefined when it is not JSON. */
export function parsedBody(request: RecordedRequest): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(request.body) as unknown }
  } catch {
    return undefined
  }
}

/**
 * An envelope with `limits.offset` and `limits.max_rows` left out, and the
 * timeout's default filled in: what every page of one call has in common.
 */
function pageInvariant(envelope: unknown): unknown {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return envelope
  const { limits, ...rest } = envelope as Record<string, unknown>
  const timeout = (limits as { statement_timeout_ms?: unknown } | undefined)?.statement_timeout_ms
  return { ...rest, limits: { statement_timeout_ms: timeout ?? DEFAULT_LIMITS.statement_timeout_ms } }
}

function commonProblems(request: RecordedRequest, path: string, where: string): string[] {
  const problems: string[] = []
  if (request.method !== 'POST') problems.push(`${where}: method ${request.method}, expected POST`)
  if (request.path !== path) problems.push(`${where}: path ${request.path}, expected ${path}`)
  if (request.headers.authorization !== `Bearer ${CLIENT_SUITE_TOKEN}`) {
    problems.push(`${where}: authorization ${JSON.stringify(request.headers.authorization ?? null)}, expected "Bearer ${CLIENT_SUITE_TOKEN}"`)
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    problems.push(`${where}: content-type ${JSON.stringify(request.headers['content-type'] ?? null)}, expected application/json`)
  }
  return problems
}

/**
 * The protocol's rules for every execute request, whatever the case expects:
 * a POST to the family's execute route with the bearer token and a JSON body
 * that is a valid envelope, equal to the command's envelope except
 * `limits.offset` and `limits.max_rows` (pagination changes only those), and
 * the caller's idempotency key when there is one.
 */
export function executeRequestProblems(command: ClientExecuteCommand, request: RecordedRequest, where: string): string[] {
  const problems = commonProblems(request, ROUTES[command.routes].executeOperation, where)
  const body = parsedBody(request)
  if (body === undefined) return [...problems, `${where}: the body is not JSON`]
  const result = validateOperation(body.value)
  if (!result.ok) problems.push(`${where}: the body is not a valid envelope: ${result.errors.map((e) => `${e.code} at ${e.instancePath || '(root)'}`).join(', ')}`)
  const drift = exactMismatch(pageInvariant(command.envelope), pageInvariant(body.value), 'envelope')
  if (drift !== undefined) problems.push(`${where}: the body is not the command's envelope (limits.offset and limits.max_rows aside): ${drift}`)
  const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]
  if (command.idempotency_key !== undefined && key !== command.idempotency_key) {
    problems.push(`${where}: ${IDEMPOTENCY_KEY_HEADER} ${JSON.stringify(key ?? null)}, expected ${JSON.stringify(command.idempotency_key)}`)
  }
  return problems
}

/** The protocol's rules for every run_query request: a POST to the family's route for the MetaTable, whose body is the SQL as a JSON string. */
export function runQueryRequestProblems(command: ClientRunQueryCommand, request: RecordedRequest, where: string): string[] {
  const problems = commonProblems(request, ROUTES[command.routes].runQuery(command.meta_table_uid), where)
  const body = parsedBody(request)
  if (body === undefined) return [...problems, `${where}: the body is not JSON`]
  if (!validateRunQueryRequest(body.value).ok) problems.push(`${where}: the body is not a JSON string (run_query takes the SQL as a string literal)`)
  else if (body.value !== command.sql) problems.push(`${where}: the body is ${JSON.stringify(body.value)}, expected the command's SQL ${JSON.stringify(command.sql)}`)
  return problems
}
