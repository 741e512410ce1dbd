import type { ServerExpectation } from '@compiled-sql/protocol'
import { canonicalDecimal } from './decimal.js'
import { isJsonNumber } from './exact-json.js'
import { canonicalText, describeJson, exactMismatch, subsetMismatch } from './match-json.js'
import type { RouteKind } from './route-kind.js'

/** What a step observed: one response, or the merged result of a page walk. */
export interface Observation {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  /** The body read exactly, or undefined when it is not JSON. */
  readonly body: unknown
  /** The body as text, for `text_excludes`. */
  readonly text: string
  readonly route: RouteKind
  /** With `follow_pages`: the `[offset, max_rows]` of every request sent. */
  readonly pages?: readonly (readonly [number, number])[]
}

type Json = Record<string, unknown>

function member(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json)[key] : undefined
}

function errorCode(body: unknown): unknown {
  return member(member(body, 'error'), 'code')
}

function statusProblems(expect: ServerExpectation, observed: Observation): string[] {
  const allowed = Array.isArray(expect.status) ? expect.status : [expect.status]
  const problems = allowed.includes(observed.status) ? [] : [`status ${observed.status}, expected ${allowed.join(' or ')}`]
  const codes = expect.code !== undefined ? [expect.code] : (expect.codes ?? [])
  const code = errorCode(observed.body)
  if (codes.length > 0 && !codes.includes(code as never)) problems.push(`error code ${describeJson(code ?? null)}, expected ${codes.join(' or ')}`)
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const value = observed.headers[name]
    if (value === undefined || !new RegExp(pattern).test(value)) problems.push(`header ${name} is ${value === undefined ? 'missing' : JSON.stringify(value)}, expected to match ${pattern}`)
  }
  return problems
}

function rowProblems(expect: ServerExpectation, rows: unknown): string[] {
  const problems: string[] = []
  if (expect.rows !== undefined) {
    const problem = exactMismatch(expect.rows, rows, 'rows')
    if (problem !== undefined) problems.push(problem)
  }
  if (expect.rows_unordered !== undefined) {
    const sorted = (value: unknown) => (Array.isArray(value) ? value.map(canonicalText).sort() : value)
    const problem = exactMismatch(sorted(expect.rows_unordered), sorted(rows), 'rows (in any order)')
    if (problem !== undefined) problems.push(problem)
  }
  const present = new Set(Array.isArray(rows) ? rows.map(canonicalText) : [])
  for (const row of expect.rows_include ?? []) if (!present.has(canonicalText(row))) problems.push(`rows lack ${describeJson(row)}`)
  return problems
}

function numberIs(actual: unknown, expected: number): boolean {
  return isJsonNumber(actual) && canonicalDecimal(actual) === String(expected)
}

/**
 * Every way an observation misses its expectation (empty when it meets it):
 * status and error code, headers, the body as a subset, validation issues,
 * `row_count`, rows (exact, in any order, or included), `columns`,
 * `truncated`, `pagination` as a subset, the pages sent, and text the body
 * must not contain.
 */
export function expectationProblems(expect: ServerExpectation, observed: Observation): string[] {
  const { body } = observed
  const problems = statusProblems(expect, observed)
  const check = (problem: string | undefined) => (problem === undefined ? undefined : problems.push(problem))
  if ('body' in expect) check(subsetMismatch(expect.body, body, 'body'))
  const issues = member(member(member(body, 'error'), 'details'), 'issues')
  for (const want of expect.issues ?? []) {
    const found = Array.isArray(issues) && issues.some((got) => member(got, 'code') === want.code && member(got, 'instancePath') === want.instancePath)
    if (!found) problems.push(`error.details.issues lack ${want.code} at ${want.instancePath || '(root)'}`)
  }
  if (expect.row_count !== undefined && !numberIs(member(body, 'row_count'), expect.row_count)) {
    problems.push(`row_count ${describeJson(member(body, 'row_count') ?? null)}, expected ${expect.row_count}`)
  }
  problems.push(...rowProblems(expect, member(body, observed.route === 'run_query' ? 'results' : 'rows')))
  if (expect.columns !== undefined) check(exactMismatch(expect.columns, member(body, 'columns'), 'columns'))
  if (expect.truncated !== undefined && member(body, 'truncated') !== expect.truncated) problems.push(`truncated ${describeJson(member(body, 'truncated') ?? null)}, expected ${String(expect.truncated)}`)
  if (expect.pagination !== undefined) check(subsetMismatch(expect.pagination, member(body, 'pagination'), 'pagination'))
  if (expect.pages !== undefined) check(exactMismatch(expect.pages, observed.pages ?? [], 'pages'))
  for (const text of expect.text_excludes ?? []) if (observed.text.includes(text)) problems.push(`the body contains ${JSON.stringify(text)}`)
  return problems
}

/** A body without its `request_id`, which differs on every response: for `same_body_as`. */
export function withoutRequestId(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const { request_id: _, ...rest } = body as Json
  return rest
}
