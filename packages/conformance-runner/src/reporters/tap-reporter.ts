import type { CaseResult, ConformanceReport } from '@compiled-sql/protocol'
import { toYamlLines } from './yaml.js'

/** A TAP description or directive text on one line, with `#` and `\` escaped as TAP 14 asks. */
function tapText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\#]/g, (char) => `\\${char}`)
}

/** The YAML diagnostic of a case that did not pass, holding what a reader needs to reproduce it. */
function diagnostic(result: CaseResult): Record<string, unknown> | undefined {
  if (result.failure === undefined) return undefined
  const { message, ...details } = result.failure
  return {
    message,
    severity: result.status === 'failed' ? 'fail' : 'todo',
    ...(result.path === undefined ? {} : { path: result.path }),
    ...details,
  }
}

function testPoint(result: CaseResult, number: number): string[] {
  const ok = result.status === 'failed' || result.status === 'known_failure' ? 'not ok' : 'ok'
  const directive =
    result.status === 'known_failure'
      ? ` # TODO ${tapText(`known failure: ${result.reason ?? ''}`)}`
      : result.status === 'skipped'
        ? ` # SKIP ${tapText(result.reason ?? '')}`
        : ''
  const line = `${ok} ${number} - ${tapText(result.id)}${directive}`
  const yaml = diagnostic(result)
  return yaml === undefined ? [line] : [line, '  ---', ...toYamlLines(yaml, '  '), '  ...']
}

/**
 * The report as TAP version 14: one test point per case, in corpus order.
 * A known failure is `not ok … # TODO`, a skipped case `ok … # SKIP`, and
 * every case that did not pass carries a YAML diagnostic with the message,
 * expected and actual values, and the request and response the report kept.
 * Stale baseline entries fail the run (exit code 2), so they get a failing
 * test point of their own after the cases.
 */
export function formatTapReport(report: ConformanceReport): string {
  const { implementation } = report
  const points = report.cases.flatMap((result, index) => testPoint(result, index + 1))
  const stale = report.stale_known_failures
  const lines = ['TAP version 14', `# ${report.protocol} ${report.suite} · ${implementation.name} ${implementation.version} (${implementation.language})`]
  lines.push(`1..${report.cases.length + (stale.length > 0 ? 1 : 0)}`, ...points)
  if (stale.length > 0) {
    lines.push(`not ok ${report.cases.length + 1} - stale known-failure entries`, '  ---')
    lines.push(...toYamlLines({ message: 'these baseline entries passed, or no case has them: remove them', ids: stale }, '  '), '  ...')
  }
  const { summary } = report
  lines.push(`# ${summary.total} cases: ${summary.passed} passed, ${summary.failed} failed, ${summary.known_failures} known failures, ${summary.skipped} skipped (exit code ${report.exit_code})`)
  return `${lines.join('\n')}\n`
}
