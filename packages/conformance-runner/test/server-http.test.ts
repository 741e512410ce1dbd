import type { ServerCase } from '@compiled-sql/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { runServerCase } from '../src/index.js'
import { parseExact } from '../src/server/exact-json.js'
import { scriptedServer, selectPage, type ScriptedAnswer, type ScriptedServer } from './support/scripted-server.js'
import { EXECUTE, serverCase } from './support/server-corpus.js'

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const WORLD = { file: '', seedFile: undefined, tokens: new Map([['analyst', 'conformance-analyst-token-0001']]) }

/** Runs one case, given as an object or as JSON text read with exact numbers (as the loader reads it), against a scripted server. */
async function run(testCase: Record<string, unknown> | string, script: (index: number) => ScriptedAnswer) {
  server = await scriptedServer((_, index) => script(index))
  const exact = parseExact(typeof testCase === 'string' ? testCase : JSON.stringify(testCase)) as ServerCase
  return runServerCase(exact, { baseUrl: server.url, world: WORLD, runId: 'run42', timeoutMs: 5000 })
}

const ok = (rows: unknown[]): ScriptedAnswer => ({ status: 200, headers: { 'x-request-id': 'req-1' }, body: selectPage(rows) })

describe('a server case over HTTP', () => {
  it('sends the body, the bearer token of the caller and Content-Type, and passes on the expected answer', async () => {
    const verdict = await run(serverCase('alpha.one'), () => ok([{ decimals: 8 }]))
    expect(verdict).toEqual({ status: 'passed' })
    const [request] = server!.received
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe(EXECUTE)
    expect(request?.headers.authorization).toBe('Bearer conformance-analyst-token-0001')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request!.body.toString('utf8')).statement.parameters).toEqual({ symbol: 'BTC' })
  })

  it('sends exact bytes: integers beyond 2^53, base64 bodies, padding, {run_id}, removed headers', async () => {
    const big = serverCase('alpha.big', {
      request: { path: EXECUTE, json: { n: 0 }, headers: { 'content-type': null, 'idempotency-key': 'key-{run_id}' }, pad_bytes: 3 },
      then: [{ caller: null, request: { path: '/raw', body_base64: Buffer.from([0x7b, 0xff, 0x7d]).toString('base64') }, expect: { status: 200 } }],
    })
    await run(JSON.stringify(big).replace('"n":0', '"n":9007199254740993'), () => ok([{ decimals: 8 }]))
    const [first, second] = server!.received
    expect(first?.body.toString('utf8')).toBe('{"n":9007199254740993}   ')
    expect(first?.headers['content-type']).toBeUndefined()
    expect(first?.headers['idempotency-key']).toBe('key-run42')
    expect([...(second?.body ?? [])]).toEqual([0x7b, 0xff, 0x7d])
    expect(second?.headers.authorization).toBeUndefined()
  })

  it('fails a response without X-Request-Id, or whose request_id differs, keeping the request and the response', async () => {
    const noHeader = await run(serverCase('alpha.one'), () => ({ status: 200, body: selectPage([{ decimals: 8 }]) }))
    expect(noHeader.status).toBe('failed')
    if (noHeader.status !== 'failed') return
    expect(noHeader.failure.message).toBe('step main: no X-Request-Id header')
    expect(noHeader.failure.request).toMatchObject({ method: 'POST', path: EXECUTE, headers: { authorization: 'Bearer conformance-analyst-token-0001' } })
    expect(noHeader.failure.response).toMatchObject({ status: 200 })
    await server!.close()
    const mismatch = await run(serverCase('alpha.one'), () => ({ status: 200, headers: { 'x-request-id': 'other' }, body: selectPage([{ decimals: 8 }]) }))
    expect(mismatch.status === 'failed' && mismatch.failure.message).toContain('the body\'s request_id is "req-1", not the X-Request-Id other')
  })

  it('fails a 2xx body that is not a valid operation-result, and an error code whose status is not its own', async () => {
    const invalid = await run(serverCase('alpha.one'), () => ({ status: 200, headers: { 'x-request-id': 'r' }, body: { ok: true, rows: [{ decimals: 8 }], request_id: 'r' } }))
    expect(invalid.status === 'failed' && invalid.failure.message).toContain('the body is not a valid operation-result')
    await server!.close()
    const errorBody = { ok: false, error: { code: 'unauthenticated', kind: 'authentication_error', message: 'no', retryable: false }, request_id: 'r' }
    const wrongStatus = await run(serverCase('alpha.one', { expect: { status: 403, code: 'unauthenticated' } }), () => ({ status: 403, headers: { 'x-request-id': 'r' }, body: errorBody }))
    expect(wrongStatus.status === 'failed' && wrongStatus.failure.message).toBe('step main: error code unauthenticated is status 401, not 403')
  })

  it('compares a replay with an earlier step, apart from request_id', async () => {
    const replay = serverCase('alpha.replay', { setup: [{ name: 'first', request: { path: EXECUTE, json: 1 }, expect: { status: 200 } }], expect: { status: 200, same_body_as: 'first' } })
    const same = await run(replay, (index) => ({ status: 200, headers: { 'x-request-id': `r${index}` }, body: selectPage([{ decimals: 8 }], `r${index}`) }))
    expect(same).toEqual({ status: 'passed' })
    await server!.close()
    const differs = await run(replay, (index) => ({ status: 200, headers: { 'x-request-id': `r${index}` }, body: selectPage([{ decimals: 8 + index }], `r${index}`) }))
    expect(differs.status === 'failed' && differs.failure.message).toBe('step main: body (against first).rows[0].decimals: expected 8, got 9')
  })

  it('walks pages and reports the failing step with its name', async () => {
    const walk = serverCase('alpha.walk', {
      follow_pages: true,
      request: { path: EXECUTE, json: { operation: 'select', limits: { max_rows: 3, offset: 0 } } },
      expect: { status: 200, pages: [[0, 3], [2, 1]], rows: [{ n: 0 }, { n: 1 }, { n: 2 }] },
    })
    const page = (offset: number, rows: unknown[], hasMore: boolean): ScriptedAnswer => ({
      status: 200,
      headers: { 'x-request-id': 'r' },
      body: selectPage(rows, 'r', { pagination: { limit: 2, offset, returned_count: rows.length, has_more: hasMore, next_offset: hasMore ? offset + rows.length : null } }),
    })
    const verdict = await run(walk, (index) => (index === 0 ? page(0, [{ n: 0 }, { n: 1 }], true) : page(2, [{ n: 2 }], true)))
    expect(verdict).toEqual({ status: 'passed' })
    expect(server!.received.map((r) => JSON.parse(r.body.toString('utf8')).limits)).toEqual([{ max_rows: 3, offset: 0 }, { max_rows: 1, offset: 2 }])
  })

  it('fails a step the server does not answer, with the transport error', async () => {
    const verdict = await runServerCase(parseExact(JSON.stringify(serverCase('alpha.one'))) as ServerCase, { baseUrl: 'http://127.0.0.1:1', world: WORLD, runId: 'x', timeoutMs: 2000 })
    expect(verdict.status === 'failed' && verdict.failure.message).toMatch(/^step main: no answer: .*ECONNREFUSED/)
  })
})
