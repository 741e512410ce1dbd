import type { ServerCase } from '@compiled-sql/protocol'
import { caseSteps, MAIN_STEP, type CaseStep } from './case-steps.js'
import type { ServerWorld } from './server-world.js'

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stepProblems(step: CaseStep, earlier: ReadonlySet<string>, world: ServerWorld): string[] {
  const problems: string[] = []
  const { request, expect } = step
  const bodies = (['json', 'body_text', 'body_base64'] as const).filter((key) => key in request)
  if (bodies.length > 1) problems.push(`has more than one body (${bodies.join(', ')})`)
  if (request.pad_bytes !== undefined && bodies.length === 0) problems.push('pads a request that has no body')
  // HTTP/1.1 carries these bytes as they are; anything else would make the runner, not the server, fail.
  if (!/^\/[\x21-\x7e]*$/.test(request.path)) problems.push('has a path that is not visible ASCII (percent-encode it)')
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== null && !/^[\t\x20-\x7e]*$/.test(value)) problems.push(`sends header ${name} with characters HTTP does not carry`)
  }
  if (typeof step.caller === 'string' && !world.tokens.has(step.caller)) problems.push(`names caller ${step.caller}, which the world does not have`)
  if (expect.code !== undefined && expect.codes !== undefined) problems.push('has both code and codes')
  if (expect.codes !== undefined && new Set(expect.codes).size !== expect.codes.length) problems.push('lists a code twice in codes')
  if (step.followPages && !isObject(request.json)) problems.push('follows pages of a request whose body is not a json object')
  if (expect.pages !== undefined && !step.followPages) problems.push('expects pages without follow_pages')
  if (expect.same_body_as !== undefined && !earlier.has(expect.same_body_as)) problems.push(`is compared with ${expect.same_body_as}, which is no earlier step`)
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    try {
      new RegExp(pattern)
    } catch {
      problems.push(`expects header ${name} to match ${pattern}, which is not a regular expression`)
    }
  }
  return problems.map((problem) => `step ${step.name} ${problem}`)
}

/**
 * What the schema cannot say about a case: one body per request, a path and
 * header values HTTP can carry as they are, a caller
 * the world has, `code` or `codes` but not both, `follow_pages` only on a JSON
 * envelope, step names unique (`main` reserved) and `same_body_as` naming an
 * earlier step, header patterns that compile.
 */
export function caseProblems(serverCase: ServerCase, world: ServerWorld): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const step of caseSteps(serverCase)) {
    problems.push(...stepProblems(step, seen, world))
    if (seen.has(step.name)) problems.push(`step name ${step.name} is used twice`)
    seen.add(step.name)
  }
  const named = [...(serverCase.setup ?? []), ...(serverCase.then ?? [])]
  if (named.some((step) => step.name === MAIN_STEP)) problems.push(`a step is named ${MAIN_STEP}, which names the main exchange`)
  return problems
}
