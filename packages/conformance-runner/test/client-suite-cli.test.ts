import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { validateAdapterRequest, validateConformanceReport, type ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { defaultClientFixturesDir } from '../src/index.js'
import { HELLO_AND_SHUTDOWN, nodeAdapter } from './support/adapters.js'
import { REPO, runCli } from './support/cli.js'
import { clientCase } from './support/client-cases.js'
import { fixtureDir } from './support/fixtures.js'

const PYTHON = join(REPO, '.venv/bin/python')
const TS_ADAPTER = `"${process.execPath}" "${join(REPO, 'packages/client/dist/conformance-adapter.js')}"`
const PYTHON_ADAPTER = `"${PYTHON}" "${join(REPO, 'adapters/python/client_adapter/adapter.py')}"`
const CORPUS_SIZE = readdirSync(defaultClientFixturesDir(), { recursive: true }).filter((name) => String(name).endsWith('.json')).length

/**
 * A client that gets the protocol wrong in the usual ways: it re-sends every
 * failed request at once (writes without a key included, ignoring
 * Retry-After), never follows pagination, and calls every failure a server
 * error. Builds are skipped.
 */
const CARELESS_CLIENT = `${HELLO_AND_SHUTDOWN}
  if (message.type === 'build') return send({ type: 'skip', id: message.id, reason: 'no builder' })
  const route = message.type === 'execute'
    ? (message.routes === 'v1' ? '/api/v1/meta-tables/execute-operation/' : '/orm/api/ts_manager/meta_table/execute-operation/')
    : (message.routes === 'v1' ? '/api/v1/meta-tables/' + message.meta_table_uid + '/run-query/' : '/orm/api/ts_manager/meta_table/' + message.meta_table_uid + '/run_query/')
  const body = JSON.stringify(message.type === 'execute' ? message.envelope : message.sql)
  let error
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const response = await fetch(message.endpoint + route, { method: 'POST', headers: { authorization: 'Bearer ' + message.token, 'content-type': 'application/json' }, body })
      const text = await response.text()
      if (response.ok) return send({ type: 'outcome', id: message.id, ok: true, result: JSON.parse(text) })
      error = { category: 'server', status: response.status, code: 'internal_error', retryable: true }
    } catch {
      error = { category: 'transport', status: null, code: 'transport_error', retryable: true }
    }
  }
  send({ type: 'outcome', id: message.id, ok: false, error })
`

function report(stdout: string): ConformanceReport {
  const parsed = JSON.parse(stdout) as ConformanceReport
  const validation = validateConformanceReport(parsed)
  expect(validation.ok ? [] : validation.errors).toEqual([])
  return parsed
}

const statusOf = (result: ConformanceReport) => new Map(result.cases.map((c) => [c.id, c.status]))

describe('the client suite through the in-repo clients', () => {
  it('the TypeScript client passes the whole corpus', async () => {
    expect(existsSync(join(REPO, 'packages/client/dist/conformance-adapter.js'))).toBe(true)
    const run = await runCli(['client', '--adapter', TS_ADAPTER])
    const result = report(run.stdout)
    expect(result.cases.filter((c) => c.status === 'failed').map((c) => [c.id, c.failure?.message])).toEqual([])
    expect(run.code).toBe(0)
    expect(result.summary.total).toBe(CORPUS_SIZE)
    expect(result.implementation).toMatchObject({ name: '@compiled-sql/client', language: 'typescript' })
  })

  it('the Python client on requests passes the whole corpus', async () => {
    const run = await runCli(['client', '--adapter', PYTHON_ADAPTER])
    const result = report(run.stdout)
    expect(result.cases.filter((c) => c.status !== 'passed').map((c) => [c.id, c.failure?.message])).toEqual([])
    expect(run.code).toBe(0)
    expect(result.summary.passed).toBe(CORPUS_SIZE)
    expect(result.implementation).toMatchObject({ name: 'compiled-sql-python-requests', language: 'python' })
  })

  it('the Python client passes its own unit tests', () => {
    const run = spawnSync(PYTHON, ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'], { cwd: join(REPO, 'adapters/python/client_adapter'), encoding: 'utf8' })
    expect(run.stderr).toMatch(/^OK$/m)
    expect(run.status).toBe(0)
  })
})

describe('a careless client', () => {
  it('fails the cases on writes without a key, Retry-After, pagination and error mapping, and passes a plain read', async () => {
    const run = await runCli(['client', '--adapter', nodeAdapter(CARELESS_CLIENT), '--skip', 'build'])
    expect(run.code).toBe(1)
    const status = statusOf(report(run.stdout))
    const mustFail = [
      'writes.no-key-503-not-retried',
      'writes.no-key-429-not-retried',
      'writes.no-key-reset-not-retried',
      'writes.key-429-honours-retry-after',
      'retries.read-429-honours-retry-after',
      'retries.read-503-honours-retry-after',
      'retries.read-500-not-retried',
      'pagination.page-cap-two',
      'pagination.server-runs-out',
      'errors.401-unauthenticated',
      'upstream-errors.404-detail',
    ]
    expect(mustFail.filter((id) => status.get(id) !== 'failed')).toEqual([])
    expect(['pagination.first-page-complete', 'run-query.string-body-legacy-route', 'routes.v1-execute'].map((id) => status.get(id))).toEqual(['passed', 'passed', 'passed'])
    expect([...status.keys()].some((id) => id.startsWith('build.'))).toBe(false)
  })

  it('keeps the recorded requests and the outcome of a failing case in the report', async () => {
    const run = await runCli(['client', '--adapter', nodeAdapter(CARELESS_CLIENT), '--run', 'writes.no-key-503-not-retried'])
    const [failed] = report(run.stdout).cases
    expect(failed?.failure?.message).toMatch(/4 request\(s\) arrived, expected 1; request 2 went beyond the script/)
    const actual = failed?.failure?.actual as { requests: Array<{ path: string; answer: unknown }>; outcome: { ok: boolean } }
    expect(actual.requests.map((r) => r.answer)).toEqual([503, 'unscripted', 'unscripted', 'unscripted'])
    expect(actual.outcome.ok).toBe(false)
  })
})

describe('the client command', () => {
  it('writes the adapter requests with --emit-requests: valid adapter messages, endpoints on port PORT', async () => {
    const run = await runCli(['client', '--run', 'pagination', '--run', 'build.defaults-filled', '--emit-requests', '-'])
    expect(run.code).toBe(0)
    const messages = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; endpoint?: string })
    expect(messages.map((m) => m.type)).toEqual(['hello', 'build', ...Array<string>(9).fill('execute'), 'shutdown'])
    expect(messages.filter((m) => !validateAdapterRequest(m).ok)).toEqual([])
    expect(messages[2]?.endpoint).toBe('http://127.0.0.1:PORT/c/2')
  })

  it('is a usage error without --adapter, and an invalid corpus error for a case the rules reject', async () => {
    expect((await runCli(['client'])).code).toBe(64)
    const slow = clientCase('slow.retry-after', { script: [{ status: 429, headers: { 'retry-after': '30' } }], expect: { outcome: { ok: false, error: { category: 'rate_limit' } } } })
    const run = await runCli(['client', '--fixtures', fixtureDir([slow as unknown as Record<string, unknown>]), '--adapter', nodeAdapter(HELLO_AND_SHUTDOWN)])
    expect(run.code).toBe(65)
    expect(run.stderr).toContain('retry-after "30"; scripts use 0 to 1 seconds')
  })

  it('ends with 70 when an adapter answers an outcome that returned nothing', async () => {
    const fixture = clientCase('one.case', { expect: { outcome: { ok: true } } })
    const dir = fixtureDir([fixture as unknown as Record<string, unknown>])
    const run = await runCli(['client', '--fixtures', dir, '--adapter', nodeAdapter(`${HELLO_AND_SHUTDOWN} send({ type: 'outcome', id: message.id, ok: true })`)])
    expect(run.code).toBe(70)
    expect(run.stderr).toContain('with an outcome without result')
  })

  it('writes a JUnit report naming every case', async () => {
    const dir = fixtureDir([clientCase('one.case', { expect: { outcome: { ok: true, result: { ok: true } } } }) as unknown as Record<string, unknown>])
    const junit = join(dir, 'junit.xml')
    const run = await runCli(['client', '--fixtures', dir, '--adapter', nodeAdapter(CARELESS_CLIENT), '--junit', junit])
    expect(run.code).toBe(0)
    const names = spawnSync(PYTHON, ['-c', 'import sys, xml.etree.ElementTree as ET\nfor c in ET.parse(sys.argv[1]).getroot().iter("testcase"): print(c.get("name"), c.get("classname"))', junit], { encoding: 'utf8' })
    expect(names.stdout.trim()).toBe('one.case client.one')
  })
})
