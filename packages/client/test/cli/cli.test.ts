import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { promisify } from 'node:util'
import { validateOperationResult, validateRunQueryResponse } from '@compiled-sql/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../cli/program.js'
import { buildOperation } from '../../src/index.js'
import { DEMO, startStubServer, type StubServer } from '../support/stub-server.js'

let stub: StubServer
let dir: string

interface CliRun {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  return () => Buffer.concat(chunks).toString('utf8')
}

async function cli(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out = collect(stdout)
  const err = collect(stderr)
  const env = options.env ?? { COMPILED_SQL_ENDPOINT: stub.url, COMPILED_SQL_TOKEN: DEMO.analystToken }
  const status = await runCli(args, { stdin: Readable.from([options.stdin ?? '']), stdout, stderr, env })
  return { status, stdout: out(), stderr: err() }
}

async function envelopeFile(name: string, maxRows: number): Promise<string> {
  const envelope = await buildOperation({
    operation: 'select',
    sql: 'SELECT a.symbol, b.name FROM public.asset AS a JOIN public.account AS b ON b.uid = a.account_uid ORDER BY a.symbol',
    scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid }, { metaTableUid: DEMO.accountUid }] },
    limits: { maxRows },
  })
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(envelope))
  return path
}

beforeAll(async () => {
  stub = await startStubServer()
  dir = mkdtempSync(join(tmpdir(), 'compiled-sql-cli-'))
})

afterAll(async () => {
  await stub?.stop()
})

describe('compiled-sql meta-table run_query', () => {
  const sql = 'SELECT symbol, decimals FROM public.asset ORDER BY symbol'

  it('prints a summary and the rows', async () => {
    const run = await cli(['meta-table', 'run_query', DEMO.assetUid, sql])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^ok +true$/m)
    expect(run.stdout).toMatch(/^row count +5$/m)
    expect(run.stdout).toMatch(/^BTC +8$/m)
    expect(run.stdout).toMatch(/^ÉCU +NULL$/m)
  })

  it('prints the response as JSON with --json', async () => {
    const run = await cli(['meta-table', 'run_query', DEMO.assetUid, sql, '--json'])
    const response = JSON.parse(run.stdout) as unknown
    expect([run.status, validateRunQueryResponse(response).ok]).toEqual([0, true])
    expect((response as { results: unknown[] }).results).toHaveLength(5)
  })

  it('exits 1 and prints the error body when ok is false', async () => {
    const run = await cli(['meta-table', 'run_query', DEMO.assetUid, 'DELETE FROM public.asset', '--json'])
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'statement_not_allowed' } })
    expect(run.stderr).toMatch(/^error: statement_not_allowed: .*HTTP 422/m)
  })

  it('reads the upstream CLI variables when the compiled-sql ones are unset', async () => {
    const run = await cli(['meta-table', 'run-query', DEMO.assetUid, sql, '--json'], { env: { MAINSEQUENCE_ENDPOINT: stub.url, MAINSEQUENCE_ACCESS_TOKEN: DEMO.viewerToken } })
    expect(run.status).toBe(0)
  })

  it('exits 64 and says how to configure a missing endpoint or token', async () => {
    const noEndpoint = await cli(['meta-table', 'run_query', DEMO.assetUid, sql], { env: {} })
    const noToken = await cli(['meta-table', 'run_query', DEMO.assetUid, sql], { env: { COMPILED_SQL_ENDPOINT: stub.url } })
    expect([noEndpoint.status, noToken.status]).toEqual([64, 64])
    expect(noEndpoint.stderr).toMatch(/--endpoint URL or set COMPILED_SQL_ENDPOINT/)
    expect(noToken.stderr).toMatch(/--token TOKEN or set COMPILED_SQL_TOKEN/)
  })

  it('exits 64 on a bad --timeout', async () => {
    expect((await cli(['meta-table', 'run_query', DEMO.assetUid, sql, '--timeout', 'soon'])).status).toBe(64)
  })
})

