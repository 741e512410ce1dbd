import { ROUTES, validateRunQueryResponse } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { MetaTableClient, buildOperation } from '../../src/index.js'
import { DEMO } from '../support/stub-server.js'
import { useStubWithProxy } from '../support/stub-with-proxy.js'

const servers = useStubWithProxy()

describe('runQuery', () => {
  it('posts the SQL as a JSON string body and returns the typed response', async () => {
    const sql = 'SELECT symbol, decimals FROM public.asset WHERE decimals > 8 ORDER BY symbol'
    const before = servers.proxy.requests.length
    const response = await new MetaTableClient({ endpoint: servers.proxy.url, token: DEMO.viewerToken }).runQuery(DEMO.assetUid, sql)
    const [request] = servers.proxy.requests.slice(before)
    expect(request?.body).toBe(JSON.stringify(sql))
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers.authorization).toBe(`Bearer ${DEMO.viewerToken}`)
    expect(validateRunQueryResponse(response).ok).toBe(true)
    expect([response.meta_table_uid, response.row_count, response.results]).toEqual([
      DEMO.assetUid,
      2,
      [
        { symbol: 'ETH', decimals: 18 },
        { symbol: 'SOL', decimals: 9 },
      ],
    ])
  })

  it('refuses empty SQL before sending anything', async () => {
    const before = servers.proxy.requests.length
    await expect(new MetaTableClient({ endpoint: servers.proxy.url, token: DEMO.viewerToken }).runQuery(DEMO.assetUid, '  ')).rejects.toMatchObject({ code: 'too_small' })
    expect(servers.proxy.requests.length).toBe(before)
  })
})

describe('route families', () => {
  const select = () =>
    buildOperation({
      operation: 'select',
      sql: 'SELECT a.symbol FROM public.asset AS a ORDER BY a.symbol',
      scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid }] },
      limits: { maxRows: DEMO.pageCap },
    })

  it.each(['legacy', 'v1'] as const)('posts to the %s routes', async (routes) => {
    const client = new MetaTableClient({ endpoint: servers.proxy.url, token: DEMO.analystToken, routes })
    const before = servers.proxy.requests.length
    const result = await client.executeOperation(await select())
    await client.runQuery(DEMO.assetUid, 'SELECT 1 AS one')
    expect(servers.proxy.requests.slice(before).map((request) => request.path)).toEqual([ROUTES[routes].executeOperation, ROUTES[routes].runQuery(DEMO.assetUid)])
    expect(result.row_count).toBe(DEMO.pageCap)
  })

  it('defaults to the legacy routes of the protocol description', async () => {
    const before = servers.proxy.requests.length
    await new MetaTableClient({ endpoint: servers.proxy.url, token: DEMO.analystToken }).executeOperation(await select())
    expect(servers.proxy.requests[before]?.path).toBe('/orm/api/ts_manager/meta_table/execute-operation/')
  })

  it('keeps a path prefix of the endpoint', async () => {
    const before = servers.proxy.requests.length
    const client = new MetaTableClient({ endpoint: `${servers.proxy.url}/tenant-a/`, token: DEMO.analystToken, retry: { maxRetries: 0 } })
    await client.executeOperation(await select()).catch(() => undefined)
    expect(servers.proxy.requests[before]?.path).toBe('/tenant-a/orm/api/ts_manager/meta_table/execute-operation/')
  })

  it('asks a token function before every request', async () => {
    let asked = 0
    const client = new MetaTableClient({ endpoint: servers.proxy.url, token: () => (asked++, DEMO.analystToken) })
    await client.executeOperation(await select())
    await client.executeOperation(await select())
    expect(asked).toBe(2)
  })
})
