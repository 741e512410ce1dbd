import type { ReportSummary } from '@compiled-sql/protocol'

/**
 * Passed cases as a share of all selected cases, as text with one decimal
 * (`99.8%`), or `n/a` for an empty run. Known failures and skips count
 * against the rate: it says how much of the corpus an implementation passes.
 */
export function formatPassRate(summary: Pick<ReportSummary, 'total' | 'passed'>): string {
  if (summary.total === 0) return 'n/a'
  // Floor, not round: 502.9 of 503 must not show as 100.0%.
  return `${(Math.floor((summary.passed * 1000) / summary.total) / 10).toFixed(1)}%`
}
