import type { AdapterFailure, AdapterOutcome, AdapterSkip } from '@compiled-sql/protocol'
import type { CaseVerdict } from '../report/case-verdict.js'
import type { LoadedClientCase } from './client-case.js'
import type { ClientAdapterRequest } from './client-requests.js'
import { outcomeProblems } from './outcome-expectations.js'
import type { RecordedRequest } from './recorded-request.js'
import { expectationProblems } from './request-expectations.js'
import { executeRequestProblems, runQueryRequestProblems } from './request-rules.js'

/** Every problem with the requests the client sent: the protocol's rules for each, then the case's expectations. */
function requestProblems(clientCase: LoadedClientCase, requests: readonly RecordedRequest[]): string[] {
  const { command, expect } = clientCase.fixture
  const problems: string[] = []
  requests.forEach((request, index) => {
    const where = `request ${index + 1}`
    if (command.type === 'execute') problems.push(...executeRequestProblems(command, request, where))
    if (command.type === 'run_query') problems.push(...runQueryRequestProblems(command, request, where))
  })
  if (command.type !== 'build') problems.push(...expectationProblems(expect, clientCase.steps.length, requests))
  return problems
}

/**
 * Judges one client case: the adapter's answer, the requests the recording
 * server saw, and the outcome. A failure keeps all three, so that it can be
 * understood from the report alone.
 */
export function evaluateClientCase(
  clientCase: LoadedClientCase,
  request: ClientAdapterRequest,
  response: AdapterOutcome | AdapterSkip | AdapterFailure,
  requests: readonly RecordedRequest[],
): CaseVerdict {
  if (response.type === 'skip') return { status: 'skipped', reason: response.reason }
  const expected = clientCase.fixture.expect
  const actual = { ...(response.type === 'outcome' ? { outcome: response } : {}), requests }
  const problems =
    response.type === 'error'
      ? [`the adapter could not handle the case: ${response.message}`]
      : [...requestProblems(clientCase, requests), ...outcomeProblems(clientCase.fixture.command, expected.outcome, response)]
  if (problems.length === 0) return { status: 'passed' }
  return { status: 'failed', failure: { message: problems.join('; '), expected, actual, request, response } }
}
