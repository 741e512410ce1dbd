import { describe, expect, it } from 'vitest'
import { MetaTableClient, ServerError, TransportError, buildOperation, type RetryEvent } from '../../src/index.js'
import { exhaustRateLimit } from '../support/exhaust-rate-limit.js'
import { DEMO } from '../support/stub-server.js'
import { useStubWithProxy } from '../support/stub-with-proxy.js'

const servers = useStubWithProxy()

const ACCOUNT_SCOPE = { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.accountUid, access: 'write' as const }] }

function client(options: { retries?: RetryEvent[] } = {}): MetaTableClient {
  return new MetaTableClient({
    endpoint: servers.proxy.url,
    token: DEMO.analystToken,
    retry: { initialDelayMs: 10, maxDelayMs: 50 },
    ...(options.retries && { onRetry: (event: RetryEvent) => options.retries?.push(event) }),
  })
}

function insertAccount(uid: string, name: string) {
  return buildOperation({
    operation: 'insert',
    sql: 'INSERT INTO public.account (uid, name) VALUES (%(uid)s, %(name)s) RETURNING uid, name',
    parameters: { uid, name },
    parameterTypes: { uid: 'uuid' },
    scope: ACCOUNT_SCOPE,
  })
}

/** How many account rows have this name, read straight from the server (not through the proxy). */
async function accountsNamed(name: string): Promise<number> {
  const direct = new MetaTableClient({ endpoint: servers.stub.url, token: DEMO.analystToken })
  const { results } = await direct.runQuery(DEMO.accountUid, `SELECT count(*) AS n FROM public.account WHERE name = '${name}'`)
  return Number(results[0]?.n)
}

function sentSince(from: number): number {
  return servers.proxy.requests.length - from
}

describe('a write', () => {
  it('is sent once and returns its RETURNING rows', async () => {
    const before = servers.proxy.requests.length
    const result = await client().executeOperation(await insertAccount('cccccccc-cccc-4ccc-8ccc-100000000001', 'write once'))
    expect(sentSince(before)).toBe(1)
    expect([result.operation, result.row_count, result.rows]).toEqual(['insert', 1, [{ uid: 'cccccccc-cccc-4ccc-8ccc-100000000001', name: 'write once' }]])
    expect(await accountsNamed('write once')).toBe(1)
  })

  it('is not retried on 503 without an idempotency key', async () => {
    servers.proxy.script({ kind: 'status', status: 503, headers: { 'retry-after': '0' }, body: '{"ok":false}' })
    const before = servers.proxy.requests.length
    await expect(client().executeOperation(await insertAccount('cccccccc-cccc-4ccc-8ccc-100000000002', 'no retry 503'))).rejects.toBeInstanceOf(ServerError)
    expect(sentSince(before)).toBe(1)
    expect(await accountsNamed('no retry 503')).toBe(0)
  })

  it('is not retried when the answer of a committed write is lost, and the row exists once', async () => {
    servers.proxy.script({ kind: 'forward-then-reset' })
    const before = servers.proxy.requests.length
    await expect(client().executeOperation(await insertAccount('cccccccc-cccc-4ccc-8ccc-100000000003', 'lost answer'))).rejects.toBeInstanceOf(TransportError)
    expect(sentSince(before)).toBe(1)
    expect(await accountsNamed('lost answer')).toBe(1)
  })

  it('with an idempotency key is retried after a lost answer, applied once, and answered with the stored result', async () => {
    servers.proxy.script({ kind: 'forward-then-reset' })
    const retries: RetryEvent[] = []
    const before = servers.proxy.requests.length
    const result = await client({ retries }).executeOperation(await insertAccount('cccccccc-cccc-4ccc-8ccc-100000000004', 'idempotent'), { idempotencyKey: 'client-test-key-0004' })
    const sent = servers.proxy.requests.slice(before)
    expect(sent.map((request) => request.headers['idempotency-key'])).toEqual(['client-test-key-0004', 'client-test-key-0004'])
    expect(sent[0]?.body).toBe(sent[1]?.body)
    expect(retries.map((event) => event.error.constructor.name)).toEqual(['TransportError'])
    expect(result.rows).toEqual([{ uid: 'cccccccc-cccc-4ccc-8ccc-100000000004', name: 'idempotent' }])
    expect(await accountsNamed('idempotent')).toBe(1)
  })
})

