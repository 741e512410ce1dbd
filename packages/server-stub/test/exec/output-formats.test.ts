import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataSourceExecutor } from '../../src/exec/execution-request.js'
import { createPostgresExecutor } from '../../src/exec/postgres-executor.js'
import { POSTGRES_URL, readRows, request } from './support/backends.js'

const FORMATS =
  "select current_setting('TimeZone') as tz, current_setting('DateStyle') as datestyle, current_setting('IntervalStyle') as intervals, " +
  "current_setting('extra_float_digits') as digits, current_setting('bytea_output') as bytea, current_setting('work_mem') as work_mem, " +
  "'2024-01-02 03:04:05+00'::timestamptz::text as instant"

// PostgreSQL pins the output formats in each connection's startup packet; these check they hold wherever settings come from.
describe.skipIf(POSTGRES_URL === undefined)('output formats pinned at connection start-up on postgresql', () => {
  let executor: DataSourceExecutor

  beforeAll(() => {
    // The connection string's own startup options contradict every format; one pool connection, so every request shares it.
    const url = new URL(POSTGRES_URL ?? '')
    const contrary = '-c TimeZone=Asia/Tokyo -c DateStyle=SQL,\\ DMY -c IntervalStyle=iso_8601 -c extra_float_digits=3 -c bytea_output=escape'
    url.searchParams.set('options', `${contrary} -c work_mem=7MB`)
    executor = createPostgresExecutor({ connectionString: url.toString(), poolSize: 1 })
  })
  afterAll(async () => {
    await executor?.close()
  })

  it("win over the connection string's options, which otherwise still apply", async () => {
    expect(await readRows(executor, FORMATS)).toEqual([
      {
        tz: 'UTC',
        datestyle: 'ISO, MDY',
        intervals: 'postgres',
        digits: '1',
        bytea: 'hex',
        work_mem: '7MB',
        instant: '2024-01-02 03:04:05+00',
      },
    ])
  })

  it('come back after a committed session-level SET, with the next request', async () => {
    const setSession = "select set_config('TimeZone', 'America/New_York', false), set_config('DateStyle', 'German', false)"
    await executor.execute(request(setSession, { mode: 'write' }))
    const [formats] = await readRows(executor, FORMATS)
    expect(formats).toMatchObject({ tz: 'UTC', datestyle: 'ISO, MDY', instant: '2024-01-02 03:04:05+00' })
  })
})
