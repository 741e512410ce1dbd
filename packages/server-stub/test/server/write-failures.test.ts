import { validateErrorResponse } from '@compiled-sql/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legitEnvelope } from './support/envelopes.js'
import { EXECUTE_PATH, parseExact, postExact, type ExactExchange } from './support/exact-client.js'
import { LEGIT_OWNER, LEGIT_UIDS, startLegitServer, type LegitServer } from './support/legit-world.js'
import { BACKENDS, type Backend } from './support/test-world.js'

const ACCOUNT = 'a0000000-0000-4000-8000-000000000001'
const TRADE_W = ['public.trade:write']
const ASSET_W = ['public.asset:write']
const OTHER_WRITER = { id: 'other-writer', token: 'other-writer-token-0000000001' } as const

/** One INSERT of a trade per side given, with the quantities given, on venue 7 (which the seed leaves without trades). */
function insertTrades(sides: readonly string[], qty: readonly string[], returning = 'RETURNING id'): Record<string, unknown> {
  const rows = sides.map((_, i) => `(7, %(q${i})s, %(s${i})s)`).join(', ')
  const parameters = Object.fromEntries(sides.flatMap((side, i) => [[`s${i}`, side], [`q${i}`, qty[i]]]))
  return legitEnvelope('insert', `INSERT INTO public.trade (venue_id, qty, side) VALUES ${rows} ${returning}`, TRADE_W, { parameters })
}

function insertAsset(uid: string, symbol: string): Record<string, unknown> {
  return legitEnvelope('insert', 'INSERT INTO public.asset (uid, account_uid, symbol) VALUES (%(uid)s, %(account)s, %(symbol)s) RETURNING uid, symbol', ASSET_W, {
    parameters: { uid, account: ACCOUNT, symbol },
  })
}

/** The body without its request id, which differs per request by design. */
function withoutRequestId(reply: ExactExchange): unknown {
  const { request_id: _id, ...rest } = parseExact(reply.text) as Record<string, unknown>
  return rest
}

function expectError(reply: ExactExchange, status: number, code: string, sqlstate: string): void {
  expect([reply.status, reply.body?.error?.code, reply.body?.error?.sqlstate], reply.text).toEqual([status, code, sqlstate])
  expect(validateErrorResponse(JSON.parse(reply.text)).ok).toBe(true)
}

