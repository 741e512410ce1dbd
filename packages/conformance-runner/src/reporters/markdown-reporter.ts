import type { CaseResult, ConformanceReport } from '@compiled-sql/protocol'
import { formatPassRate } from '../report/pass-rate.js'
import { shortDiff } from './line-diff.js'
import { codeBlock, escapeMarkdown, inlineCode } from './markdown-text.js'

/** Options of {@link formatMarkdownReport}. */
export interface MarkdownOptions {
  /** Case descriptions by id (see `readCaseDescriptions`); a failure without one shows its id only. */
  readonly descriptions?: ReadonlyMap<string, string>
  /** Failures shown in full; the rest are listed by id, so that a broken run keeps the summary small (default 50). */
  readonly maxDetailedFailures?: number
}

function totals(report: ConformanceReport): string[] {
  const { summary } = report
  return [
    '| cases | passed | failed | known failures | skipped | stale baseline entries | pass rate |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${summary.total} | ${summary.passed} | ${summary.failed} | ${summary.known_failures} | ${summary.skipped} | ${report.stale_known_failures.length} | ${formatPassRate(summary)} |`,
  ]
}

function failureDetail(result: CaseResult, description: string | undefined): string[] {
  const lines = [`#### ${inlineCode(result.id)}`, '']
  if (description !== undefined) lines.push(escapeMarkdown(description), '')
  const where = result.path === undefined ? '' : `${inlineCode(result.path)}: `
  lines.push(`${where}${escapeMarkdown(result.failure?.message ?? 'failed')}`, '')
  const { expected, actual, request, response } = result.failure ?? {}
  if (expected !== undefined || actual !== undefined) lines.push(...codeBlock('diff', ['--- expected', '+++ actual', ...shortDiff(expected, actual)]), '')
  if (request !== undefined || response !== undefined) {
    const exchange = JSON.stringify({ request, response }, null, 2).split('\n')
    lines.push('<details><summary>request and response</summary>', '', ...codeBlock('json', exchange), '', '</details>', '')
  }
  return lines
}

function failures(failed: readonly CaseResult[], options: MarkdownOptions): string[] {
  if (failed.length === 0) return []
  const limit = options.maxDetailedFailures ?? 50
  const lines = [`### Failures (${failed.length})`, '']
  for (const result of failed.slice(0, limit)) lines.push(...failureDetail(result, options.descriptions?.get(result.id)))
  const rest = failed.slice(limit)
  if (rest.length > 0) lines.push(`And ${rest.length} more: ${rest.map((result) => inlineCode(result.id)).join(', ')}.`, '')
  return lines
}

function knownFailures(known: readonly CaseResult[], options: MarkdownOptions): string[] {
  if (known.length === 0) return []
  const rows = known.map((result) => {
    const description = options.descriptions?.get(result.id)
    const what = [description, result.failure?.message].filter((text) => text !== undefined).map((text) => escapeMarkdown(text as string))
    return `| ${inlineCode(result.id)} | ${escapeMarkdown(result.reason ?? '')} | ${what.join(' — ')} |`
  })
  return [`### Known failures (${known.length})`, '', 'Listed in the baseline: they do not fail the run.', '', '| case | reason | what fails |', '|---|---|---|', ...rows, '']
}

function skipped(skips: readonly CaseResult[]): string[] {
  if (skips.length === 0) return []
  const rows = skips.map((result) => `| ${inlineCode(result.id)} | ${escapeMarkdown(result.reason ?? '')} |`)
  return [`<details><summary>Skipped (${skips.length})</summary>`, '', '| case | reason |', '|---|---|', ...rows, '', '</details>', '']
}

function stale(ids: readonly string[]): string[] {
  if (ids.length === 0) return []
  return ['### Stale baseline entries', '', 'They passed, or no case has them: remove them from the baseline.', '', ...ids.map((id) => `- ${inlineCode(id)}`), '']
}

/**
 * The report as a Markdown CI summary (for `$GITHUB_STEP_SUMMARY`): a
 * heading with the verdict, a totals table, then failures (each with its id,
 * description, message, a short expected/actual diff and the request and
 * response), known failures apart from them, skips and stale baseline entries.
 * Nothing in it depends on timing, so two runs with the same outcome match.
 */
export function formatMarkdownReport(report: ConformanceReport, options: MarkdownOptions = {}): string {
  const { implementation } = report
  const verdict = report.exit_code === 0 ? '✅' : '❌'
  const title = `## ${verdict} ${report.protocol} ${inlineCode(report.suite)} · ${escapeMarkdown(`${implementation.name} ${implementation.version} (${implementation.language})`)}`
  const byStatus = (status: CaseResult['status']) => report.cases.filter((result) => result.status === status)
  const lines = [title, '', ...totals(report), '']
  lines.push(...failures(byStatus('failed'), options), ...knownFailures(byStatus('known_failure'), options))
  lines.push(...skipped(byStatus('skipped')), ...stale(report.stale_known_failures))
  lines.push(`Exit code ${report.exit_code}.`)
  return `${lines.join('\n')}\n`
}
