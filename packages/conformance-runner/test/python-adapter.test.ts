import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { validateConformanceReport, type ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { defaultEnvelopeFixturesDir } from '../src/index.js'
import { REPO, runCli } from './support/cli.js'
import { fixtureDir, invalidCase, validCase, VALID_OPERATION } from './support/fixtures.js'

const PYTHON = join(REPO, '.venv/bin/python')
const ADAPTER = `"${PYTHON}" "${join(REPO, 'adapters/python/compiled_sql_adapter.py')}"`

function countFixtures(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json')).length
}

describe('the Python adapter', () => {
  it('passes the real envelope corpus', async () => {
    const run = await runCli(['envelopes', '--adapter', ADAPTER])
    const report = JSON.parse(run.stdout) as ConformanceReport
    const failures = report.cases.filter((result) => result.status !== 'passed').map((result) => [result.id, result.failure?.message])
    expect(failures).toEqual([])
    expect(run.code).toBe(0)
    expect(report.summary.total).toBe(countFixtures(defaultEnvelopeFixturesDir()))
    expect(report.implementation).toMatchObject({ name: 'compiled-sql-python-jsonschema', language: 'python' })
    expect(validateConformanceReport(report).ok).toBe(true)
  })

  it('reports issues by the language-neutral rules on a corpus of its own', async () => {
    const { version: _, ...withoutVersion } = VALID_OPERATION
    const dir = fixtureDir([
      invalidCase('rules.required', withoutVersion, [{ code: 'missing_field', instancePath: '/version' }]),
      invalidCase('rules.unknown', { ...VALID_OPERATION, scope: { tables: [{ metaTableUid: 'a' }] } }, [
        { code: 'unknown_field', instancePath: '/scope/tables/0/metaTableUid' },
        { code: 'missing_field', instancePath: '/scope/tables/0/meta_table_uid' },
      ]),
      invalidCase('rules.override', { ...VALID_OPERATION, version: 'compiled-sql.v2' }, [{ code: 'unsupported_version', instancePath: '/version' }]),
      invalidCase('rules.property-names', { ...VALID_OPERATION, statement: { sql: 'SELECT 1', parameters: { 'a/b)': 1 } } }, [
        { code: 'invalid_format', instancePath: '/statement/parameters/a~1b)' },
      ]),
      invalidCase('rules.dollar-is-end-of-input', { ...VALID_OPERATION, statement: { sql: 'SELECT %(a)s', parameters: { 'a\n)': 1 } } }, [
        { code: 'invalid_format', instancePath: '/statement/parameters/a\n)' },
      ]),
      validCase('rules.big-integer-text', VALID_OPERATION, {
        envelope_text: JSON.stringify({ ...VALID_OPERATION, statement: { sql: 'SELECT %(n)s', parameters: { n: 1 } } }).replace(':1}', ': 12345678901234567890123}'),
        envelope: { ...VALID_OPERATION, statement: { sql: 'SELECT %(n)s', parameters: { n: 12345678901234567890123 } } },
      }),
    ])
    const run = await runCli(['envelopes', '--fixtures', dir, '--adapter', ADAPTER])
    const report = JSON.parse(run.stdout) as ConformanceReport
    expect(report.cases.filter((result) => result.status !== 'passed')).toEqual([])
    expect(run.code).toBe(0)
  })

  it('answers a stream of requests from --emit-requests, one response per request', async () => {
    const requests = (await runCli(['envelopes', '--run', 'operation', '--emit-requests', '-'])).stdout
    const responses = execFileSync(PYTHON, [join(REPO, 'adapters/python/compiled_sql_adapter.py')], { input: requests, encoding: 'utf8' })
    const sent = requests.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; id?: string })
    const received = responses.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; id?: string })
    expect(received.map((response) => response.id ?? response.type)).toEqual(sent.filter((request) => request.type !== 'shutdown').map((request) => request.id ?? request.type))
  })

  it('answers a malformed request with an error instead of crashing', () => {
    const input = ['{"type": "validate", "id": "x.y", "document": "operation", "text": "{not json"}', '{"type": "validate", "id": "x.z", "document": "operation", "text": "NaN"}', '[1, 2]', '']
    const output = execFileSync(PYTHON, [join(REPO, 'adapters/python/compiled_sql_adapter.py')], { input: input.join('\n'), encoding: 'utf8' })
    const types = output.trimEnd().split('\n').map((line) => (JSON.parse(line) as { type: string; id: string }))
    expect(types).toEqual([
      expect.objectContaining({ type: 'error', id: 'x.y' }),
      expect.objectContaining({ type: 'error', id: 'x.z' }),
      expect.objectContaining({ type: 'error' }),
    ])
  })

  it('passes its own unit tests', () => {
    const run = spawnSync(PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'], { cwd: join(REPO, 'adapters/python'), encoding: 'utf8' })
    expect(run.stderr).toMatch(/^OK$/m)
    expect(run.status).toBe(0)
  })
})