describe('a read', () => {
  const selectAssets = () =>
    buildOperation({
      operation: 'select',
      sql: 'SELECT a.symbol FROM public.asset AS a ORDER BY a.symbol',
      scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid }] },
      limits: { maxRows: 2 },
    })

  it('is retried on 503 after the Retry-After the server sent', async () => {
    servers.proxy.script({ kind: 'status', status: 503, headers: { 'retry-after': '1' }, body: '{"ok":false,"error":{"code":"service_unavailable","kind":"unavailable","message":"down","retryable":true}}' })
    const retries: RetryEvent[] = []
    const before = servers.proxy.requests.length
    const result = await client({ retries }).executeOperation(await selectAssets())
    const [first, second] = servers.proxy.requests.slice(before)
    expect(retries.map((event) => event.delayMs)).toEqual([1000])
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990)
    expect(result.row_count).toBe(2)
  })

  it('is retried after a connection reset, with backoff', async () => {
    servers.proxy.script({ kind: 'reset' }, { kind: 'reset' })
    const retries: RetryEvent[] = []
    const result = await client({ retries }).executeOperation(await selectAssets())
    expect(retries.map((event) => [event.retry, event.error instanceof TransportError])).toEqual([
      [1, true],
      [2, true],
    ])
    expect(retries.every((event) => event.delayMs >= 5 && event.delayMs <= 50)).toBe(true)
    expect(result.row_count).toBe(2)
  })

  it('gives up after maxRetries and throws the last failure', async () => {
    servers.proxy.script(...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 503, body: 'upstream down' })))
    const before = servers.proxy.requests.length
    const failure = await client().executeOperation(await selectAssets()).catch((error: unknown) => error)
    expect(sentSince(before)).toBe(4)
    expect(failure).toBeInstanceOf(ServerError)
    expect(failure).toMatchObject({ status: 503, code: 'service_unavailable', message: 'upstream down' })
  })

  it('is not retried on a 500', async () => {
    servers.proxy.script({ kind: 'status', status: 500, body: '{"detail":"boom"}' })
    const before = servers.proxy.requests.length
    await expect(client().executeOperation(await selectAssets())).rejects.toMatchObject({ status: 500, code: 'internal_error', message: 'boom' })
    expect(sentSince(before)).toBe(1)
  })

  it('does not wait out a Retry-After longer than maxRetryAfterMs', async () => {
    servers.proxy.script({ kind: 'status', status: 503, headers: { 'retry-after': '120' } })
    const before = servers.proxy.requests.length
    await expect(client().executeOperation(await selectAssets())).rejects.toMatchObject({ status: 503, retryAfterMs: 120_000 })
    expect(sentSince(before)).toBe(1)
  })

  it('is retried on a real 429 from the rate limiter and succeeds once the bucket refills', async () => {
    const limited = (retry: { maxRetries: number }, retries?: RetryEvent[]) =>
      new MetaTableClient({ endpoint: servers.stub.url, token: DEMO.limitedToken, retry, ...(retries && { onRetry: (event: RetryEvent) => retries.push(event) }) })
    const envelope = await selectAssets()
    // The bucket refills a token every 3 s: should a loaded machine still let one refill before the next request, try again.
    let retries: RetryEvent[] = []
    let result
    for (let attempt = 0; attempt < 3 && retries.length === 0; attempt += 1) {
      const refusal = await exhaustRateLimit(servers.stub.url, DEMO.limitedToken, envelope)
      expect(refusal).toMatchObject({ status: 429, code: 'rate_limited', retryable: true })
      retries = []
      result = await limited({ maxRetries: 3 }, retries).executeOperation(envelope)
    }
    expect(retries.length).toBeGreaterThanOrEqual(1)
    expect(retries[0]!.delayMs).toBeGreaterThan(0)
    expect(retries[0]!.delayMs).toBe((retries[0]!.error as { retryAfterMs?: number }).retryAfterMs)
    expect(result?.row_count).toBe(2)
  })
})