describe.each(BACKENDS)('failed and retried writes over HTTP on %s', (backend: Backend) => {
  let running: LegitServer
  const post = (body: unknown, headers?: Record<string, string>) =>
    postExact(running.server.url, EXECUTE_PATH, body, { token: LEGIT_OWNER.token, ...(headers && { headers }) })
  const rows = async (sql: string, scope: readonly string[], parameters: Record<string, unknown> = {}): Promise<unknown[]> => {
    const reply = await post(legitEnvelope('select', sql, scope, { parameters }))
    expect(reply.status, reply.text).toBe(200)
    return (JSON.parse(reply.text) as { rows: unknown[] }).rows // int8 and numeric are strings: nothing here loses digits
  }
  const venue7Trades = () => rows('SELECT t.qty, t.side FROM public.trade AS t WHERE t.venue_id = 7 ORDER BY t.id', ['public.trade'])
  const assets = (symbol: string) => rows('SELECT a.uid FROM public.asset AS a WHERE a.symbol = %(symbol)s ORDER BY a.uid', ['public.asset'], { symbol })

  beforeAll(async () => {
    running = await startLegitServer(backend, {
      principals: [{ id: OTHER_WRITER.id, tokens: [OTHER_WRITER.token] }],
      grants: [{ principal: OTHER_WRITER.id, meta_table_uid: LEGIT_UIDS['public.trade'], access: 'write' }],
    })
  })

  afterAll(async () => {
    await running?.stop()
  })

  it('seeds no trade on venue 7, which these tests write', async () => {
    expect(await venue7Trades()).toEqual([])
  })

  it('leaves no row of a multi-row insert whose middle row breaks a CHECK constraint', async () => {
    expectError(await post(insertTrades(['buy', 'hold', 'sell'], ['1', '2', '3'])), 422, 'constraint_violation', '23514')
    expect(await venue7Trades()).toEqual([])
  })

  it('leaves no row of a multi-row insert whose last row breaks a foreign key', async () => {
    const body = legitEnvelope('insert', "INSERT INTO public.trade (venue_id, qty, side) VALUES (7, 1, 'buy'), (7, 2, 'sell'), (999, 3, 'buy')", TRADE_W)
    expectError(await post(body), 422, 'constraint_violation', '23503')
    expect(await venue7Trades()).toEqual([])
  })

  it('leaves no row of a multi-row insert that repeats a unique value within itself', async () => {
    const body = legitEnvelope(
      'insert',
      "INSERT INTO public.asset (uid, account_uid, symbol) VALUES ('c1000000-0000-4000-8000-000000000001', %(a)s, 'TWICE'), ('c1000000-0000-4000-8000-000000000002', %(a)s, 'TWICE')",
      ASSET_W,
      { parameters: { a: ACCOUNT } },
    )
    expectError(await post(body), 409, 'unique_violation', '23505')
    expect(await assets('TWICE')).toEqual([])
  })

  it('leaves no row of an insert whose RETURNING fails on its second row', async () => {
    expectError(await post(insertTrades(['buy', 'sell', 'buy'], ['1', '2', '3'], 'RETURNING id, 1 / (qty - 2) AS inverse')), 422, 'query_error', '22012')
    expect(await venue7Trades()).toEqual([])
  })

  it('leaves every row as it was after an update whose RETURNING fails', async () => {
    const before = await rows('SELECT a.uid, a.decimals FROM public.asset AS a ORDER BY a.uid', ['public.asset'])
    const body = legitEnvelope('update', "UPDATE public.asset SET decimals = coalesce(decimals, 0) + 1 RETURNING uid, (symbol || 'x')::int AS n", ASSET_W)
    expectError(await post(body), 422, 'query_error', '22P02')
    expect(await rows('SELECT a.uid, a.decimals FROM public.asset AS a ORDER BY a.uid', ['public.asset'])).toEqual(before)
  })

  it('records no Idempotency-Key for a failed write: the retry with the same key executes it, and a later one replays it', async () => {
    const blocker = 'c2000000-0000-4000-8000-000000000001'
    const wanted = 'c2000000-0000-4000-8000-000000000002'
    expect((await post(insertAsset(blocker, 'RETRY-ME'))).status).toBe(200)
    const key = { 'idempotency-key': `retry-after-failure-${backend}` }

    expectError(await post(insertAsset(wanted, 'RETRY-ME'), key), 409, 'unique_violation', '23505')
    expect(await assets('RETRY-ME')).toEqual([{ uid: blocker }])

    const removed = await post(legitEnvelope('delete', 'DELETE FROM public.asset WHERE uid = %(uid)s', ASSET_W, { parameters: { uid: blocker } }))
    expect([removed.status, removed.body.row_count?.toString()], removed.text).toEqual([200, '1'])

    const retried = await post(insertAsset(wanted, 'RETRY-ME'), key)
    expect([retried.status, retried.body.rows], retried.text).toEqual([200, [{ uid: wanted, symbol: 'RETRY-ME' }]])
    const replayed = await post(insertAsset(wanted, 'RETRY-ME'), key)
    expect(withoutRequestId(replayed)).toEqual(withoutRequestId(retried))
    expect(await assets('RETRY-ME')).toEqual([{ uid: wanted }])

    const other = await post(insertAsset('c2000000-0000-4000-8000-000000000003', 'OTHER'), key)
    expect([other.status, other.body.error?.code], other.text).toEqual([409, 'idempotency_conflict'])
    expect(await assets('OTHER')).toEqual([])
  })

  it('runs five concurrent identical requests under one Idempotency-Key exactly once, and answers all five alike', async () => {
    const body = insertTrades(['buy'], ['41.5'])
    const replies = await Promise.all(Array.from({ length: 5 }, () => post(body, { 'idempotency-key': `concurrent-insert-${backend}` })))
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const [first, ...rest] = replies.map(withoutRequestId)
    for (const other of rest) expect(other).toEqual(first)
    expect(await venue7Trades()).toEqual([{ qty: '41.5', side: 'buy' }])
  })

  it('applies a concurrent idempotent increment once', async () => {
    const reset = await post(legitEnvelope('update', 'UPDATE public.trade SET qty = 10 WHERE id = 2', TRADE_W))
    expect([reset.status, reset.body.row_count?.toString()], reset.text).toEqual([200, '1'])
    const body = legitEnvelope('update', 'UPDATE public.trade SET qty = qty + 1 WHERE id = 2 RETURNING qty', TRADE_W)
    const replies = await Promise.all(Array.from({ length: 5 }, () => post(body, { 'idempotency-key': `concurrent-update-${backend}` })))
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const [first, ...rest] = replies.map(withoutRequestId)
    for (const other of rest) expect(other).toEqual(first)
    expect(replies[0]!.body.rows).toEqual([{ qty: '11' }])
    expect(await rows('SELECT t.qty FROM public.trade AS t WHERE t.id = 2', ['public.trade'])).toEqual([{ qty: '11' }])
  })

  it('runs concurrent requests with distinct keys once each', async () => {
    const body = insertTrades(['sell'], ['99.25'])
    const replies = await Promise.all(Array.from({ length: 5 }, (_, i) => post(body, { 'idempotency-key': `distinct-${backend}-${i}` })))
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    expect(new Set(replies.map((r) => String(r.body.rows[0].id))).size).toBe(5)
    expect((await venue7Trades()).filter((t) => (t as { qty: string }).qty === '99.25')).toHaveLength(5)
  })

  it("keeps each principal's Idempotency-Keys apart: the same key and body from another principal is its own write", async () => {
    const body = insertTrades(['buy'], ['63.75'])
    const key = { 'idempotency-key': `shared-key-${backend}` }
    const mine = await post(body, key)
    const theirs = await postExact(running.server.url, EXECUTE_PATH, body, { token: OTHER_WRITER.token, headers: key })
    expect([mine.status, theirs.status], theirs.text).toEqual([200, 200])
    expect(String(theirs.body.rows[0].id)).not.toBe(String(mine.body.rows[0].id))
    expect((await venue7Trades()).filter((t) => (t as { qty: string }).qty === '63.75')).toHaveLength(2)
  })

  it('bug idempotent-concurrent-failure: answers every concurrent same-key request with the stored result, even when re-running the write would fail', async () => {
    // The write flips buy to sell; run a second time it would write 'hold', which the CHECK constraint refuses (23514).
    const reset = await post(legitEnvelope('update', "UPDATE public.trade SET side = 'buy' WHERE id = 3", TRADE_W))
    expect([reset.status, reset.body.row_count?.toString()], reset.text).toEqual([200, '1'])
    const flip = legitEnvelope('update', "UPDATE public.trade SET side = CASE WHEN side = 'buy' THEN 'sell' ELSE 'hold' END WHERE id = 3 RETURNING side", TRADE_W)
    const replies = await Promise.all(Array.from({ length: 5 }, () => post(flip, { 'idempotency-key': `concurrent-flip-${backend}` })))
    expect(replies.map((r) => [r.status, r.body.rows ?? r.body.error?.code])).toEqual(Array(5).fill([200, [{ side: 'sell' }]]))
    expect(await rows('SELECT t.side FROM public.trade AS t WHERE t.id = 3', ['public.trade'])).toEqual([{ side: 'sell' }])
  })
})