describe('compiled-sql meta-table execute', () => {
  it('pages a select with progress on stderr and prints the merged rows', async () => {
    const run = await cli(['meta-table', 'execute', await envelopeFile('five.json', 5)])
    expect(run.status).toBe(0)
    expect(run.stderr.trim().split('\n')).toEqual(['page 1: 2/5 rows, fetching more', 'page 2: 4/5 rows, fetching more', 'page 3: 5/5 rows'])
    expect(run.stdout).toMatch(/^select: 5 row\(s\)$/m)
    expect(run.stdout.trim().split('\n').slice(-5).map((line) => line.split(/ {2,}/)[0])).toEqual(['BTC', 'ETH', 'SOL', 'WBTC', 'ÉCU'])
  })

  it('writes the merged result as JSON with --format json', async () => {
    const run = await cli(['meta-table', 'execute', await envelopeFile('three.json', 3), '--format', 'json'])
    const result = JSON.parse(run.stdout) as { row_count: number; pagination: unknown }
    expect(validateOperationResult(result).ok).toBe(true)
    expect([result.row_count, result.pagination]).toEqual([3, { limit: 3, offset: 0, returned_count: 3, has_more: true, next_offset: 3 }])
  })

  it('writes CSV with --format csv, quoting what needs it', async () => {
    const run = await cli(['meta-table', 'execute', await envelopeFile('csv.json', 5), '--format', 'csv'])
    expect(run.stdout.split('\r\n')).toEqual(['symbol,name', 'BTC,Acme Capital', 'ETH,Ærø Holdings ApS', 'SOL,Ærø Holdings ApS', 'WBTC,Acme Capital', 'ÉCU,100% Growth Partners', ''])
  })

  it('reads the envelope from standard input with -', async () => {
    const envelope = await buildOperation({
      operation: 'select',
      sql: 'SELECT count(*) AS n FROM public.asset AS a',
      scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid }] },
    })
    const run = await cli(['meta-table', 'execute', '-', '--format', 'json'], { stdin: JSON.stringify(envelope) })
    expect(JSON.parse(run.stdout).rows).toEqual([{ n: '5' }])
  })

  it('exits 65 for a file that is not JSON or not an envelope, before sending anything', async () => {
    const notJson = join(dir, 'not.json')
    writeFileSync(notJson, '{"version": ')
    const notEnvelope = join(dir, 'not-envelope.json')
    writeFileSync(notEnvelope, '{"sql": "SELECT 1"}')
    const runs = [await cli(['meta-table', 'execute', notJson]), await cli(['meta-table', 'execute', notEnvelope]), await cli(['meta-table', 'execute', join(dir, 'missing.json')])]
    expect(runs.map((run) => run.status)).toEqual([65, 65, 65])
    expect(runs[1]!.stderr).toMatch(/^  missing_field\t\/version\t/m)
  })

  it('exits 1 with the error code when the server refuses', async () => {
    const denied = await cli(['meta-table', 'execute', await envelopeFile('denied.json', 5)], { env: { COMPILED_SQL_ENDPOINT: stub.url, COMPILED_SQL_TOKEN: DEMO.viewerToken } })
    expect(denied.status).toBe(1)
    expect(denied.stderr).toMatch(/^error: meta_table_not_found: /m)
  })

  it('rejects an unknown --format with 64', async () => {
    expect((await cli(['meta-table', 'execute', 'x.json', '--format', 'xml'])).status).toBe(64)
  })
})

describe('compiled-sql validate', () => {
  it('prints each issue code and path, and exits 1', async () => {
    const run = await cli(['validate', '-'], { stdin: '{"version":"compiled-sql.v2","operation":"select"}' })
    expect(run.status).toBe(1)
    const lines = run.stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 2).join(' '))
    expect(lines).toEqual(expect.arrayContaining(['unsupported_version /version', 'missing_field /statement', 'missing_field /scope']))
  })

  it('accepts a valid envelope and exits 0', async () => {
    const run = await cli(['validate', await envelopeFile('valid.json', 5)])
    expect([run.status, run.stdout]).toEqual([0, 'valid operation\n'])
  })

  it('reports a file that is not JSON as invalid_json at the root', async () => {
    const run = await cli(['validate', '-', '--json'], { stdin: 'SELECT 1' })
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, issues: [{ code: 'invalid_json', instancePath: '' }] })
  })

  it('validates other documents with --document', async () => {
    const run = await cli(['validate', '-', '--document', 'run-query-request'], { stdin: '{"sql":"SELECT 1"}' })
    expect(run.stdout).toMatch(/^invalid_type\t\(root\)/)
  })
})

describe('the installed bin', () => {
  it('runs as compiled-sql and exits with the command status', async () => {
    const bin = join(import.meta.dirname, '../../dist/cli.js')
    const run = promisify(execFile)
    const { stdout } = await run(process.execPath, [bin, '--help'])
    expect(stdout).toMatch(/^Usage: compiled-sql /m)
    const notJson = join(dir, 'bin-not-json.json')
    writeFileSync(notJson, 'SELECT 1')
    const failed = await run(process.execPath, [bin, 'validate', notJson], { env: {} }).catch((error: { code: number }) => error)
    expect((failed as { code: number }).code).toBe(1)
  })
})
