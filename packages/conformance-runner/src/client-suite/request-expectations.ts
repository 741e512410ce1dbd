import { DEFAULT_LIMITS, type ClientExpectation, type ClientExpectedRequest } from '@compiled-sql/protocol'
import { jsonEqual } from '../fixtures/json-equal.js'
import { describeJson } from '../server/match-json.js'
import { parsedBody } from './request-rules.js'
import type { RecordedRequest } from './recorded-request.js'

/** The count a case allows: exact, or a range; by default as many as `requests` lists, else as many as the script answers. */
function countProblem(expect: ClientExpectation, scripted: number, actual: number): string | undefined {
  const exact = expect.request_count ?? (expect.request_count_min === undefined && expect.request_count_max === undefined ? (expect.requests?.length ?? scripted) : undefined)
  if (exact !== undefined) return actual === exact ? undefined : `${actual} request(s) arrived, expected ${exact}`
  const min = expect.request_count_min ?? 0
  const max = expect.request_count_max ?? Number.POSITIVE_INFINITY
  return actual >= min && actual <= max ? undefined : `${actual} request(s) arrived, expected ${min} to ${max === Number.POSITIVE_INFINITY ? 'any number' : max}`
}

function limitsOf(request: RecordedRequest): { offset: unknown; max_rows: unknown } | undefined {
  const body = parsedBody(request)?.value as { limits?: { offset?: unknown; max_rows?: unknown } } | undefined
  if (typeof body !== 'object' || body === null) return undefined
  return { offset: body.limits?.offset ?? DEFAULT_LIMITS.offset, max_rows: body.limits?.max_rows ?? DEFAULT_LIMITS.max_rows }
}

function requestProblems(want: ClientExpectedRequest, requests: readonly RecordedRequest[], index: number, where: string): string[] {
  const request = requests[index] as RecordedRequest
  const problems: string[] = []
  if (want.limits !== undefined) {
    const limits = limitsOf(request)
    for (const key of ['offset', 'max_rows'] as const) {
      const expected = want.limits[key]
      if (expected !== undefined && limits?.[key] !== expected) problems.push(`${where}: limits.${key} ${describeJson(limits?.[key])}, expected ${expected}`)
    }
  }
  for (const [name, expected] of Object.entries(want.headers ?? {})) {
    const actual = request.headers[name]
    if (expected === true && actual === undefined) problems.push(`${where}: header ${name} is absent, expected present`)
    if (expected === false && actual !== undefined) problems.push(`${where}: header ${name} is ${JSON.stringify(actual)}, expected absent`)
    if (typeof expected === 'string' && actual !== expected) problems.push(`${where}: header ${name} is ${JSON.stringify(actual ?? null)}, expected ${JSON.stringify(expected)}`)
  }
  if (want.body_json !== undefined) {
    const body = parsedBody(request)
    if (body === undefined || !jsonEqual(want.body_json, body.value)) problems.push(`${where}: body ${describeJson(request.body)}, expected ${describeJson(want.body_json)}`)
  }
  const previous = requests[index - 1]
  if (want.min_gap_ms !== undefined && previous !== undefined) {
    const gap = request.arrived_ms - previous.arrived_ms
    if (gap < want.min_gap_ms) problems.push(`${where}: arrived ${gap.toFixed(1)} ms after the previous request, expected at least ${want.min_gap_ms} ms (Retry-After)`)
  }
  return problems
}

/**
 * Checks the requests against the case's expectations: how many arrived,
 * that none went beyond the script, each listed request and every request,
 * and identical bodies when `same_body` asks for them.
 */
export function expectationProblems(expect: ClientExpectation, scripted: number, requests: readonly RecordedRequest[]): string[] {
  const problems: string[] = []
  const count = countProblem(expect, scripted, requests.length)
  if (count !== undefined) problems.push(count)
  const unscripted = requests.findIndex((request) => request.answer === 'unscripted')
  if (unscripted >= 0) problems.push(`request ${unscripted + 1} went beyond the script (${scripted} response(s))`)
  for (const [index, want] of (expect.requests ?? []).entries()) {
    if (index < requests.length) problems.push(...requestProblems(want, requests, index, `request ${index + 1}`))
  }
  if (expect.every_request !== undefined) {
    for (let index = 0; index < requests.length; index++) problems.push(...requestProblems(expect.every_request, requests, index, `request ${index + 1}`))
  }
  const first = requests[0]
  if (expect.same_body === true && first !== undefined) {
    const differing = requests.findIndex((request) => request.body !== first.body)
    if (differing >= 0) problems.push(`request ${differing + 1} carries other bytes than request 1; a retry re-sends the same request`)
  }
  return problems
}
