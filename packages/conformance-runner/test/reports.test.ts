import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateConformanceReport, type ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { REPO, runCli } from './support/cli.js'
import { fixtureDir, invalidCase, tempDir, validCase, VALID_OPERATION } from './support/fixtures.js'

const PYTHON = join(REPO, '.venv/bin/python')

/** Four outcomes in one run: passed, failed (with characters XML cannot carry), known failure, and a stale entry. */
function mixedCorpus(): string {
  return fixtureDir([
    validCase('alpha.one'),
    validCase('alpha.two'),
    invalidCase('beta.wrong-pointer', { ...VALID_OPERATION, statement: { sql: 'SELECT \uffff \u0000 <&> "\'' } }, [
      { code: 'invalid_format', instancePath: '/statement/sql' },
    ]),
    invalidCase('beta.known', { ...VALID_OPERATION, statement: {} }, [{ code: 'missing_field', instancePath: '/statement' }]),
  ])
}

/** Parses XML with Python's expat, which rejects anything not well-formed, and lists the testcase names. */
function junitTestcases(file: string): string[] {
  const script = 'import sys, xml.etree.ElementTree as ET\nfor case in ET.parse(sys.argv[1]).getroot().iter("testcase"): print(case.get("name"))'
  return execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }).trim().split('\n')
}

describe('reports', () => {
  it('prints a JSON report on stdout that validates against conformance-report.schema.json, and writes the same to --report', async () => {
    const dir = tempDir()
    const baseline = join(dir, 'baseline.json')
    writeFileSync(baseline, JSON.stringify({ known_failures: [{ id: 'beta.known', reason: 'tracked' }] }))
    const run = await runCli(['envelopes', '--fixtures', mixedCorpus(), '--known-failures', baseline, '--report', join(dir, 'out/report.json')])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ConformanceReport
    const validation = validateConformanceReport(report)
    expect(validation.ok ? [] : validation.errors).toEqual([])
    expect(report.cases.map((result) => [result.id, result.status])).toEqual([
      ['alpha.one', 'passed'],
      ['alpha.two', 'passed'],
      ['beta.known', 'known_failure'],
      ['beta.wrong-pointer', 'failed'],
    ])
    expect(report.implementation).toMatchObject({ name: '@compiled-sql/protocol', language: 'typescript' })
    const failure = report.cases.find((result) => result.status === 'failed')?.failure
    expect(failure?.request).toMatchObject({ type: 'validate', id: 'beta.wrong-pointer', document: 'operation' })
    expect(failure?.response).toMatchObject({ type: 'result', valid: true })
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))).toEqual(report)
  })

  it('writes well-formed JUnit XML with one testcase per case', async () => {
    const junit = join(tempDir(), 'junit.xml')
    const run = await runCli(['envelopes', '--fixtures', mixedCorpus(), '--junit', junit])
    const report = JSON.parse(run.stdout) as ConformanceReport
    expect(junitTestcases(junit)).toEqual(report.cases.map((result) => result.id))
    const xml = readFileSync(junit, 'utf8')
    expect(xml.match(/<failure /g)).toHaveLength(report.summary.failed)
    expect(xml).toContain(`tests="${report.summary.total}"`)
  })

  it('prints a pretty summary with --format pretty, naming each failure', async () => {
    const run = await runCli(['envelopes', '--fixtures', mixedCorpus(), '--format', 'pretty'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('beta.wrong-pointer')
    expect(run.stdout).toMatch(/4 cases: 2 passed, 2 failed/)
    expect(run.stdout).not.toContain('\u001b[') // not a terminal: no colours
  })

  it('writes the adapter requests with --emit-requests, one JSON line each, starting nothing', async () => {
    const file = join(tempDir(), 'requests.jsonl')
    const run = await runCli(['envelopes', '--fixtures', mixedCorpus(), '--run', 'alpha', '--emit-requests', file, '--adapter', 'exit 3'])
    expect(run.code).toBe(0)
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((line) => line.type)).toEqual(['hello', 'validate', 'validate', 'shutdown'])
    expect(lines[0]).toEqual({ type: 'hello', protocol: 'compiled-sql.adapter.v1', suite: 'envelopes' })
    expect(lines[1]).toEqual({ type: 'validate', id: 'alpha.one', document: 'operation', text: JSON.stringify(VALID_OPERATION) })
  })

  it('sends envelope_text byte for byte when a case has it', async () => {
    const text = '{"operation": "select", "version": "compiled-sql.v1", "statement": {"sql": "SELECT \\u00e9"}, "scope": {"tables": [{"meta_table_uid": "a"}]}}'
    const envelope = JSON.parse(text) as unknown
    const run = await runCli(['envelopes', '--fixtures', fixtureDir([validCase('alpha.text', envelope, { envelope_text: text })]), '--emit-requests', '-'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout.split('\n')[1] ?? '') as { text: string }).text).toBe(text)
  })
})
