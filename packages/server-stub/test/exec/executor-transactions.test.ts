import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExecutionError } from '../../src/exec/execution-error.js'
import type { ExecutionResult } from '../../src/exec/execution-request.js'
import { BACKENDS, readRows, rejection, request, type TestBackend } from './support/backends.js'

/** A hook failure of the test's own, to tell it from the executor's errors. */
class HookFailure extends Error {}

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== undefined)(`transactions on ${kind.name}`, () => {
    let backend: TestBackend
    const venueNames = async (): Promise<unknown[]> =>
      (await readRows(backend.executor, 'select name from market.venue where id >= 100 order by id')).map((row) => row['name'])

    beforeAll(async () => {
      backend = await kind.start()
    })
    afterAll(async () => {
      await backend?.close()
    })

    it('commits a write, which later reads see', async () => {
      const result = await backend.executor.execute(
        request("insert into market.venue (id, name) values (100, 'Committed') returning id, name", { mode: 'write' }),
      )
      expect(result).toEqual({
        columns: [
          { name: 'id', type: 'integer' },
          { name: 'name', type: 'text' },
        ],
        rows: [{ id: 100, name: 'Committed' }],
        rowCount: 1,
        hasMore: false,
        truncated: false,
      })
      expect(await venueNames()).toEqual(['Committed'])
      const deleted = await backend.executor.execute(request('delete from market.venue where id = 100', { mode: 'write' }))
      expect(deleted).toMatchObject({ columns: [], rows: [], rowCount: 1 })
      expect(await venueNames()).toEqual([])
    })

    it('runs reads READ ONLY: a write through mode read fails with 25006 and changes nothing', async () => {
      const error = await rejection(backend.executor.execute(request("insert into market.venue values (101, 'Sneaky')")))
      expect(error).toMatchObject({ code: 'query_error', sqlstate: '25006', retryable: false })
      expect(await venueNames()).toEqual([])
    })

    it('rolls back a failed write: a unique violation leaves no row behind', async () => {
      const error = await rejection(
        backend.executor.execute(request("insert into market.venue values (102, 'First'), (1, 'Duplicate')", { mode: 'write' })),
      )
      expect(error).toBeInstanceOf(ExecutionError)
      expect(error).toMatchObject({ code: 'unique_violation', sqlstate: '23505', retryable: false })
      expect((error as Error).message).not.toContain('Duplicate')
      expect(await venueNames()).toEqual([])
    })

    it('maps constraint violations, and keeps PostgreSQL position relative to the request text', async () => {
      const check = await rejection(backend.executor.execute(request("insert into public.trade (side) values ('hold')", { mode: 'write' })))
      expect(check).toMatchObject({ code: 'constraint_violation', sqlstate: '23514' })
      const fk = await rejection(backend.executor.execute(request('insert into public.trade (venue_id) values (999)', { mode: 'write' })))
      expect(fk).toMatchObject({ code: 'constraint_violation', sqlstate: '23503' })
      // PostgreSQL counts characters (code points), not bytes and not UTF-16 units: '🚀' is one.
      const text = "select '🚀é' as rocket, nope from public.trade"
      const position = [...text.slice(0, text.indexOf('nope'))].length + 1
      expect(position).toBe(text.indexOf('nope')) // one less than the JS index + 1, for the surrogate pair
      for (const page of [undefined, { offset: 0, limit: 10 }, { offset: 5, limit: 10 }]) {
        const missing = await rejection(backend.executor.execute(request(text, page === undefined ? {} : { page })))
        expect(missing).toMatchObject({ code: 'query_error', sqlstate: '42703', position })
      }
    })

    it('reports a value PostgreSQL rejects as parameter input as invalid_parameter_value, naming $n and never echoing the value', async () => {
      const error = await rejection(backend.executor.execute(request('select $1::int', { parameters: [{ value: 'secret-value', typeOid: 0 }] })))
      expect(error).toMatchObject({ code: 'invalid_parameter_value', sqlstate: '22P02', details: { parameter: '$1' } })
      expect((error as Error).message).not.toContain('secret-value')
    })

    it('sends even parameterless statements over the extended protocol, which refuses two statements', async () => {
      for (const page of [undefined, { offset: 0, limit: 5 }, { offset: 2, limit: 5 }]) {
        const error = await rejection(backend.executor.execute(request('select 1; select 2', page === undefined ? {} : { page })))
        expect(error).toMatchObject({ code: 'query_error', sqlstate: '42601' })
      }
    })

    it('pins settings for the transaction only, and resets the connection afterwards', async () => {
      const [settings] = await readRows(
        backend.executor,
        "select current_setting('TimeZone') as tz, current_setting('search_path') as path, current_setting('statement_timeout') as timeout, current_setting('DateStyle') as datestyle, current_setting('IntervalStyle') as intervals, current_setting('extra_float_digits') as digits, name from venue where id = 1",
        { searchPath: ['market', 'public', 'we"ird, $1'], statementTimeoutMs: 1234 },
      )
      expect(settings).toEqual({
        tz: 'UTC',
        path: 'market, public, "we""ird, $1"',
        timeout: '1234ms',
        datestyle: 'ISO, MDY',
        intervals: 'postgres',
        digits: '1',
        name: 'Binance',
      })
      const unresolved = await rejection(backend.executor.execute(request('select count(*) from venue')))
      expect(unresolved).toMatchObject({ sqlstate: '42P01' })
      // A prepared statement outlives ROLLBACK; DISCARD ALL is what removes it before the next request.
      await backend.executor.execute(request('prepare leftover as select 1'))
      for (let i = 0; i < 5; i++) {
        expect(await readRows(backend.executor, 'select name from pg_prepared_statements')).toEqual([])
      }
    })

    it('caps RETURNING rows with maxReturnedRows and says so, counting every affected row', async () => {
      let seen: ExecutionResult | undefined
      const error = await rejection(
        backend.executor.execute(
          request("update public.trade set side = 'buy' where id <= 10 returning id", {
            mode: 'write',
            maxReturnedRows: 3,
            beforeCommit: async (_tx, result) => {
              seen = result
              throw new HookFailure('roll back')
            },
          }),
        ),
      )
      expect(error).toBeInstanceOf(HookFailure)
      expect(seen).toMatchObject({ rowCount: 10, truncated: true })
      expect(seen?.rows).toHaveLength(3)
      expect(await readRows(backend.executor, "select count(*) as n from public.trade where id <= 10 and side = 'sell'")).toEqual([{ n: '3' }])
    })

    it('runs beforeCommit in the write transaction, with the result, and commits both', async () => {
      let hookResult: ExecutionResult | undefined
      await backend.executor.execute(
        request("insert into market.venue values (103, 'Hooked') returning name", {
          mode: 'write',
          beforeCommit: async (tx, result) => {
            hookResult = result
            const seen = await tx.query('select name from market.venue where id = $1', ['103'])
            expect(seen.rows).toEqual([['Hooked']])
            await tx.query("insert into market.venue values (104, 'Hook record')")
          },
        }),
      )
      expect(hookResult?.rows).toEqual([{ name: 'Hooked' }])
      expect(await venueNames()).toEqual(['Hooked', 'Hook record'])
      await backend.executor.execute(request('delete from market.venue where id in (103, 104)', { mode: 'write' }))
    })

    it('rolls the write back when beforeCommit fails, and passes its error on', async () => {
      const own = new HookFailure('conflict')
      expect(
        await rejection(
          backend.executor.execute(
            request("insert into market.venue values (105, 'Never')", {
              mode: 'write',
              beforeCommit: async (tx) => {
                await tx.query("insert into market.venue values (106, 'Never either')")
                throw own
              },
            }),
          ),
        ),
      ).toBe(own)
      const database = await rejection(
        backend.executor.execute(
          request("insert into market.venue values (107, 'Never')", {
            mode: 'write',
            beforeCommit: async (tx) => void (await tx.query('select 1/0')),
          }),
        ),
      )
      expect(database).toMatchObject({ code: 'query_error', sqlstate: '22012' })
      // A hook that swallows a database error leaves an aborted transaction: COMMIT rolls back, and the executor says so.
      const swallowed = await rejection(
        backend.executor.execute(
          request("insert into market.venue values (108, 'Never')", {
            mode: 'write',
            beforeCommit: async (tx) => void (await tx.query('select 1/0').catch(() => undefined)),
          }),
        ),
      )
      expect(swallowed).toMatchObject({ code: 'internal_error' })
      expect(await venueNames()).toEqual([])
    })

    it('pages through a cursor: offset, limit and has_more, with the SQL (and its own LIMIT) untouched', async () => {
      const all = (await readRows(backend.executor, 'select id from public.trade order by id')).map((row) => row['id'])
      expect(all).toHaveLength(501)
      const pages: ExecutionResult[] = []
      for (let offset = 0; offset < 501; offset += 200) {
        pages.push(await backend.executor.execute(request('select id from public.trade order by id', { page: { offset, limit: 200 } })))
      }
      expect(pages.map((page) => [page.rowCount, page.hasMore])).toEqual([
        [200, true],
        [200, true],
        [101, false],
      ])
      expect(pages.flatMap((page) => page.rows.map((row) => row['id']))).toEqual(all)

      const beyond = await backend.executor.execute(request('select id from public.trade order by id', { page: { offset: 1000, limit: 10 } }))
      expect(beyond).toEqual({ columns: [{ name: 'id', type: 'bigint' }], rows: [], rowCount: 0, hasMore: false, truncated: false })
      const empty = await backend.executor.execute(request('select id from public.trade order by id', { page: { offset: 0, limit: 0 } }))
      expect(empty).toMatchObject({ rows: [], hasMore: true })

      const limited = 'select id from public.trade order by id limit 5 -- the builder wrote its own LIMIT'
      const first = await backend.executor.execute(request(limited, { page: { offset: 0, limit: 3 } }))
      const second = await backend.executor.execute(request(limited, { page: { offset: 3, limit: 3 } }))
      expect([first.rows, first.hasMore, second.rows, second.hasMore]).toEqual([
        all.slice(0, 3).map((id) => ({ id })),
        true,
        all.slice(3, 5).map((id) => ({ id })),
        false,
      ])

      const bound = await backend.executor.execute(
        request('select id from public.trade where side = $1 order by id', {
          parameters: [{ value: 'sell', typeOid: 0 }],
          page: { offset: 10, limit: 2 },
        }),
      )
      expect(bound.rows).toEqual([{ id: '33' }, { id: '36' }])
    })

    it('pages the first page of any row-returning statement (EXPLAIN too); later pages need a cursor-able one', async () => {
      const text = 'explain select * from public.trade t join public.asset a on a.uid = t.asset_uid'
      const first = await backend.executor.execute(request(text, { page: { offset: 0, limit: 1 } }))
      expect(first.columns).toEqual([{ name: 'QUERY PLAN', type: 'text' }])
      expect(first).toMatchObject({ rowCount: 1, hasMore: true })
      expect(await rejection(backend.executor.execute(request(text, { page: { offset: 1, limit: 1 } })))).toMatchObject({ sqlstate: '42601' })
    })

    it('truncates an unpaged read at maxReturnedRows', async () => {
      const result = await backend.executor.execute(request('select id from public.trade order by id', { maxReturnedRows: 4 }))
      expect(result).toMatchObject({ rowCount: 4, truncated: true, hasMore: false })
    })

    it('cancels a statement past its timeout with statement_timeout, applies nothing, and keeps serving', async () => {
      const read = await rejection(backend.executor.execute(request('select pg_sleep(5)', { statementTimeoutMs: 300 })))
      expect(read).toMatchObject({ code: 'statement_timeout', sqlstate: '57014', retryable: true })
      expect(await readRows(backend.executor, 'select 1 as one')).toEqual([{ one: 1 }])

      const write = await rejection(
        backend.executor.execute(request("insert into market.venue select 109, 'Slow' from pg_sleep(5)", { mode: 'write', statementTimeoutMs: 300 })),
      )
      expect(write).toMatchObject({ code: 'statement_timeout', sqlstate: '57014' })
      expect(await venueNames()).toEqual([])
    })

    it('serves concurrent requests, each in its own transaction', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          backend.executor.execute(request('select $1::int * 2 as doubled', { parameters: [{ value: String(i), typeOid: 0 }] })),
        ),
      )
      expect(results.map((result) => result.rows[0]!['doubled'])).toEqual(Array.from({ length: 12 }, (_, i) => i * 2))
    })
  })
}
