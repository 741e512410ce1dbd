import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateConformanceReport, type ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { parseKnownFailures, UsageError } from '../src/index.js'
import { runCli } from './support/cli.js'
import { fixtureDir, invalidCase, tempDir, validCase, VALID_OPERATION } from './support/fixtures.js'

/** A corpus whose one invalid case expects an issue the TypeScript validators do not report (a wrong pointer). */
function corpusWithOneFailure(): string {
  return fixtureDir([
    validCase('alpha.one'),
    validCase('alpha.two'),
    invalidCase('beta.wrong-pointer', { ...VALID_OPERATION, statement: {} }, [{ code: 'missing_field', instancePath: '/statement' }]),
  ])
}

function baselineFile(value: unknown): string {
  const file = join(tempDir(), 'known-failures.json')
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

async function runWithBaseline(baseline: unknown): Promise<{ code: number; report: ConformanceReport | undefined; stderr: string }> {
  const run = await runCli(['envelopes', '--fixtures', corpusWithOneFailure(), '--known-failures', baselineFile(baseline)])
  return { code: run.code, report: run.stdout === '' ? undefined : (JSON.parse(run.stdout) as ConformanceReport), stderr: run.stderr }
}

describe('the known-failures baseline', () => {
  it('fails the run (1) on a failing case that is not in the baseline', async () => {
    const { code, report } = await runWithBaseline({ known_failures: [] })
    expect(code).toBe(1)
    expect(report?.summary).toMatchObject({ total: 3, passed: 2, failed: 1, known_failures: 0 })
    expect(report?.cases.find((result) => result.id === 'beta.wrong-pointer')?.failure?.message).toContain('missing_field at /statement')
  })

  it('turns a listed failure into a known failure with its reason, and passes (0)', async () => {
    const { code, report } = await runWithBaseline({ known_failures: [{ id: 'beta.wrong-pointer', reason: 'pointer under review' }] })
    expect(code).toBe(0)
    expect(report?.exit_code).toBe(0)
    expect(report?.cases.find((result) => result.id === 'beta.wrong-pointer')).toMatchObject({ status: 'known_failure', reason: 'pointer under review' })
    expect(report?.summary).toMatchObject({ failed: 0, known_failures: 1 })
  })

  it('ends with 2 on an entry whose case passed', async () => {
    const { code, report } = await runWithBaseline({
      known_failures: [
        { id: 'beta.wrong-pointer', reason: 'pointer under review' },
        { id: 'alpha.one', reason: 'fixed since' },
      ],
    })
    expect(code).toBe(2)
    expect(report?.stale_known_failures).toEqual(['alpha.one'])
    expect(validateConformanceReport(report).ok).toBe(true)
  })

  it('ends with 2 on an entry no case has', async () => {
    const { code, report } = await runWithBaseline({
      known_failures: [
        { id: 'beta.wrong-pointer', reason: 'pointer under review' },
        { id: 'gamma.gone', reason: 'deleted case' },
      ],
    })
    expect(code).toBe(2)
    expect(report?.stale_known_failures).toEqual(['gamma.gone'])
  })

  it('does not call an entry stale when its case exists but was not selected', async () => {
    const run = await runCli([
      'envelopes',
      '--fixtures',
      corpusWithOneFailure(),
      '--run',
      'alpha',
      '--known-failures',
      baselineFile({ known_failures: [{ id: 'beta.wrong-pointer', reason: 'pointer under review' }] }),
    ])
    expect(run.code).toBe(0)
  })

  it.each([
    ['not JSON', '{"known_failures": ['],
    ['not an object', [{ id: 'alpha.one', reason: 'x' }]],
    ['an unknown top-level key', { known_failures: [], extra: true }],
    ['an entry without a reason', { known_failures: [{ id: 'alpha.one' }] }],
    ['an entry with a blank reason', { known_failures: [{ id: 'alpha.one', reason: ' ' }] }],
    ['an entry with a bad id', { known_failures: [{ id: 'Alpha One', reason: 'x' }] }],
    ['a duplicate id', { known_failures: [{ id: 'alpha.one', reason: 'x' }, { id: 'alpha.one', reason: 'y' }] }],
  ])('rejects a baseline with %s as a usage error (64)', async (_, baseline) => {
    const { code, report, stderr } = await runWithBaseline(baseline)
    expect(code).toBe(64)
    expect(report).toBeUndefined()
    expect(stderr).toContain('known-failures')
  })

  it('parses a well-formed baseline into reasons by id', () => {
    const parsed = parseKnownFailures({ known_failures: [{ id: 'alpha.one', reason: 'because' }] }, 'inline')
    expect([...parsed]).toEqual([['alpha.one', 'because']])
    expect(() => parseKnownFailures({ known_failures: [{ id: 'alpha.one', reason: 'because', note: 1 }] }, 'inline')).toThrow(UsageError)
  })
})
