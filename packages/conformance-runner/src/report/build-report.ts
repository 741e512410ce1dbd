import type { CaseResult, ConformanceReport, Implementation } from '@compiled-sql/protocol'
import type { SuiteName } from '../adapter-messages.js'
import type { KnownFailures } from '../baseline.js'
import { EXIT_CODES } from '../exit-codes.js'
import type { CaseOutcome } from './case-verdict.js'

/** Everything a report is made of. */
export interface ReportInput {
  readonly suite: SuiteName
  readonly implementation: Implementation
  readonly startedAt: Date
  readonly durationMs: number
  /** The selected cases, in corpus order. */
  readonly outcomes: readonly CaseOutcome[]
  readonly knownFailures: KnownFailures
  /** Every id in the corpus, selected or not: a baseline entry for an unselected case is not stale. */
  readonly corpusIds: ReadonlySet<string>
}

/** Rounds a duration to microseconds, which is all the precision a report needs. */
function milliseconds(value: number): number {
  return Math.max(0, Math.round(value * 1000) / 1000)
}

/**
 * Applies the baseline and counts. A failure listed in the baseline becomes a
 * `known_failure` (keeping its details); a listed case that passed, or a
 * listed id the corpus does not have, is stale. The exit code is 1 when a case
 * failed, else 2 when an entry is stale, else 0: a regression outranks a
 * baseline that needs tidying.
 */
export function buildReport(input: ReportInput): ConformanceReport {
  const stale = [...input.knownFailures.keys()].filter((id) => !input.corpusIds.has(id))
  const cases: CaseResult[] = input.outcomes.map((outcome) => {
    const base = { id: outcome.id, ...(outcome.path === undefined ? {} : { path: outcome.path }), duration_ms: milliseconds(outcome.durationMs) }
    const known = input.knownFailures.get(outcome.id)
    const { verdict } = outcome
    switch (verdict.status) {
      case 'passed':
        if (known !== undefined) stale.push(outcome.id)
        return { ...base, status: 'passed' }
      case 'skipped':
        return { ...base, status: 'skipped', reason: verdict.reason }
      case 'failed':
        return known === undefined
          ? { ...base, status: 'failed', failure: verdict.failure }
          : { ...base, status: 'known_failure', reason: known, failure: verdict.failure }
    }
  })
  const count = (status: CaseResult['status']) => cases.filter((result) => result.status === status).length
  const summary = {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    known_failures: count('known_failure'),
    skipped: count('skipped'),
  }
  const exitCode = summary.failed > 0 ? EXIT_CODES.failed : stale.length > 0 ? EXIT_CODES.staleKnownFailure : EXIT_CODES.passed
  return {
    format: 'compiled-sql.conformance-report.v1',
    protocol: 'compiled-sql.v1',
    suite: input.suite,
    implementation: input.implementation,
    started_at: input.startedAt.toISOString(),
    duration_ms: milliseconds(input.durationMs),
    summary,
    stale_known_failures: stale.sort(),
    cases,
    exit_code: exitCode,
  }
}
