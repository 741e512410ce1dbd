import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataSourceExecutor } from '../../src/exec/execution-request.js'
import { createPgliteExecutor } from '../../src/exec/pglite-executor.js'
import { readRows, rejection, request } from './support/backends.js'

const SEED = "create table public.kv (k int primary key, v text); insert into public.kv values (1, 'seed');"
const write = (text: string): ReturnType<typeof request> => request(text, { mode: 'write' })
const slow = (mode: 'read' | 'write', text = 'select pg_sleep(5)'): ReturnType<typeof request> => request(text, { mode, statementTimeoutMs: 300 })

describe('PGlite restarts after a timeout without losing a commit (in-memory data source)', () => {
  let executor: DataSourceExecutor
  const values = async (): Promise<unknown[]> => (await readRows(executor, 'select v from public.kv order by k')).map((row) => row['v'])
  beforeAll(async () => {
    executor = await createPgliteExecutor({ seedSql: [SEED] })
  })
  afterAll(async () => {
    await executor?.close()
  })

  it('keeps committed writes across a worker restart, and drops the one the timeout cut off', async () => {
    await executor.execute(write("insert into public.kv values (2, 'committed')"))
    await executor.execute(write("insert into public.kv select g, 'bulk' from generate_series(100, 5099) g"))
    expect(await rejection(executor.execute(slow('write', "insert into public.kv select 3, 'cut off' from pg_sleep(5)")))).toMatchObject({
      code: 'statement_timeout',
      sqlstate: '57014',
      retryable: true,
    })
    expect((await values()).slice(0, 2)).toEqual(['seed', 'committed'])
    expect(await readRows(executor, "select count(*) as n from public.kv where v = 'bulk'")).toEqual([{ n: '5000' }])
    expect(await readRows(executor, 'select count(*) as n from public.kv where k = 3')).toEqual([{ n: '0' }])
  })

  it('serves the requests queued behind a timed-out one, and survives repeated restarts', async () => {
    const queued = [slow('read'), request('select 1 as one'), slow('read'), write("insert into public.kv values (4, 'queued')")].map((r) =>
      executor.execute(r).then(
        (result) => result.rows,
        (error: unknown) => (error as { code: string }).code,
      ),
    )
    expect(await Promise.all(queued)).toEqual(['statement_timeout', [{ one: 1 }], 'statement_timeout', []])
    expect((await values()).slice(0, 3)).toEqual(['seed', 'committed', 'queued'])
  })
})

describe('PGlite on a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exec-pglite-dir-'))
  const dataDir = join(dir, 'data')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('seeds a new database once, and finds its commits again after close and reopen', async () => {
    const first = await createPgliteExecutor({ dataDir, seedSql: [SEED] })
    await first.execute(write("insert into public.kv values (2, 'committed')"))
    await first.close()
    // The seed would fail on the existing table (and duplicate key 1) if it ran again.
    const second = await createPgliteExecutor({ dataDir, seedSql: [SEED] })
    expect(await readRows(second, 'select k, v from public.kv order by k')).toEqual([
      { k: 1, v: 'seed' },
      { k: 2, v: 'committed' },
    ])
    await second.close()
    expect(readdirSync(dataDir)).toContain('PG_VERSION') // close keeps a directory it was given
    expect(await rejection(second.execute(request('select 1')))).toMatchObject({ code: 'service_unavailable', retryable: true })
  })

  it('empties the directory again when a seed fails, so that the next start seeds afresh', async () => {
    const fresh = join(dir, 'fresh')
    const error = await rejection(createPgliteExecutor({ dataDir: fresh, seedSql: ['create table public.t (x int); select 1/0'] }))
    expect((error as Error).message).toMatch(/division by zero/)
    expect(readdirSync(fresh)).toEqual([])
    const retried = await createPgliteExecutor({ dataDir: fresh, seedSql: [SEED] })
    expect(await readRows(retried, 'select count(*) as n from public.kv')).toEqual([{ n: '1' }])
    await retried.close()
  })
})
