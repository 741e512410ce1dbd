import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateErrorResponse, validateOperationResult, validateRunQueryResponse } from '@compiled-sql/protocol'
import { startStubServer, type RunningStubServer } from '../../src/index.js'
import { envelope, post } from './support/client.js'
import { ACCOUNT, ASSET, BACKENDS, OWNER_TOKEN, SECRET, VIEWER_TOKEN, scratchDatabase, writeTestWorld, type Backend } from './support/test-world.js'

const EXECUTE = '/orm/api/ts_manager/meta_table/execute-operation/'
const EXECUTE_V1 = '/api/v1/meta-tables/execute-operation/'

describe.each(BACKENDS)('server-stub over HTTP on %s', (backend: Backend) => {
  let server: RunningStubServer
  let dropDatabase = async () => {}

  beforeAll(async () => {
    let connectionString: string | undefined
    if (backend === 'postgresql') {
      const database = await scratchDatabase()
      connectionString = database.url
      dropDatabase = database.drop
    }
    server = await startStubServer({ configFile: writeTestWorld(backend, connectionString), port: 0, accessLog: () => {} })
  })

  afterAll(async () => {
    await server?.close()
    await dropDatabase()
  })

  it('answers /healthz and an OpenAPI 3.1 document built from the schemas', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
    expect(openapi.openapi).toBe('3.1.0')
    expect(Object.keys(openapi.paths)).toContain(EXECUTE)
    expect(openapi.components.schemas.operation).toMatchObject({ $id: expect.stringContaining('operation.schema.json') })
  })

  it('answers 401 unauthenticated without a token and with an unknown one', async () => {
    for (const token of [null, 'not-a-known-token-at-all']) {
      const reply = await post(server.url, EXECUTE, envelope(), { token })
      expect([reply.status, reply.body.error.code]).toEqual([401, 'unauthenticated'])
      expect(validateErrorResponse(reply.body).ok).toBe(true)
      expect(reply.headers.get('x-request-id')).toBe(reply.body.request_id)
    }
  })

  it('answers route_not_found, method_not_allowed, unsupported_media_type, invalid_json and payload_too_large', async () => {
    expect((await post(server.url, '/nope/', envelope(), { token: OWNER_TOKEN })).body.error.code).toBe('route_not_found')
    const get = await fetch(server.url + EXECUTE)
    expect([get.status, ((await get.json()) as { error: { code: string } }).error.code]).toEqual([405, 'method_not_allowed'])
    const text = await post(server.url, EXECUTE, JSON.stringify(envelope()), { token: OWNER_TOKEN, raw: true, contentType: 'text/plain' })
    expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type'])
    const broken = await post(server.url, EXECUTE, '{"operation": ', { token: OWNER_TOKEN, raw: true })
    expect([broken.status, broken.body.error.code]).toEqual([400, 'invalid_json'])
    const huge = await post(server.url, EXECUTE, envelope({}, { sql: `SELECT '${'x'.repeat(70_000)}'` }), { token: OWNER_TOKEN })
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large'])
  })

  it('answers an invalid envelope with the first issue and every issue in details', async () => {
    const reply = await post(server.url, EXECUTE, envelope({ version: 'compiled-sql.v2', extra: 1 }), { token: OWNER_TOKEN })
    expect(reply.status).toBe(400)
    expect(reply.body.error.details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unsupported_version', instancePath: '/version' }), expect.objectContaining({ code: 'unknown_field', instancePath: '/extra' })]),
    )
  })

  it('reports an invisible MetaTable exactly as a missing one, and write access a viewer lacks', async () => {
    const invisible = await post(server.url, EXECUTE, envelope({ scope: { tables: [{ meta_table_uid: SECRET }] } }, { sql: 'SELECT id FROM public.secret' }), { token: VIEWER_TOKEN })
    const missing = await post(server.url, EXECUTE, envelope({ scope: { tables: [{ meta_table_uid: 'no-such-uid' }] } }), { token: VIEWER_TOKEN })
    expect([invisible.status, invisible.body.error.code]).toEqual([404, 'meta_table_not_found'])
    expect([missing.status, missing.body.error.code]).toEqual([404, 'meta_table_not_found'])
    const write = envelope(
      { operation: 'update', scope: { tables: [{ meta_table_uid: ASSET, access: 'write' }] } },
      { sql: "UPDATE public.asset SET qty = 0 WHERE symbol = 'SYM1'" },
    )
    const denied = await post(server.url, EXECUTE_V1, write, { token: VIEWER_TOKEN })
    expect([denied.status, denied.body.error.code]).toEqual([403, 'access_denied'])
  })

  it('pages a select by the page cap, as the upstream SDK loop reads it, with exact bigints and numerics', async () => {
    const sql = 'SELECT a.symbol, a.qty, a.volume FROM public.asset AS a ORDER BY a.symbol'
    const pages: Array<[number, number]> = []
    const rows: Array<Record<string, unknown>> = []
    let offset = 0
    let remaining = 5
    for (;;) {
      pages.push([offset, remaining])
      const reply = await post(server.url, EXECUTE, envelope({ limits: { max_rows: remaining, offset, statement_timeout_ms: 15000 } }, { sql }), { token: VIEWER_TOKEN })
      expect(reply.status, reply.text).toBe(200)
      expect(validateOperationResult(reply.body).ok).toBe(true)
      rows.push(...reply.body.rows)
      remaining -= reply.body.row_count
      if (!reply.body.pagination.has_more || remaining <= 0) break
      offset = reply.body.pagination.next_offset
    }
    expect(pages).toEqual([[0, 5], [3, 2]])
    expect(rows.map((r) => r.symbol)).toEqual(['SYM1', 'SYM2', 'SYM3', 'SYM4', 'SYM5'])
    expect(rows[0]).toEqual({ symbol: 'SYM1', qty: '1.5', volume: '9007199254740994' })
  })

  it('binds an integer beyond 2^53 exactly', async () => {
    const reply = await post(
      server.url,
      EXECUTE,
      JSON.stringify(envelope({}, { sql: 'SELECT a.symbol FROM public.asset AS a WHERE a.volume = %(v)s', parameters: { v: '__V__' } })).replace('"__V__"', '9007199254740997'),
      { token: VIEWER_TOKEN, raw: true },
    )
    expect(reply.status, reply.text).toBe(200)
    expect(reply.body.rows).toEqual([{ symbol: 'SYM4' }])
  })

  it('checks parameters before parsing: a missing parameter outranks a syntax error (regression: parse ran first)', async () => {
    const reply = await post(server.url, EXECUTE, envelope({}, { sql: 'SELECT a.symbol FROM public.asset AS a WHERE a.symbol = %(s)s AND AND', parameters: {} }), { token: VIEWER_TOKEN })
    expect([reply.status, reply.body.error?.code, reply.body.error?.details?.parameter], reply.text).toEqual([400, 'missing_parameter', 's'])
  })

  it('answers invalid_parameter_value, naming the parameter and not its value, when PostgreSQL rejects a value as input (regression: 422 query_error)', async () => {
    const reply = await post(server.url, EXECUTE, envelope({}, { sql: 'SELECT a.symbol FROM public.asset AS a WHERE a.volume = %(v)s', parameters: { v: 'eight-a5f3' } }), { token: VIEWER_TOKEN })
    expect([reply.status, reply.body.error?.code, reply.body.error?.sqlstate, reply.body.error?.details?.parameter], reply.text).toEqual([400, 'invalid_parameter_value', '22P02', 'v'])
    expect(reply.text).not.toContain('eight-a5f3')
  })

  it('runs a write once with RETURNING, replays it under the same Idempotency-Key, and refuses the key with another body', async () => {
    const insert = (symbol: string) =>
      envelope(
        { operation: 'insert', scope: { tables: [{ meta_table_uid: ASSET, access: 'write' }] } },
        {
          sql: 'INSERT INTO public.asset (uid, account_uid, symbol) VALUES (%(uid)s, %(account)s, %(symbol)s) RETURNING symbol',
          parameters: { uid: `eeeeeeee-eeee-4eee-8eee-${symbol === 'NEW1' ? '000000000101' : '000000000102'}`, account: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', symbol },
        },
      )
    const headers = { 'idempotency-key': `key-${backend}` }
    const first = await post(server.url, EXECUTE, insert('NEW1'), { token: OWNER_TOKEN, headers })
    expect([first.status, first.body.row_count, first.body.rows], first.text).toEqual([200, 1, [{ symbol: 'NEW1' }]])
    const again = await post(server.url, EXECUTE, insert('NEW1'), { token: OWNER_TOKEN, headers })
    expect([again.status, again.body.rows]).toEqual([200, [{ symbol: 'NEW1' }]])
    const count = await post(server.url, EXECUTE, envelope({}, { sql: "SELECT count(*) AS n FROM public.asset AS a WHERE a.symbol = 'NEW1'" }), { token: OWNER_TOKEN })
    expect(count.body.rows).toEqual([{ n: '1' }])
    const other = await post(server.url, EXECUTE, insert('NEW2'), { token: OWNER_TOKEN, headers })
    expect([other.status, other.body.error.code]).toEqual([409, 'idempotency_conflict'])
  })

  it('refuses an empty Idempotency-Key rather than treating it as a key', async () => {
    const write = envelope(
      { operation: 'update', scope: { tables: [{ meta_table_uid: ASSET, access: 'write' }] } },
      { sql: "UPDATE public.asset SET qty = 2 WHERE symbol = 'SYM1'" },
    )
    const reply = await post(server.url, EXECUTE, write, { token: OWNER_TOKEN, headers: { 'idempotency-key': '' } })
    expect([reply.status, reply.body.error.code]).toEqual([400, 'invalid_format'])
  })

  it('answers a unique violation with 409 and leaves nothing behind', async () => {
    const duplicate = envelope(
      { operation: 'insert', scope: { tables: [{ meta_table_uid: ASSET, access: 'write' }] } },
      { sql: "INSERT INTO public.asset (uid, account_uid, symbol) VALUES ('eeeeeeee-eeee-4eee-8eee-000000000201', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'SYM1')" },
    )
    const reply = await post(server.url, EXECUTE, duplicate, { token: OWNER_TOKEN })
    expect([reply.status, reply.body.error.code, reply.body.error.sqlstate]).toEqual([409, 'unique_violation', '23505'])
    const count = await post(server.url, EXECUTE, envelope({}, { sql: "SELECT count(*) AS n FROM public.asset AS a WHERE a.uid = 'eeeeeeee-eeee-4eee-8eee-000000000201'" }), { token: OWNER_TOKEN })
    expect(count.body.rows).toEqual([{ n: '0' }])
  })

  it('answers run_query with a JSON string body, read-only and limited to its MetaTable', async () => {
    const ok = await post(server.url, `/orm/api/ts_manager/meta_table/${ASSET}/run_query/`, 'SELECT symbol, 10 % 3 AS m FROM public.asset ORDER BY symbol LIMIT 2', { token: VIEWER_TOKEN })
    expect(ok.status, ok.text).toBe(200)
    expect(validateRunQueryResponse(ok.body).ok).toBe(true)
    // NEW1 was inserted by the write test above; `%` is PostgreSQL's operator here, not a placeholder.
    expect(ok.body.results).toEqual([{ symbol: 'NEW1', m: 1 }, { symbol: 'SYM1', m: 1 }])
    const object = await post(server.url, `/api/v1/meta-tables/${ASSET}/run-query/`, { sql: 'SELECT 1' }, { token: VIEWER_TOKEN })
    expect([object.status, object.body.error.code]).toEqual([400, 'invalid_type'])
    const write = await post(server.url, `/api/v1/meta-tables/${ASSET}/run-query/`, 'DELETE FROM public.asset', { token: OWNER_TOKEN })
    expect([write.status, write.body.error.code]).toEqual([422, 'statement_not_allowed'])
    const other = await post(server.url, `/api/v1/meta-tables/${ASSET}/run-query/`, 'SELECT name FROM public.account', { token: OWNER_TOKEN })
    expect([other.status, other.body.error.code]).toEqual([422, 'relation_not_in_scope'])
    const hidden = await post(server.url, `/api/v1/meta-tables/${ACCOUNT}/run-query/`, 'SELECT name FROM public.account', { token: VIEWER_TOKEN })
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'meta_table_not_found'])
  })
})
