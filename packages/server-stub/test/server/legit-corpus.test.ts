import { validateOperationResult } from '@compiled-sql/protocol'
import { stringify } from 'lossless-json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStubServer, type RunningStubServer } from '../../src/index.js'
import { EXECUTE_PATH, parseExact, postExact, type ExactExchange } from './support/exact-client.js'
import { canonicalRow, expectedProtocolRows, loadLegitCases, type LegitCase, type LegitRows } from './support/legit-corpus.js'
import { LEGIT_DATA_SOURCE, LEGIT_OWNER, LEGIT_UIDS, legitTemplate, writeLegitWorld, type LegitDatabase, type LegitTemplate } from './support/legit-world.js'
import { BACKENDS, type Backend } from './support/test-world.js'

const CASES = loadLegitCases()
const READS = CASES.filter((c) => c.op === 'select')
const WRITES = CASES.filter((c) => c.op !== 'select')
// Rows per page when a read is also fetched page by page: small enough that most corpus reads span several pages.
const PAGE = 7

/** The compiled-sql.v1 envelope of a case, exactly as an SDK would post it. */
function caseEnvelope(c: LegitCase, limits: { max_rows: number; offset: number } = { max_rows: 1000, offset: 0 }): Record<string, unknown> {
  return {
    version: 'compiled-sql.v1',
    dialect: 'postgresql',
    operation: c.op,
    statement: { sql: c.sql, parameters: c.parameters, parameter_types: c.parameter_types, paramstyle: 'pyformat' },
    scope: {
      // Upstream SDKs since 6.0.31 omit the data source and the server derives it; the TypeScript client names it. Writes name it here.
      ...(c.op !== 'select' && { data_source_uid: LEGIT_DATA_SOURCE }),
      tables: c.scope.map((entry) => ({ meta_table_uid: LEGIT_UIDS[entry.table], access: entry.access })),
    },
    limits: { ...limits, statement_timeout_ms: 30_000 },
  }
}

function send(server: RunningStubServer, body: Record<string, unknown>): Promise<ExactExchange> {
  return postExact(server.url, EXECUTE_PATH, body, { token: LEGIT_OWNER.token })
}

/** The body's rows as canonical text in the case's column order, after checking each row has exactly those keys. */
function actualRows(reply: ExactExchange, expected: LegitRows): string[] {
  const rows = reply.body.rows as Record<string, unknown>[]
  for (const row of rows) expect(Object.keys(row)).toEqual(expected.columns.map((c) => c.name))
  return rows.map((row) => canonicalRow(row, expected.columns))
}

function expectColumns(reply: ExactExchange, expected: LegitRows): void {
  const columns = reply.body.columns as { name: string; type: string }[]
  expect(columns.map(({ name, type }) => ({ name, type }))).toEqual(expected.columns)
}

describe.each(BACKENDS)('the legit corpus over HTTP on %s', (backend: Backend) => {
  let template: LegitTemplate

  beforeAll(async () => {
    template = await legitTemplate(backend)
  })

  afterAll(async () => {
    await template?.drop()
  })

  it('holds every case of cases.jsonl, reads and writes', () => {
    expect(CASES).toHaveLength(76)
    expect(READS.length + WRITES.length).toBe(CASES.length)
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length)
  })

  describe('reads, on one server over a pristine copy', () => {
    let database: LegitDatabase
    let server: RunningStubServer

    beforeAll(async () => {
      database = await template.copy()
      server = await startStubServer({ configFile: writeLegitWorld(database), port: 0, accessLog: () => {} })
    })

    afterAll(async () => {
      await server?.close()
      await database?.drop()
    })

    it.for(READS)('$id returns exactly its expected rows and columns', async (c) => {
      // sa-date-trunc-group-new-bind fails with 42803 under plain server-side binding; the server retries it with
      // equal values merged (docs/server-stub.md, "Known limits"), so it too must return its rows.
      const reply = await send(server, caseEnvelope(c))
      expect(reply.status, reply.text).toBe(200)
      expect(validateOperationResult(JSON.parse(reply.text)).ok).toBe(true)
      expectColumns(reply, c.expect)
      expect(actualRows(reply, c.expect)).toEqual(expectedProtocolRows(c.expect))
      expect(reply.body.row_count.toString()).toBe(c.expect.row_count.toString())
      expect([reply.body.truncated, reply.body.pagination.has_more, reply.body.pagination.next_offset]).toEqual([false, false, null])
      expect(reply.body.warnings).toBeUndefined() // every corpus read has a total ORDER BY
    })

    it('passes PostgreSQL 42803 through when the date_trunc binds of sa-date-trunc-group-new-bind differ (docs/server-stub.md, "Known limits")', async () => {
      // The server's retry merges equal values only; 'day' and 'hour' are a real GROUP BY error, as interpolation would give too.
      const c = CASES.find((x) => x.id === 'sa-date-trunc-group-new-bind')!
      const parameters = { ...(c.parameters as Record<string, unknown>), date_trunc_2: 'hour' }
      const reply = await send(server, caseEnvelope({ ...c, parameters }))
      expect([reply.status, reply.body.error?.code, reply.body.error?.sqlstate, reply.body.error?.retryable], reply.text).toEqual([422, 'query_error', '42803', false])
    })

    it.for(READS.filter((c) => Number(c.expect.row_count) > PAGE))(
      '$id returns the same rows page by page, as the SDK loop reads them',
      async (c) => {
        const rows: string[] = []
        let offset = 0
        for (let pages = 0; ; pages++) {
          expect(pages).toBeLessThan(100)
          const reply = await send(server, caseEnvelope(c, { max_rows: PAGE, offset }))
          expect(reply.status, reply.text).toBe(200)
          rows.push(...actualRows(reply, c.expect))
          if (!reply.body.pagination.has_more) break
          expect(reply.body.pagination.returned_count.toString()).toBe(String(PAGE))
          offset = Number(reply.body.pagination.next_offset)
        }
        expect(rows).toEqual(expectedProtocolRows(c.expect))
      },
    )
  })

  describe('writes, each on its own server over its own pristine copy', () => {
    it.for(WRITES)('$id returns its RETURNING rows and leaves exactly the expected end state', async (c) => {
      const database = await template.copy()
      try {
        const server = await startStubServer({ configFile: writeLegitWorld(database), port: 0, accessLog: () => {} })
        let reply: ExactExchange
        try {
          reply = await send(server, caseEnvelope(c))
        } finally {
          await server.close() // PGlite: the data directory must be free before the direct read below
        }
        expect(reply.status, reply.text).toBe(200)
        expect(validateOperationResult(JSON.parse(reply.text)).ok).toBe(true)
        expect([reply.body.operation, reply.body.row_count.toString(), reply.body.truncated]).toEqual([c.op, c.expect.row_count.toString(), false])
        expectColumns(reply, c.expect)
        // RETURNING order is not defined: compare as multisets.
        expect(actualRows(reply, c.expect).sort()).toEqual(expectedProtocolRows(c.expect).sort())

        const after = c.expect.after!
        const endState = (await database.rowsAsJson(after.sql)).map((json) => stringify(parseExact(json)))
        expect(endState).toEqual(after.rows.map((row) => stringify(row)))
        expect(String(endState.length)).toBe(after.row_count.toString())
      } finally {
        await database.drop()
      }
    })
  })
})
