import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { IMPLEMENTATIONS, renderMatrix } from '../scripts/matrix-table.js'
import { buildReport } from '../src/report/build-report.js'
import type { CaseOutcome } from '../src/report/case-verdict.js'
import { REPO } from './support/cli.js'
import { tempDir } from './support/fixtures.js'

const TSX = join(REPO, 'node_modules/.bin/tsx')
const SCRIPT = join(REPO, 'packages/conformance-runner/scripts/matrix.ts')

/** A real report from `buildReport`: `passed` passing cases, one failure, one known failure, one skip. */
function report(suite: ConformanceReport['suite'], passed: number, durationMs: number): ConformanceReport {
  const outcomes: CaseOutcome[] = [
    ...Array.from({ length: passed }, (_, index): CaseOutcome => ({ id: `group.pass-${index}`, durationMs, verdict: { status: 'passed' } })),
    { id: 'group.broken', durationMs, verdict: { status: 'failed', failure: { message: 'no' } } },
    { id: 'group.known', durationMs, verdict: { status: 'failed', failure: { message: 'no' } } },
    { id: 'group.declined', durationMs, verdict: { status: 'skipped', reason: 'unsupported' } },
  ]
  return buildReport({
    suite,
    implementation: { name: 'impl', version: String(durationMs), language: 'cobol' },
    startedAt: new Date(durationMs),
    durationMs,
    outcomes,
    knownFailures: new Map([['group.known', 'tracked']]),
    corpusIds: new Set(outcomes.map((outcome) => outcome.id)),
  })
}

function reportsDir(durationMs: number, passed = 7): string {
  const dir = tempDir('reports-')
  for (const implementation of IMPLEMENTATIONS) writeFileSync(join(dir, implementation.report), JSON.stringify(report(implementation.suite, passed, durationMs)))
  return dir
}

function matrix(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [SCRIPT, ...args], (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }))
  })
}

describe('pass-rate matrix', () => {
  it('has one row per implementation with the counts of its report and the pass rate over all cases', () => {
    const text = renderMatrix(IMPLEMENTATIONS.map((implementation) => ({ implementation, report: report(implementation.suite, 7, 1) })))
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| implementation'))
    expect(rows).toHaveLength(IMPLEMENTATIONS.length)
    for (const [index, implementation] of IMPLEMENTATIONS.entries()) {
      // 10 cases: 7 passed, 1 failed, 1 known failure, 1 skipped → 70.0%.
      expect(rows[index]).toBe(`| ${implementation.label} | cobol | \`${implementation.suite}\` | 10 | 7 | 1 | 1 | 1 | 70.0% |`)
    }
  })

  it('does not change with timing, dates or versions, only with results', () => {
    const render = (durationMs: number, passed: number) =>
      renderMatrix(IMPLEMENTATIONS.map((implementation) => ({ implementation, report: report(implementation.suite, passed, durationMs) })))
    expect(render(1, 7)).toBe(render(98765, 7))
    expect(render(1, 7)).not.toBe(render(1, 8))
  })

  it('writes the page, then --check passes on it and fails (exit 1, saying how to regenerate) once a result changes', async () => {
    const out = join(tempDir(), 'matrix.md')
    expect((await matrix(['--reports', reportsDir(5), '--out', out])).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('| 10 | 7 | 1 | 1 | 1 | 70.0% |')
    expect((await matrix(['--reports', reportsDir(99), '--out', out, '--check'])).code).toBe(0)
    const stale = await matrix(['--reports', reportsDir(5, 8), '--out', out, '--check'])
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain('npm run matrix -w @compiled-sql/conformance-runner')
  })

  it('refuses a missing or invalid report (exit 64), naming the script that writes it', async () => {
    const empty = tempDir('reports-')
    const missing = await matrix(['--reports', empty, '--out', join(empty, 'matrix.md')])
    expect(missing.code).toBe(64)
    expect(missing.stderr).toContain(`npm run ${IMPLEMENTATIONS[0]?.script ?? ''} `)
    const dir = reportsDir(1)
    writeFileSync(join(dir, IMPLEMENTATIONS[0]?.report ?? ''), JSON.stringify({ format: 'something else' }))
    const invalid = await matrix(['--reports', dir, '--out', join(dir, 'matrix.md')])
    expect(invalid.code).toBe(64)
    expect(invalid.stderr).toContain('is not a conformance report')
  })
})
