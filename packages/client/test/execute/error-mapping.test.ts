import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  MetaTableClient,
  NotFoundError,
  OperationBuildError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  ServerError,
  TimeoutError,
  TransportError,
  buildOperation,
} from '../../src/index.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import { exhaustRateLimit } from '../support/exhaust-rate-limit.js'
import { DEMO } from '../support/stub-server.js'
import { useStubWithProxy } from '../support/stub-with-proxy.js'

const servers = useStubWithProxy()

const NO_RETRY = { maxRetries: 0 }

function clientFor(token: string, endpoint = servers.stub.url): MetaTableClient {
  return new MetaTableClient({ endpoint, token, retry: NO_RETRY })
}

function envelope(operation: 'select' | 'insert', sql: string, tables: { metaTableUid: string; access?: 'read' | 'write' }[], extra: { parameters?: Record<string, string>; timeoutMs?: number } = {}) {
  return buildOperation({
    operation,
    sql,
    parameters: extra.parameters ?? {},
    scope: { dataSourceUid: DEMO.dataSourceUid, tables },
    ...(extra.timeoutMs !== undefined && { limits: { statementTimeoutMs: extra.timeoutMs } }),
  })
}

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(RequestError)
  return error as RequestError
}

describe('errors from the real server-stub map to typed errors', () => {
  it('maps an unknown token to AuthenticationError (401)', async () => {
    const error = await failure(clientFor('not-a-known-token-at-all').executeOperation(await envelope('select', 'SELECT 1 AS one FROM public.asset AS a', [{ metaTableUid: DEMO.assetUid }])))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect([error.status, error.code, error.retryable]).toEqual([401, 'unauthenticated', false])
    expect(error.requestId).toMatch(/.+/)
  })

  it('maps a write without a write grant to PermissionDeniedError (403)', async () => {
    const insert = await envelope('insert', "INSERT INTO public.asset (uid, account_uid, symbol) VALUES (%(uid)s::uuid, 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'X')", [{ metaTableUid: DEMO.assetUid, access: 'write' }], { parameters: { uid: 'eeeeeeee-eeee-4eee-8eee-00000000000a' } })
    const error = await failure(clientFor(DEMO.viewerToken).executeOperation(insert))
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect([error.status, error.code]).toEqual([403, 'access_denied'])
  })

  it('maps a MetaTable the caller cannot see to NotFoundError (404), like a missing one', async () => {
    const hidden = await failure(clientFor(DEMO.viewerToken).executeOperation(await envelope('select', 'SELECT 1 AS one FROM public.account AS a', [{ metaTableUid: DEMO.accountUid }])))
    const missing = await failure(clientFor(DEMO.viewerToken).executeOperation(await envelope('select', 'SELECT 1 AS one FROM public.account AS a', [{ metaTableUid: '99999999-9999-4999-8999-999999999999' }])))
    for (const error of [hidden, missing]) {
      expect(error).toBeInstanceOf(NotFoundError)
      expect([error.status, error.code]).toEqual([404, 'meta_table_not_found'])
    }
  })

  it('maps a unique violation to ConflictError (409) with its SQLSTATE', async () => {
    const insert = await envelope('insert', 'INSERT INTO public.account (uid, name) VALUES (%(uid)s::uuid, %(name)s)', [{ metaTableUid: DEMO.accountUid, access: 'write' }], {
      parameters: { uid: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', name: 'duplicate' },
    })
    const error = await failure(clientFor(DEMO.analystToken).executeOperation(insert))
    expect(error).toBeInstanceOf(ConflictError)
    expect([error.status, error.code, error.sqlstate]).toEqual([409, 'unique_violation', '23505'])
  })

  it('maps a statement the server rejects to BadRequestError (422) with the position in the SQL sent', async () => {
    const sql = 'SELECT a.symbol FROM public.asset AS a JOIN public.account AS b ON b.uid = a.account_uid'
    const error = await failure(clientFor(DEMO.analystToken).executeOperation(await envelope('select', sql, [{ metaTableUid: DEMO.assetUid }])))
    expect(error).toBeInstanceOf(BadRequestError)
    expect([error.status, error.code]).toEqual([422, 'relation_not_in_scope'])
    expect(sql.slice((error.position ?? 0) - 1)).toMatch(/^public\.account/)
  })

  it('maps an envelope the server finds invalid to BadRequestError (400) with its issues', async () => {
    const body = await envelope('select', 'SELECT a.symbol FROM public.asset AS a WHERE a.symbol = %(symbol)s', [{ metaTableUid: DEMO.assetUid }], { parameters: { symbol: 'BTC', unused: 'x' } })
    const error = await failure(clientFor(DEMO.analystToken).executeOperation(body))
    expect(error).toBeInstanceOf(BadRequestError)
    expect([error.status, error.code, error.details?.parameter]).toEqual([400, 'unused_parameter', 'unused'])
  })

  it('maps the rate limiter to RateLimitError (429) with retryAfterMs', async () => {
    const select = await envelope('select', 'SELECT a.symbol FROM public.asset AS a ORDER BY a.symbol', [{ metaTableUid: DEMO.assetUid }])
    const error = await exhaustRateLimit(servers.stub.url, DEMO.limitedToken, select)
    expect(error).toBeInstanceOf(RateLimitError)
    expect([error.status, error.code, error.retryable]).toEqual([429, 'rate_limited', true])
    expect(error.retryAfterMs).toBeGreaterThan(0)
  })

  it('maps a statement timeout to TimeoutError (504, 57014)', async () => {
    const heavy = 'SELECT count(*) AS n FROM public.asset AS a, generate_series(1, 1000000000) AS g'
    const error = await failure(clientFor(DEMO.analystToken).executeOperation(await envelope('select', heavy, [{ metaTableUid: DEMO.assetUid }], { timeoutMs: 200 }), { timeoutMs: 30_000 }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect([error.status, error.code, error.sqlstate, error.retryable]).toEqual([504, 'statement_timeout', '57014', true])
  })

  it('maps a run_query the server rejects to BadRequestError', async () => {
    const error = await failure(clientFor(DEMO.analystToken).runQuery(DEMO.assetUid, "DELETE FROM public.asset WHERE symbol = 'BTC'"))
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.status).toBe(422)
    expect(error.code).toBe('statement_not_allowed')
  })
})

describe('errors without a server answer, or without a protocol body', () => {
  const select = () => envelope('select', 'SELECT a.symbol FROM public.asset AS a', [{ metaTableUid: DEMO.assetUid }])

  it('maps a refused connection to TransportError with no status', async () => {
    const closed = await startFaultProxy(servers.stub.url)
    const endpoint = closed.url
    await closed.close()
    const error = await failure(clientFor(DEMO.analystToken, endpoint).executeOperation(await select()))
    expect(error).toBeInstanceOf(TransportError)
    expect([error.status, error.code, error.retryable]).toEqual([undefined, 'transport_error', true])
  })

  it('reads the message of an upstream-style body from detail', async () => {
    servers.proxy.script({ kind: 'status', status: 403, body: '{"detail":"You do not have permission to perform this action."}' })
    const error = await failure(clientFor(DEMO.analystToken, servers.proxy.url).executeOperation(await select()))
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect([error.code, error.message]).toEqual(['access_denied', 'You do not have permission to perform this action.'])
  })

  it('maps a 2xx body that is not a JSON object to ServerError invalid_response', async () => {
    servers.proxy.script({ kind: 'status', status: 200, body: '<html>login</html>' })
    const error = await failure(clientFor(DEMO.analystToken, servers.proxy.url).executeOperation(await select()))
    expect(error).toBeInstanceOf(ServerError)
    expect([error.status, error.code, error.body]).toEqual([200, 'invalid_response', '<html>login</html>'])
  })

  it('ends a read when has_more is true without a next_offset, as the upstream loop does (regression: raised invalid_response)', async () => {
    const page = { ok: true, operation: 'select', dialect: 'postgresql', row_count: 1, rows: [{ symbol: 'BTC' }], truncated: true, max_rows: 5, pagination: { limit: 1, offset: 0, returned_count: 1, has_more: true, next_offset: null }, scope: { meta_table_uids: [DEMO.assetUid], data_source_uid: DEMO.dataSourceUid } }
    servers.proxy.script({ kind: 'status', status: 200, body: JSON.stringify(page) })
    const before = servers.proxy.requests.length
    const result = await clientFor(DEMO.analystToken, servers.proxy.url).executeOperation(await select())
    expect([servers.proxy.requests.length - before, result.rows]).toEqual([1, [{ symbol: 'BTC' }]])
  })

  it('stops when next_offset does not advance instead of looping', async () => {
    const page = { ok: true, operation: 'select', dialect: 'postgresql', row_count: 0, rows: [], truncated: true, max_rows: 5, pagination: { limit: 5, offset: 0, returned_count: 0, has_more: true, next_offset: 0 }, scope: { meta_table_uids: [DEMO.assetUid], data_source_uid: DEMO.dataSourceUid } }
    servers.proxy.script({ kind: 'status', status: 200, body: JSON.stringify(page) })
    const error = await failure(clientFor(DEMO.analystToken, servers.proxy.url).executeOperation(await select()))
    expect([error.constructor, error.code]).toEqual([ServerError, 'invalid_response'])
  })
})

describe('compile first', () => {
  const client = () => clientFor(DEMO.analystToken)

  it('refuses SQL text', async () => {
    await expect(client().executeOperation('SELECT 1')).rejects.toThrow(/compile first/)
  })

  it('refuses a query builder object', async () => {
    const builder = { compile: () => ({ sql: 'select 1', parameters: [] }) }
    const error = await client().executeOperation(builder).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(OperationBuildError)
    expect([(error as OperationBuildError).code, (error as OperationBuildError).path]).toEqual(['invalid_type', ''])
    expect((error as Error).message).toMatch(/not a query builder; compile first/)
  })

  it('refuses an invalid envelope before sending anything', async () => {
    const before = servers.proxy.requests.length
    const valid = await envelope('select', 'SELECT a.symbol FROM public.asset AS a', [{ metaTableUid: DEMO.assetUid }])
    const invalid = { ...valid, version: 'compiled-sql.v2' }
    await expect(clientFor(DEMO.analystToken, servers.proxy.url).executeOperation(invalid)).rejects.toMatchObject({ code: 'unsupported_version', path: '/version' })
    expect(servers.proxy.requests.length).toBe(before)
  })
})

describe('cancellation', () => {
  it('rejects with the abort reason while a request is in flight', async () => {
    servers.proxy.script({ kind: 'delay', ms: 2_000 })
    const controller = new AbortController()
    const pending = clientFor(DEMO.analystToken, servers.proxy.url).executeOperation(await envelope('select', 'SELECT a.symbol FROM public.asset AS a', [{ metaTableUid: DEMO.assetUid }]), { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('user cancelled')), 50)
    await expect(pending).rejects.toThrow('user cancelled')
  })

  it('rejects with the abort reason during a retry wait', async () => {
    servers.proxy.script({ kind: 'status', status: 503, headers: { 'retry-after': '30' } })
    const controller = new AbortController()
    const client = new MetaTableClient({ endpoint: servers.proxy.url, token: DEMO.analystToken, onRetry: () => controller.abort(new Error('stop waiting')) })
    await expect(client.executeOperation(await envelope('select', 'SELECT a.symbol FROM public.asset AS a', [{ metaTableUid: DEMO.assetUid }]), { signal: controller.signal })).rejects.toThrow('stop waiting')
  })
})
