import type { ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { HELLO_AND_SHUTDOWN, nodeAdapter } from './support/adapters.js'
import { runCli } from './support/cli.js'
import { smallCorpus } from './support/fixtures.js'

/** A faithful adapter that decides validity by a crude rule: an envelope is valid when its statement has sql. */
const CRUDE_VALIDATOR = `${HELLO_AND_SHUTDOWN}
  const value = JSON.parse(message.text)
  const valid = typeof value.statement?.sql === 'string'
  send({ type: 'result', id: message.id, valid, issues: valid ? [] : [{ code: 'missing_field', instancePath: '/statement/sql' }] })
`

function runAdapter(body: string, extra: string[] = []) {
  return runCli(['envelopes', '--fixtures', smallCorpus(), '--adapter', nodeAdapter(body), ...extra])
}

describe('a well-behaved adapter', () => {
  it('is driven through every case and named in the report', async () => {
    const run = await runAdapter(CRUDE_VALIDATOR)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as ConformanceReport
    expect(report.implementation).toEqual({ name: 'throwaway', version: '0.0.0', language: 'javascript' })
    expect(report.summary).toMatchObject({ total: 4, passed: 4 })
  })

  it('can skip a case (reported with its reason) and report an error on one (the case fails, the run goes on)', async () => {
    const run = await runAdapter(`${HELLO_AND_SHUTDOWN}
      if (message.id === 'alpha.one') return send({ type: 'skip', id: message.id, reason: 'not implemented here' })
      if (message.id === 'alpha.two') return send({ type: 'error', id: message.id, message: 'crashed on it' })
      send({ type: 'result', id: message.id, valid: message.id !== 'beta.missing-sql', issues: [{ code: 'missing_field', instancePath: '/statement/sql' }] })
    `)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ConformanceReport
    expect(report.cases.map((result) => [result.id, result.status, result.reason ?? result.failure?.message])).toEqual([
      ['alpha.one', 'skipped', 'not implemented here'],
      ['alpha.two', 'failed', 'the implementation could not handle the case: crashed on it'],
      ['beta.missing-sql', 'passed', undefined],
      ['beta.one', 'passed', undefined],
    ])
  })

  it('passes its standard error through to ours', async () => {
    const run = await runAdapter(`process.stderr.write('adapter log line\\n')\n${CRUDE_VALIDATOR}`)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('adapter log line')
  })
})

describe('adapter misbehaviour ends the run with exit code 70 and no report', () => {
  it.each([
    ['answers hello with another protocol version', `send({ type: 'hello', protocol: 'compiled-sql.adapter.v2', implementation })`, /adapter protocol "compiled-sql.adapter.v2"/],
    ['answers hello with a result', `send({ type: 'result', id: 'x', valid: true, issues: [] })`, /answered hello with result/],
    ['writes a line that is not JSON', `process.stdout.write('ready!\\n')`, /not JSON/],
    ['writes an invalid response', `${HELLO_AND_SHUTDOWN}\n send({ type: 'result', id: message.id, valid: 'yes', issues: [] })`, /invalid response/],
    ['answers with another id', `${HELLO_AND_SHUTDOWN}\n send({ type: 'result', id: 'someone.else', valid: true, issues: [] })`, /with the id someone\.else/],
    ['exits before answering', `${HELLO_AND_SHUTDOWN}\n process.exit(3)`, /adapter exited \(status 3\)/],
    ['exits with a non-zero status after shutdown', CRUDE_VALIDATOR.replace('process.exit(0)', 'process.exit(4)'), /status 4 after shutdown/],
    ['never answers within --timeout', `${HELLO_AND_SHUTDOWN}\n await new Promise(() => {})`, /did not answer validate alpha\.one within 5000 ms/],
  ])('when it %s', async (_, body, message) => {
    // Generous enough that a loaded machine starts the adapter in time: only the
    // adapter that never answers waits it out.
    const run = await runAdapter(body, ['--timeout', '5000'])
    expect(run.code).toBe(70)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })

  it('when the command cannot be started', async () => {
    const run = await runCli(['envelopes', '--fixtures', smallCorpus(), '--adapter', './no-such-adapter --flag'])
    expect(run.code).toBe(70)
    expect(run.stderr).toMatch(/adapter exited \(status 127\)/)
  })
})
