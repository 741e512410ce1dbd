import { validateOperation, type ClientCase } from '@compiled-sql/protocol'
import { unrollScript } from './client-case.js'

/** The longest `Retry-After` a script may ask for, in seconds: a conforming client waits it out in every retry. */
export const MAX_SCRIPT_RETRY_AFTER_SECONDS = 1

/**
 * What the schema cannot say about a client case: a command that talks to
 * the server has a script and a build has none, an execute envelope is valid,
 * a response has one body, `Retry-After` stays short, and the request counts
 * agree with each other and with the script. Returns one message per problem.
 */
export function clientCaseProblems(fixture: ClientCase): string[] {
  const problems: string[] = []
  const { command, expect } = fixture
  if (command.type === 'build') {
    if (fixture.script !== undefined) problems.push('a build case has no script: it sends nothing')
    const wire = ['requests', 'request_count', 'request_count_min', 'request_count_max', 'every_request', 'same_body'] as const
    for (const key of wire) if (expect[key] !== undefined) problems.push(`a build case sends nothing, so expect.${key} cannot hold`)
    return problems
  }
  if (fixture.script === undefined) problems.push(`a ${command.type} case needs a script`)
  if (command.type === 'execute') {
    const result = validateOperation(command.envelope)
    if (!result.ok) problems.push(`command.envelope is not a valid envelope: ${result.errors.map((e) => `${e.code} at ${e.instancePath || '(root)'}`).join(', ')}`)
  }
  for (const [index, step] of (fixture.script ?? []).entries()) {
    if ('status' in step && step.json !== undefined && step.body_text !== undefined) problems.push(`script[${index}] has both json and body_text`)
    const retryAfter = 'status' in step ? step.headers?.['retry-after'] : undefined
    if (retryAfter !== undefined && !(/^[0-9]+$/.test(retryAfter) && Number(retryAfter) <= MAX_SCRIPT_RETRY_AFTER_SECONDS)) {
      problems.push(`script[${index}] has retry-after ${JSON.stringify(retryAfter)}; scripts use 0 to ${MAX_SCRIPT_RETRY_AFTER_SECONDS} seconds`)
    }
  }
  problems.push(...countProblems(fixture))
  return problems
}

function countProblems(fixture: ClientCase): string[] {
  const { request_count: exact, request_count_min: min, request_count_max: max, requests } = fixture.expect
  const scripted = unrollScript(fixture.script).length
  const problems: string[] = []
  if (exact !== undefined && (min !== undefined || max !== undefined)) problems.push('expect.request_count excludes request_count_min and request_count_max')
  if (min !== undefined && max !== undefined && min > max) problems.push('expect.request_count_min exceeds request_count_max')
  const most = exact ?? max ?? (min === undefined ? (requests?.length ?? scripted) : undefined)
  if (most !== undefined && most > scripted) problems.push(`the script answers ${scripted} request(s), but the case allows ${most}`)
  if (most !== undefined && requests !== undefined && requests.length > most) problems.push(`expect.requests lists ${requests.length} requests, but at most ${most} arrive`)
  return problems
}
