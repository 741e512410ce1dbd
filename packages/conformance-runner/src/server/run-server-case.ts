import type { ServerCase } from '@compiled-sql/protocol'
import type { CaseVerdict } from '../report/case-verdict.js'
import { buildHttpRequest, describeRequest, type RequestContext } from './build-http-request.js'
import { caseSteps, type CaseStep } from './case-steps.js'
import { expectationProblems, withoutRequestId, type Observation } from './check-expectation.js'
import { plainJson } from './exact-json.js'
import { followPages } from './follow-pages.js'
import { sendHttp, TransportError, type HttpRequest, type HttpResponse } from './http-exchange.js'
import { exactMismatch } from './match-json.js'
import { responseRuleProblems } from './response-rules.js'
import { routeKind } from './route-kind.js'

/** Where and how a case runs. */
export interface CaseContext extends RequestContext {
  /** The target's base URL, such as `http://127.0.0.1:8787`. */
  readonly baseUrl: string
  /** How long one request may take, in milliseconds. */
  readonly timeoutMs: number
}

/** One request sent and what came back (or why nothing did). */
interface Exchange {
  readonly request: HttpRequest
  readonly response?: HttpResponse
  readonly error?: string
  readonly status: number
  readonly body: unknown
}

async function exchange(step: CaseStep, request: CaseStep['request'], context: CaseContext): Promise<Exchange> {
  const http = buildHttpRequest(request, step.caller, context)
  try {
    const response = await sendHttp(context.baseUrl, http, context.timeoutMs)
    return { request: http, response, status: response.status, body: response.json }
  } catch (error) {
    if (!(error instanceof TransportError)) throw error
    return { request: http, error: error.message, status: 0, body: undefined }
  }
}

function describeResponse(exchange: Exchange): Record<string, unknown> {
  if (exchange.response === undefined) return { error: exchange.error }
  const { status, headers, text } = exchange.response
  return { status, headers, body: text }
}

/** Runs one step: its exchange (or page walk), the protocol's response rules, then its expectation. */
async function runStep(step: CaseStep, context: CaseContext, bodies: ReadonlyMap<string, unknown>): Promise<{ last: Exchange; observed: Observation; problems: string[] }> {
  const route = routeKind(step.request.path)
  const problems: string[] = []
  const rules = (answer: Exchange) => {
    if (answer.response === undefined) problems.push(`no answer: ${answer.error ?? 'unknown error'}`)
    else problems.push(...responseRuleProblems(answer.response, route))
  }
  let last: Exchange
  let observed: Observation
  if (step.followPages) {
    const walk = await followPages(step.request, (request) => exchange(step, request, context))
    walk.answers.forEach(rules)
    if (walk.problem !== undefined) problems.push(walk.problem)
    last = walk.answers[walk.answers.length - 1]!
    observed = { status: last.status, headers: last.response?.headers ?? {}, body: walk.merged ?? last.body, text: walk.answers.map((a) => a.response?.text ?? '').join('\n'), route, pages: walk.pages }
  } else {
    last = await exchange(step, step.request, context)
    rules(last)
    observed = { status: last.status, headers: last.response?.headers ?? {}, body: last.body, text: last.response?.text ?? '', route }
  }
  if (last.response !== undefined) problems.push(...expectationProblems(step.expect, observed))
  const same = step.expect.same_body_as
  if (same !== undefined) {
    const problem = exactMismatch(withoutRequestId(bodies.get(same)), withoutRequestId(observed.body), `body (against ${same})`)
    if (problem !== undefined) problems.push(problem)
  }
  return { last, observed, problems }
}

/**
 * Runs a case's steps in order on one target and judges them. The first step
 * that misses fails the case, with its request and response kept so that the
 * failure can be reproduced by hand.
 */
export async function runServerCase(serverCase: ServerCase, context: CaseContext): Promise<CaseVerdict> {
  const bodies = new Map<string, unknown>()
  for (const step of caseSteps(serverCase)) {
    const { last, observed, problems } = await runStep(step, context, bodies)
    if (problems.length > 0) {
      const code = (observed.body as { error?: { code?: unknown } } | undefined)?.error?.code
      return {
        status: 'failed',
        failure: {
          message: `step ${step.name}: ${problems.join('; ')}`,
          expected: plainJson(step.expect),
          actual: plainJson({ status: observed.status, ...(code !== undefined && { code }), ...(observed.pages !== undefined && { pages: observed.pages }) }),
          request: describeRequest(last.request),
          response: describeResponse(last),
        },
      }
    }
    bodies.set(step.name, observed.body)
  }
  return { status: 'passed' }
}
