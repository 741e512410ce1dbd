import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateConformanceReport, type ConformanceReport } from '@compiled-sql/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FRESH_SKIP_REASON, loadServerCorpus, spawnTarget, type Target } from '../src/index.js'
import { REPO, runCli } from './support/cli.js'
import { tempDir } from './support/fixtures.js'
import { SERVER_CORPUS, serverCase, serverCorpus } from './support/server-corpus.js'

const STUB = join(REPO, 'packages/server-stub/dist/cli.js')
/** The server-stub, started through its CLI as any server would be. */
const SPAWN = `"${process.execPath}" "${STUB}" --config {world} --port 0`

function report(stdout: string): ConformanceReport {
  const value = JSON.parse(stdout) as unknown
  const checked = validateConformanceReport(value)
  expect(checked.ok ? [] : checked.errors).toEqual([])
  return value as ConformanceReport
}

describe('compiled-sql-conformance server --spawn', () => {
  it('runs shared cases on one spawned server-stub and a fresh case on one of its own, and reports them', async () => {
    const out = tempDir()
    const run = await runCli(['server', '--spawn', SPAWN, '--run', 'auth', '--run', 'pagination.follow-to-end', '--run', 'legit.kx-insert-returning', '--report', join(out, 'r.json'), '--junit', join(out, 'r.xml'), '--implementation', 'stub', '--implementation-language', 'typescript'])
    expect(run.code, run.stderr).toBe(0)
    const result = report(run.stdout)
    expect(result.suite).toBe('server')
    expect(result.implementation).toEqual({ name: 'stub', version: 'unknown', language: 'typescript' })
    expect(result.summary).toMatchObject({ total: 12, passed: 12, failed: 0 })
    expect(result.cases.map((c) => c.id)).toContain('legit.kx-insert-returning')
    expect(JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'))).toEqual(result)
    expect(readFileSync(join(out, 'r.xml'), 'utf8')).toContain('classname="server.legit" name="legit.kx-insert-returning"')
  })

  it('ends with 70 and the server\'s last words when the server does not start', async () => {
    const exits = await runCli(['server', '--spawn', 'echo "no world for me" >&2; exit 3', '--run', 'auth'])
    expect(exits.code).toBe(70)
    expect(exits.stderr).toMatch(/the server exited \(3\) before it was ready[\s\S]*no world for me/)
    const silent = await runCli(['server', '--spawn', 'sleep 30', '--start-timeout', '300', '--run', 'auth'])
    expect(silent.code).toBe(70)
    expect(silent.stderr).toContain('the server was not ready within 300 ms')
  })

  it.each([
    [['server', '--run', 'auth'], 'exactly one of --spawn and --target'],
    [['server', '--spawn', 'x', '--target', 'http://127.0.0.1:1'], 'exactly one of --spawn and --target'],
    [['server', '--spawn', 'x', '--reset-command', 'true'], '--reset-command goes with --target'],
    [['server', '--target', 'localhost:8787'], 'is not a base URL'],
    [['server', '--target', 'http://127.0.0.1:1', '--run', 'no-such-group'], '--run no-such-group matches no case'],
  ])('is a usage error (64): %j', async (args, message) => {
    const run = await runCli(args)
    expect(run.code).toBe(64)
    expect(run.stderr).toContain(message)
  })
})

describe('compiled-sql-conformance server --target', () => {
  let target: Target

  beforeAll(async () => {
    target = await spawnTarget({ command: SPAWN, corpus: await loadServerCorpus(SERVER_CORPUS), startTimeoutMs: 120_000 })
  }, 150_000)

  afterAll(async () => {
    await target?.close()
  }, 30_000)

  it('runs shared cases on a running server and skips fresh ones without --reset-command', async () => {
    const run = await runCli(['server', '--target', target.url, '--run', 'http.route-not-found', '--run', 'legit.sa-insert-multi-values'])
    expect(run.code, run.stderr).toBe(0)
    const result = report(run.stdout)
    expect(result.cases.map(({ id, status, reason }) => ({ id, status, reason }))).toEqual([
      { id: 'http.route-not-found', status: 'passed', reason: undefined },
      { id: 'legit.sa-insert-multi-values', status: 'skipped', reason: FRESH_SKIP_REASON },
    ])
  })

  it('runs a fresh case after --reset-command, and ends with 70 when the reset fails', async () => {
    const reset = await runCli(['server', '--target', target.url, '--reset-command', 'test -n "$COMPILED_SQL_TARGET" && test -f "$COMPILED_SQL_WORLD"', '--run', 'legit.sa-insert-multi-values'])
    expect(reset.code, reset.stderr).toBe(0)
    expect(report(reset.stdout).summary).toMatchObject({ total: 1, passed: 1 })
    const failing = await runCli(['server', '--target', target.url, '--reset-command', 'exit 4', '--run', 'legit.sa-insert-multi-values'])
    expect(failing.code).toBe(70)
    expect(failing.stderr).toContain('--reset-command exited with 4')
  })

  it('fails a case (1) with its request and response, takes it as known from a baseline (0), and flags a stale entry (2)', async () => {
    const corpus = serverCorpus([serverCase('alpha.passes'), serverCase('alpha.expects-too-much', { caller: null, expect: { status: 200 } })], { realWorld: true })
    const failed = await runCli(['server', '--fixtures', corpus, '--target', target.url])
    expect(failed.code).toBe(1)
    const failure = report(failed.stdout).cases.find((c) => c.id === 'alpha.expects-too-much')?.failure
    expect(failure?.message).toBe('step main: status 401, expected 200')
    expect(failure?.request).toMatchObject({ method: 'POST', path: '/orm/api/ts_manager/meta_table/execute-operation/' })
    expect(failure?.response).toMatchObject({ status: 401, body: expect.stringContaining('"unauthenticated"') })

    const baseline = join(tempDir(), 'known.json')
    writeFileSync(baseline, JSON.stringify({ known_failures: [{ id: 'alpha.expects-too-much', reason: 'a test' }] }))
    const known = await runCli(['server', '--fixtures', corpus, '--target', target.url, '--known-failures', baseline])
    expect(known.code).toBe(0)
    expect(report(known.stdout).summary).toMatchObject({ passed: 1, known_failures: 1 })
    writeFileSync(baseline, JSON.stringify({ known_failures: [{ id: 'alpha.passes', reason: 'fixed since' }] }))
    const stale = await runCli(['server', '--fixtures', corpus, '--target', target.url, '--known-failures', baseline, '--run', 'alpha.passes'])
    expect(stale.code).toBe(2)
    expect(report(stale.stdout).stale_known_failures).toEqual(['alpha.passes'])
  })
})
