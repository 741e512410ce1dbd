import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataSourceExecutor } from '../../src/exec/execution-request.js'
import { createPostgresExecutor } from '../../src/exec/postgres-executor.js'
import { readRows, rejection, request } from './support/backends.js'
import { createOwnPostgres, OWN_POSTGRES_SKIP, type OwnPostgres } from './support/own-postgres.js'

describe.skipIf(OWN_POSTGRES_SKIP !== undefined)('a PostgreSQL server that goes away and comes back', () => {
  let server: OwnPostgres
  let executor: DataSourceExecutor
  beforeAll(async () => {
    server = await createOwnPostgres()
    executor = createPostgresExecutor({ connectionString: server.url, poolSize: 3, connectTimeoutMs: 2_000 })
    await executor.execute(request('create table public.kv (k int primary key, v text)', { mode: 'write' }))
    await executor.execute(request("insert into public.kv values (1, 'before')", { mode: 'write' }))
  })
  afterAll(async () => {
    await executor?.close()
    server?.destroy()
  })

  it('answers service_unavailable (retryable) while the server is down, and recovers by itself', async () => {
    // Fill the pool, so that dead connections are waiting in it when the server stops.
    await Promise.all([1, 2, 3].map(() => readRows(executor, 'select pg_sleep(0.05)')))
    server.stop()
    for (const mode of ['read', 'write'] as const) {
      const error = await rejection(executor.execute(request("insert into public.kv values (2, 'during')", { mode })))
      expect(error).toMatchObject({ code: 'service_unavailable', retryable: true })
    }
    server.start()
    expect(await readRows(executor, 'select k, v from public.kv order by k')).toEqual([{ k: 1, v: 'before' }])
    await executor.execute(request("insert into public.kv values (2, 'after')", { mode: 'write' }))
    expect(await readRows(executor, 'select v from public.kv order by k')).toEqual([{ v: 'before' }, { v: 'after' }])
  })

  it('replaces a pooled connection the server closed, without failing the request that finds it', async () => {
    await Promise.all([1, 2, 3].map(() => readRows(executor, 'select pg_sleep(0.05)')))
    const admin = new pg.Client({ connectionString: server.url })
    await admin.connect()
    const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'compiled-sql-server-stub'")
    await admin.end()
    expect(killed.rowCount).toBeGreaterThan(0)
    expect(await readRows(executor, 'select count(*) as n from public.kv')).toEqual([{ n: '2' }])
  })
})
