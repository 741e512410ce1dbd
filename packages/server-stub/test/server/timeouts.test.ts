import { validateErrorResponse } from '@compiled-sql/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legitEnvelope } from './support/envelopes.js'
import { EXECUTE_PATH, postExact, runQueryBody, runQueryPath, type ExactExchange } from './support/exact-client.js'
import { LEGIT_OWNER, LEGIT_UIDS, startLegitServer, type LegitServer } from './support/legit-world.js'
import { BACKENDS, type Backend } from './support/test-world.js'

// 2000^3 rows: no back end counts them within any timeout these tests allow. pg_sleep is denied, so work must be real.
const HEAVY = 'SELECT count(*) AS n FROM public.price AS a, public.price AS b, public.price AS c'
const HEAVY_SCOPE = ['public.price']
// The world caps every statement at this many milliseconds, whatever a request asks for.
const MAX_TIMEOUT_MS = 1500

function expectTimeout(reply: ExactExchange): void {
  expect([reply.status, reply.body?.error?.code, reply.body?.error?.retryable, reply.body?.error?.sqlstate], reply.text).toEqual([504, 'statement_timeout', true, '57014'])
  expect(validateErrorResponse(JSON.parse(reply.text)).ok).toBe(true)
}

describe.each(BACKENDS)('statement timeouts over HTTP on %s', (backend: Backend) => {
  let running: LegitServer
  const post = (body: unknown) => postExact(running.server.url, EXECUTE_PATH, body, { token: LEGIT_OWNER.token })
  const tradeCount = async (): Promise<string> => {
    const reply = await post(legitEnvelope('select', 'SELECT count(*) AS n FROM public.trade AS t', ['public.trade']))
    expect(reply.status, reply.text).toBe(200)
    return String(reply.body.rows[0].n)
  }

  beforeAll(async () => {
    running = await startLegitServer(backend, { limits: { max_statement_timeout_ms: MAX_TIMEOUT_MS } })
  })

  afterAll(async () => {
    await running?.stop()
  })

  it('answers a read over statement_timeout_ms with 504 statement_timeout, retryable, and serves the next request', async () => {
    expectTimeout(await post(legitEnvelope('select', HEAVY, HEAVY_SCOPE, { timeoutMs: 300 })))
    expect(await tradeCount()).toBe('501')
  })

  it('keeps the writes committed before a timeout', async () => {
    const insert = legitEnvelope(
      'insert',
      'INSERT INTO public.trade (asset_uid, venue_id, qty, side, at) VALUES (%(asset)s, 1, %(qty)s, %(side)s, %(at)s) RETURNING id, qty',
      ['public.trade:write'],
      { parameters: { asset: 'b0000000-0000-4000-8000-000000000001', qty: '12.5', side: 'sell', at: '2024-06-01T00:00:00Z' }, parameterTypes: { at: 'timestamp with time zone' } },
    )
    const written = await post(insert)
    expect([written.status, written.body.row_count?.toString()], written.text).toEqual([200, '1'])
    const id = String(written.body.rows[0].id)
    expect(id).toBe('501') // the next value of the seeded trade_id_seq

    expectTimeout(await post(legitEnvelope('select', HEAVY, HEAVY_SCOPE, { timeoutMs: 300 })))

    const read = await post(legitEnvelope('select', 'SELECT t.id, t.qty, t.side FROM public.trade AS t WHERE t.id = %(id)s', ['public.trade'], { parameters: { id: Number(id) } }))
    expect([read.status, read.body.rows], read.text).toEqual([200, [{ id, qty: '12.5', side: 'sell' }]])
    expect(await tradeCount()).toBe('502')
  })

  it('rolls back a write that runs past its timeout', async () => {
    const before = await post(legitEnvelope('select', 'SELECT t.qty FROM public.trade AS t WHERE t.id = 1', ['public.trade']))
    expect(before.status, before.text).toBe(200)
    const update = legitEnvelope('update', `UPDATE public.trade SET qty = -1 WHERE id = 1 AND (${HEAVY}) > 0`, ['public.trade:write', 'public.price'], { timeoutMs: 300 })
    expectTimeout(await post(update))
    const after = await post(legitEnvelope('select', 'SELECT t.qty FROM public.trade AS t WHERE t.id = 1', ['public.trade']))
    expect([after.status, after.body.rows]).toEqual([200, before.body.rows])
    expect(String(after.body.rows[0].qty)).not.toBe('-1')
  })

  it('records no Idempotency-Key for a write that timed out: its retry runs it', async () => {
    // The heavy count only runs while venue 99 exists (OR stops at its first true argument); the same body is fast once it is gone.
    const venue = (operation: string, sql: string) => post(legitEnvelope(operation, sql, ['market.venue:write']))
    expect((await venue('insert', "INSERT INTO market.venue (id, name) VALUES (99, 'gate')")).status).toBe(200)
    const gated = legitEnvelope(
      'update',
      `UPDATE public.trade SET qty = 4242 WHERE id = 4 AND (NOT EXISTS (SELECT 1 FROM market.venue AS v WHERE v.id = 99) OR (${HEAVY}) > 0) RETURNING id, qty`,
      ['public.trade:write', 'public.price', 'market.venue'],
      { timeoutMs: 300 },
    )
    const key = { 'idempotency-key': `timed-out-${backend}` }
    expectTimeout(await postExact(running.server.url, EXECUTE_PATH, gated, { token: LEGIT_OWNER.token, headers: key }))
    expect((await venue('delete', 'DELETE FROM market.venue WHERE id = 99')).status).toBe(200)
    const untouched = await post(legitEnvelope('select', 'SELECT t.qty FROM public.trade AS t WHERE t.id = 4', ['public.trade']))
    expect([untouched.status, untouched.body.rows.length]).toEqual([200, 1])
    expect(String(untouched.body.rows[0].qty)).not.toBe('4242')

    const retried = await postExact(running.server.url, EXECUTE_PATH, gated, { token: LEGIT_OWNER.token, headers: key })
    expect([retried.status, retried.body.row_count?.toString(), retried.body.rows], retried.text).toEqual([200, '1', [{ id: '4', qty: '4242' }]])
  })

  it("lowers a longer statement_timeout_ms to the world's max_statement_timeout_ms", async () => {
    expectTimeout(await post(legitEnvelope('select', HEAVY, HEAVY_SCOPE, { timeoutMs: 2_147_483_647 })))
    expect(await tradeCount()).toBe('502')
  })

  it('times out run_query under the same cap', async () => {
    const reply = await postExact(running.server.url, runQueryPath(LEGIT_UIDS['public.price']), runQueryBody(HEAVY), { token: LEGIT_OWNER.token })
    expectTimeout(reply)
    expect(await tradeCount()).toBe('502')
  })

  it('serves a request sent while another one is timing out', async () => {
    const heavy = post(legitEnvelope('select', HEAVY, HEAVY_SCOPE, { timeoutMs: 300 }))
    const light = post(legitEnvelope('select', 'SELECT v.name FROM market.venue AS v WHERE v.id = 1', ['market.venue']))
    const [timedOut, served] = await Promise.all([heavy, light])
    expectTimeout(timedOut)
    expect([served.status, served.body.rows?.length], served.text).toEqual([200, 1])
  })

  it('answers every one of several timeouts in a row and keeps serving', async () => {
    for (let i = 0; i < 3; i++) expectTimeout(await post(legitEnvelope('select', HEAVY, HEAVY_SCOPE, { timeoutMs: 200 })))
    expect(await tradeCount()).toBe('502')
  })
})
