import { beforeAll, describe, expect, it } from 'vitest'
import { MetaTableClient, buildOperation, type ReadProgress } from '../../src/index.js'
import { DEMO } from '../support/stub-server.js'
import { useStubWithProxy } from '../support/stub-with-proxy.js'

const ORDERED_ASSETS = 'SELECT a.uid, a.symbol FROM public.asset AS a ORDER BY a.uid'

const servers = useStubWithProxy()
let client: MetaTableClient

function selectAssets(maxRows: number, sql = ORDERED_ASSETS) {
  return buildOperation({
    operation: 'select',
    sql,
    scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid, access: 'read' }] },
    limits: { maxRows },
  })
}

/** The (offset, max_rows) pair of every execute-operation request the proxy saw since `from`. */
function limitsSent(from = 0): [number, number][] {
  return servers.proxy.requests.slice(from).map((request) => {
    const { limits } = JSON.parse(request.body) as { limits: { offset: number; max_rows: number } }
    return [limits.offset, limits.max_rows]
  })
}

/** Every asset, in the same order, read in one go through run_query (not paged by execute-operation). */
async function allAssets(): Promise<Record<string, unknown>[]> {
  const { results } = await new MetaTableClient({ endpoint: servers.stub.url, token: DEMO.analystToken }).runQuery(DEMO.assetUid, ORDERED_ASSETS)
  return results
}

beforeAll(() => {
  client = new MetaTableClient({ endpoint: servers.proxy.url, token: DEMO.analystToken })
})

describe('executeOperation pages a select', () => {
  it('sends (0,5), (2,3), (4,1) for max_rows 5 against a page cap of 2, and returns five rows merged', async () => {
    const before = servers.proxy.requests.length
    const result = await client.executeOperation(await selectAssets(5))
    expect(limitsSent(before)).toEqual([
      [0, 5],
      [2, 3],
      [4, 1],
    ])
    expect(result.rows).toEqual(await allAssets())
    expect(result.row_count).toBe(5)
    expect(result.operation === 'select' && result.pagination).toEqual({ limit: 5, offset: 0, returned_count: 5, has_more: false, next_offset: null })
  })

  it('stops at max_rows when the table has more, and reports what is left', async () => {
    const before = servers.proxy.requests.length
    const result = await client.executeOperation(await selectAssets(3))
    expect(limitsSent(before)).toEqual([
      [0, 3],
      [2, 1],
    ])
    expect(result.rows).toEqual((await allAssets()).slice(0, 3))
    expect(result.operation === 'select' && [result.truncated, result.pagination.has_more, result.pagination.next_offset]).toEqual([true, true, 3])
  })

  it('starts from the envelope offset', async () => {
    const envelope = await selectAssets(2)
    const before = servers.proxy.requests.length
    const result = await client.executeOperation({ ...envelope, limits: { ...envelope.limits, offset: 3 } })
    expect(limitsSent(before)).toEqual([[3, 2]])
    expect(result.rows).toEqual((await allAssets()).slice(3, 5))
  })

  it('sends every follow-up with the same SQL, parameters and scope as the first request', async () => {
    const before = servers.proxy.requests.length
    await client.executeOperation(await selectAssets(5))
    const bodies = servers.proxy.requests.slice(before).map((request) => JSON.parse(request.body) as Record<string, unknown>)
    const withoutLimits = bodies.map(({ limits: _limits, ...rest }) => rest)
    expect(new Set(withoutLimits.map((body) => JSON.stringify(body))).size).toBe(1)
  })

  it('keeps the unordered-pagination warning once when several pages carry it', async () => {
    const result = await client.executeOperation(await selectAssets(5, 'SELECT a.symbol FROM public.asset AS a'))
    expect(result.warnings?.map((warning) => warning.code)).toEqual(['unordered_pagination'])
  })
})

describe('streamOperation', () => {
  it('yields each page as it arrives, with progress after each', async () => {
    const progress: ReadProgress[] = []
    const pages = []
    for await (const page of client.streamOperation(await selectAssets(5), { onProgress: (event) => progress.push(event) })) pages.push(page)
    expect(pages.map((page) => page.rows.length)).toEqual([2, 2, 1])
    expect(progress).toEqual([
      { pages: 1, rows: 2, maxRows: 5, fetchingMore: true },
      { pages: 2, rows: 4, maxRows: 5, fetchingMore: true },
      { pages: 3, rows: 5, maxRows: 5, fetchingMore: false },
    ])
  })

  it('iterates rows across pages', async () => {
    const rows = []
    for await (const row of client.streamOperation(await selectAssets(5)).rows()) rows.push(row)
    expect(rows).toEqual(await allAssets())
  })

  it('asks for the next page only when the iteration asks for it', async () => {
    const before = servers.proxy.requests.length
    for await (const page of client.streamOperation(await selectAssets(5))) {
      expect(page.rows).toHaveLength(2)
      break
    }
    expect(servers.proxy.requests.length - before).toBe(1)
  })

  it('refuses a write: a write runs once, through executeOperation', async () => {
    const write = await buildOperation({
      operation: 'delete',
      sql: 'DELETE FROM public.asset WHERE symbol = %(symbol)s',
      parameters: { symbol: 'nothing' },
      scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid, access: 'write' }] },
    })
    expect(() => client.streamOperation(write)).toThrow(expect.objectContaining({ code: 'statement_kind_mismatch', path: '/operation' }))
  })
})
