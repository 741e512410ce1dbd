import type { CaseResult, ConformanceReport } from '@compiled-sql/protocol'
import { groupOf } from '../case-id.js'

/** Options of {@link formatPrettyReport}. */
export interface PrettyOptions {
  /** Whether to use ANSI colours (for a terminal). */
  readonly color?: boolean
}

type Paint = (text: string) => string

function painter(color: boolean, code: number): Paint {
  return color ? (text) => `\u001b[${code}m${text}\u001b[0m` : (text) => text
}

function groupLines(cases: readonly CaseResult[], paint: Record<'green' | 'red' | 'dim', Paint>): string[] {
  const groups = new Map<string, CaseResult[]>()
  for (const result of cases) groups.set(groupOf(result.id), [...(groups.get(groupOf(result.id)) ?? []), result])
  const width = Math.max(0, ...[...groups.keys()].map((name) => name.length))
  return [...groups].map(([name, results]) => {
    const failed = results.filter((result) => result.status === 'failed').length
    const passed = results.filter((result) => result.status === 'passed').length
    const mark = failed > 0 ? paint.red('✗') : paint.green('✓')
    const others = results.length - passed - failed
    return `  ${mark} ${name.padEnd(width)}  ${passed}/${results.length} passed${failed > 0 ? paint.red(`, ${failed} failed`) : ''}${others > 0 ? paint.dim(`, ${others} known or skipped`) : ''}`
  })
}

function failureLines(result: CaseResult): string[] {
  const lines = [`  ✗ ${result.id}${result.path === undefined ? '' : `  (${result.path})`}`]
  if (result.failure !== undefined) {
    lines.push(`      ${result.failure.message}`)
    const actual = result.failure.actual as { issues?: Array<{ code: string; instancePath: string }> } | undefined
    if (actual?.issues !== undefined && actual.issues.length > 0) {
      lines.push(`      reported: ${actual.issues.map((issue) => `${issue.code} at ${issue.instancePath || '(root)'}`).join(', ')}`)
    }
  }
  return lines
}

/**
 * A human summary of a report: one line per group, the details of every
 * failure, known failures, skips and stale baseline entries, then the counts.
 */
export function formatPrettyReport(report: ConformanceReport, options: PrettyOptions = {}): string {
  const color = options.color ?? false
  const paint = { green: painter(color, 32), red: painter(color, 31), yellow: painter(color, 33), dim: painter(color, 2), bold: painter(color, 1) }
  const { implementation, summary } = report
  const lines = [paint.bold(`${report.protocol} ${report.suite} · ${implementation.name} ${implementation.version} (${implementation.language})`), '']
  lines.push(...groupLines(report.cases, paint))
  const failed = report.cases.filter((result) => result.status === 'failed')
  if (failed.length > 0) lines.push('', paint.red('Failures:'), ...failed.flatMap(failureLines))
  const known = report.cases.filter((result) => result.status === 'known_failure')
  if (known.length > 0) lines.push('', paint.yellow('Known failures:'), ...known.map((result) => `  ~ ${result.id} — ${result.reason ?? ''}`))
  const skipped = report.cases.filter((result) => result.status === 'skipped')
  if (skipped.length > 0) lines.push('', paint.dim('Skipped:'), ...skipped.map((result) => `  - ${result.id} — ${result.reason ?? ''}`))
  if (report.stale_known_failures.length > 0) {
    lines.push('', paint.red('Stale known-failure entries (they passed or no case has them; remove them from the baseline):'))
    lines.push(...report.stale_known_failures.map((id) => `  ! ${id}`))
  }
  const counts = [
    paint.green(`${summary.passed} passed`),
    summary.failed > 0 ? paint.red(`${summary.failed} failed`) : `${summary.failed} failed`,
    `${summary.known_failures} known failures`,
    `${summary.skipped} skipped`,
  ]
  lines.push('', `${summary.total} cases: ${counts.join(', ')} in ${Math.round(report.duration_ms)} ms (exit code ${report.exit_code})`)
  return `${lines.join('\n')}\n`
}
