import { validateOperation, type AdapterClientError, type AdapterOutcome, type ClientCommand, type ClientExpectedError, type ClientExpectedOutcome } from '@compiled-sql/protocol'
import { exactMismatch, subsetMismatch, describeJson } from '../server/match-json.js'

function oneOf<T>(allowed: T | readonly T[]): readonly T[] {
  return Array.isArray(allowed) ? allowed : [allowed as T]
}

function describeAllowed(allowed: unknown): string {
  return Array.isArray(allowed) ? `one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}` : JSON.stringify(allowed)
}

/** A build error passes `path` when its own code and path, or one of its issues, name the pointer (with an allowed code). */
function pathProblem(want: ClientExpectedError, error: AdapterClientError): string | undefined {
  if (want.path === undefined) return undefined
  const codes = want.code === undefined ? undefined : oneOf(want.code)
  const named = [{ code: error.code, instancePath: error.path }, ...(error.issues ?? [])]
  if (named.some((issue) => issue.instancePath === want.path && (codes === undefined || codes.includes(issue.code)))) return undefined
  const reported = named.filter((issue) => issue.instancePath !== undefined).map((issue) => `${issue.code} at ${issue.instancePath || '(root)'}`)
  return `error: expected ${codes === undefined ? 'an issue' : describeAllowed(want.code)} at ${want.path || '(root)'}, reported ${reported.join(', ') || 'no path'}`
}

function errorProblems(want: ClientExpectedError, error: AdapterClientError): string[] {
  const problems: string[] = []
  if (!oneOf(want.category).includes(error.category)) problems.push(`error.category ${JSON.stringify(error.category)}, expected ${describeAllowed(want.category)}`)
  // With `path`, the code is checked together with the pointer (the first issue, or any of them).
  if (want.code !== undefined && want.path === undefined && !oneOf(want.code).includes(error.code)) {
    problems.push(`error.code ${JSON.stringify(error.code)}, expected ${describeAllowed(want.code)}`)
  }
  const fields = ['status', 'retryable', 'sqlstate', 'request_id', 'retry_after_ms'] as const
  for (const field of fields) {
    if (want[field] !== undefined && want[field] !== (error[field] ?? null)) problems.push(`error.${field} ${describeJson(error[field] ?? null)}, expected ${describeJson(want[field])}`)
  }
  const path = pathProblem(want, error)
  if (path !== undefined) problems.push(path)
  if (want.message_contains !== undefined && !(error.message ?? '').includes(want.message_contains)) {
    problems.push(`error.message ${JSON.stringify(error.message ?? null)} does not contain ${JSON.stringify(want.message_contains)}`)
  }
  return problems
}

/**
 * Checks the outcome the adapter reported against the case's: returned or
 * raised, the result's pattern (or exact value), the error's fields. A built
 * envelope must also pass `validateOperation`.
 */
export function outcomeProblems(command: ClientCommand, want: ClientExpectedOutcome, outcome: AdapterOutcome): string[] {
  if (want.ok) {
    if (!outcome.ok) return [`the call raised ${outcome.error?.category ?? '?'} ${outcome.error?.code ?? '?'} (${outcome.error?.message ?? 'no message'}), expected it to return`]
    const problems: string[] = []
    if (command.type === 'build') {
      const result = validateOperation(outcome.result)
      if (!result.ok) problems.push(`the built envelope is invalid: ${result.errors.map((e) => `${e.code} at ${e.instancePath || '(root)'}`).join(', ')}`)
    }
    if (want.result !== undefined) {
      const mismatch = want.exact === true ? exactMismatch(want.result, outcome.result, 'result') : subsetMismatch(want.result, outcome.result, 'result')
      if (mismatch !== undefined) problems.push(mismatch)
    }
    return problems
  }
  if (outcome.ok) return [`the call returned ${describeJson(outcome.result)}, expected it to raise ${describeAllowed(want.error.category)}`]
  return outcome.error === undefined ? ['the outcome has no error'] : errorProblems(want.error, outcome.error)
}
