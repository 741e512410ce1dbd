import { validateErrorResponse } from '@compiled-sql/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legitEnvelope } from './support/envelopes.js'
import { EXECUTE_PATH, postExact, runQueryBody, runQueryPath, type ExactExchange } from './support/exact-client.js'
import { LEGIT_OWNER, LEGIT_UIDS, startLegitServer, type LegitServer } from './support/legit-world.js'
import { BACKENDS, type Backend } from './support/test-world.js'

// Requests a minute each limited principal may send; the bucket refills one request every 60/N seconds,
// far slower than these tests run, so the N+1st request is always over the limit.
const LIMIT = 3
const WRITER = { id: 'limited-writer', token: 'limited-writer-token-00000001' } as const
const READER = { id: 'limited-reader', token: 'limited-reader-token-00000001' } as const
const FAST_LIMIT = 60
const FAST = { id: 'limited-fast', token: 'limited-fast-token-0000000001' } as const

// A quantity no seeded trade has: the rows the limited writer's inserts leave behind.
const MARKER = '7777.125'
const INSERT = legitEnvelope('insert', "INSERT INTO public.trade (venue_id, qty, side) VALUES (2, %(qty)s, 'buy') RETURNING id", ['public.trade:write'], {
  parameters: { qty: MARKER },
})
const COUNT = legitEnvelope('select', 'SELECT count(*) AS n FROM public.trade AS t WHERE t.qty = %(qty)s', ['public.trade'], { parameters: { qty: MARKER } })

function expectRateLimited(reply: ExactExchange, perMinute = LIMIT): void {
  expect([reply.status, reply.body?.error?.code, reply.body?.error?.retryable], reply.text).toEqual([429, 'rate_limited', true])
  expect(validateErrorResponse(JSON.parse(reply.text)).ok).toBe(true)
  const retryAfter = reply.headers.get('retry-after')
  expect(retryAfter).toMatch(/^[1-9]\d*$/)
  // The bucket refills perMinute requests a minute, so a token is back within 60/perMinute seconds.
  expect(Number(retryAfter)).toBeLessThanOrEqual(Math.ceil(60 / perMinute))
  expect(String(reply.body.error.details?.retry_after_ms)).toMatch(/^[1-9]\d*$/)
  expect(Number(retryAfter)).toBe(Math.ceil(Number(reply.body.error.details.retry_after_ms) / 1000))
}

describe.each(BACKENDS)('per-principal rate limits over HTTP on %s', (backend: Backend) => {
  let running: LegitServer
  const post = (body: unknown, token: string) => postExact(running.server.url, EXECUTE_PATH, body, { token })
  const markerCount = async (): Promise<string> => {
    const reply = await post(COUNT, LEGIT_OWNER.token) // the owner has no rate limit
    expect(reply.status, reply.text).toBe(200)
    return String(reply.body.rows[0].n)
  }

  beforeAll(async () => {
    running = await startLegitServer(backend, {
      principals: [
        { id: WRITER.id, tokens: [WRITER.token], rate_limit_per_minute: LIMIT },
        { id: READER.id, tokens: [READER.token], rate_limit_per_minute: LIMIT },
        { id: FAST.id, tokens: [FAST.token], rate_limit_per_minute: FAST_LIMIT },
      ],
      grants: [
        { principal: WRITER.id, meta_table_uid: LEGIT_UIDS['public.trade'], access: 'write' },
        { principal: READER.id, meta_table_uid: LEGIT_UIDS['public.trade'], access: 'read' },
        { principal: FAST.id, meta_table_uid: LEGIT_UIDS['public.trade'], access: 'write' },
      ],
    })
  })

  afterAll(async () => {
    await running?.stop()
  })

  it(`serves ${LIMIT} requests, then answers 429 rate_limited with Retry-After, and applies nothing of a limited write`, async () => {
    expect(await markerCount()).toBe('0')
    const served: number[] = []
    served.push((await post(INSERT, WRITER.token)).status)
    served.push((await post(COUNT, WRITER.token)).status)
    served.push((await postExact(running.server.url, runQueryPath(LEGIT_UIDS['public.trade']), runQueryBody('SELECT count(*) AS n FROM public.trade'), { token: WRITER.token })).status)
    expect(served).toEqual([200, 200, 200])
    expect(await markerCount()).toBe('1')

    expectRateLimited(await post(INSERT, WRITER.token))
    expectRateLimited(await post(INSERT, WRITER.token))
    expect(await markerCount()).toBe('1') // neither limited insert ran
  })

  it('limits before anything else: a limited request is refused whatever its body, route or Idempotency-Key', async () => {
    expectRateLimited(await post({ not: 'an envelope' }, WRITER.token))
    expectRateLimited(await postExact(running.server.url, runQueryPath(LEGIT_UIDS['public.trade']), runQueryBody('SELECT 1'), { token: WRITER.token }))
    expectRateLimited(await postExact(running.server.url, EXECUTE_PATH, INSERT, { token: WRITER.token, headers: { 'idempotency-key': `limited-${backend}` } }))
    expect(await markerCount()).toBe('1')
  })

  it('counts each principal on its own', async () => {
    const statuses: number[] = []
    for (let i = 0; i < LIMIT; i++) statuses.push((await post(COUNT, READER.token)).status)
    expect(statuses).toEqual(Array(LIMIT).fill(200))
    expectRateLimited(await post(COUNT, READER.token))
    expect(await markerCount()).toBe('1') // the owner, with no limit, is still served
  })

  it('applies exactly the writes it served, none it limited, and serves again once Retry-After has passed', async () => {
    // One token a second after a burst of FAST_LIMIT: insert until refused, counting what was served.
    const before = Number(await markerCount())
    let served = 0
    let limited: ExactExchange | undefined
    while (limited === undefined) {
      expect(served).toBeLessThanOrEqual(4 * FAST_LIMIT)
      const reply = await post(INSERT, FAST.token)
      if (reply.status === 429) {
        limited = reply
      } else {
        expect(reply.status, reply.text).toBe(200)
        served++
      }
    }
    expectRateLimited(limited, FAST_LIMIT)
    expect(served).toBeGreaterThanOrEqual(FAST_LIMIT)
    expect(Number(await markerCount())).toBe(before + served)

    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(limited.headers.get('retry-after'))))
    const key = { 'idempotency-key': `after-retry-${backend}` }
    const retried = await postExact(running.server.url, EXECUTE_PATH, INSERT, { token: FAST.token, headers: key })
    expect([retried.status, retried.body.row_count?.toString()], retried.text).toEqual([200, '1'])
    expect(Number(await markerCount())).toBe(before + served + 1)
  })
})
