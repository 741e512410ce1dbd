import type { CaseResult, ConformanceReport } from '@compiled-sql/protocol'
import { groupOf } from '../case-id.js'
import { escapeXml } from './xml.js'

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3)
}

function testcase(report: ConformanceReport, result: CaseResult): string {
  const attributes = [
    `classname="${escapeXml(`${report.suite}.${groupOf(result.id)}`)}"`,
    `name="${escapeXml(result.id)}"`,
    `time="${seconds(result.duration_ms)}"`,
    ...(result.path === undefined ? [] : [`file="${escapeXml(result.path)}"`]),
  ].join(' ')
  switch (result.status) {
    case 'passed':
      return `    <testcase ${attributes}/>`
    case 'skipped':
      return `    <testcase ${attributes}>\n      <skipped message="${escapeXml(result.reason ?? '')}"/>\n    </testcase>`
    case 'known_failure':
      // CI dashboards treat a known failure as neither a pass nor a regression.
      return `    <testcase ${attributes}>\n      <skipped message="${escapeXml(`known failure: ${result.reason ?? ''}`)}"/>\n    </testcase>`
    case 'failed': {
      const message = result.failure?.message ?? 'failed'
      const details = JSON.stringify(result.failure ?? {}, null, 2)
      return `    <testcase ${attributes}>\n      <failure message="${escapeXml(message)}" type="conformance">${escapeXml(details)}</failure>\n    </testcase>`
    }
  }
}

/**
 * The report as JUnit XML: one `<testsuite>` for the run, one `<testcase>` per
 * case (`classname` = suite and group, `name` = case id). Known failures and
 * skips are `<skipped>`; stale baseline entries are listed in `<system-err>`.
 */
export function formatJunitReport(report: ConformanceReport): string {
  const { summary, implementation } = report
  const name = `compiled-sql ${report.suite} (${implementation.name} ${implementation.version})`
  const counts = `tests="${summary.total}" failures="${summary.failed}" errors="0" skipped="${summary.skipped + summary.known_failures}" time="${seconds(report.duration_ms)}"`
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(name)}" ${counts}>`,
    `  <testsuite name="${escapeXml(name)}" ${counts} timestamp="${escapeXml(report.started_at)}">`,
    '    <properties>',
    `      <property name="implementation.language" value="${escapeXml(implementation.language)}"/>`,
    `      <property name="exit_code" value="${report.exit_code}"/>`,
    '    </properties>',
    ...report.cases.map((result) => testcase(report, result)),
  ]
  if (report.stale_known_failures.length > 0) {
    const text = `stale known-failure entries: ${report.stale_known_failures.join(', ')}`
    lines.push(`    <system-err>${escapeXml(text)}</system-err>`)
  }
  lines.push('  </testsuite>', '</testsuites>')
  return `${lines.join('\n')}\n`
}
