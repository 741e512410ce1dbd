import { validateErrorResponse } from '@compiled-sql/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStubServer, type RunningStubServer } from '../../src/index.js'
import { ESCAPE_ATTEMPTS, scopeTables, type EscapeAttempt } from './support/escape-attempts.js'
import { ALL_UIDS, APP, DIRECT_FINGERPRINT_SQL, ESCAPE_SEED, OWNER, writeEscapeWorld } from './support/escape-world.js'
import { EXECUTE_PATH, postExact, runQueryBody, runQueryPath, type ExactExchange } from './support/exact-client.js'
import { legitTemplate, type LegitDatabase, type LegitTemplate } from './support/legit-world.js'
import { BACKENDS, type Backend } from './support/test-world.js'

function attempt(server: RunningStubServer, a: EscapeAttempt): Promise<ExactExchange> {
  if (a.route === 'run_query') return postExact(server.url, runQueryPath(ALL_UIDS[a.table]!), runQueryBody(a.sql), { token: APP.token })
  const envelope = {
    version: 'compiled-sql.v1',
    dialect: 'postgresql',
    operation: a.operation,
    statement: { sql: a.sql, parameters: a.parameters ?? {}, paramstyle: 'pyformat', ...(a.parameterTypes && { parameter_types: a.parameterTypes }) },
    scope: { tables: scopeTables(a.scope) },
    limits: { max_rows: 100, offset: 0, statement_timeout_ms: 10_000 },
  }
  return postExact(server.url, EXECUTE_PATH, envelope, { token: APP.token })
}

/**
 * Every MetaTable's row count and md5, read through run_query by the owner:
 * what the server itself lets its owner see, on both back ends, while it runs.
 */
async function servedFingerprint(server: RunningStubServer): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {}
  for (const [name, uid] of Object.entries(ALL_UIDS)) {
    const sql = `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${name} AS x`
    const reply = await postExact(server.url, runQueryPath(uid), runQueryBody(sql), { token: OWNER.token })
    expect(reply.status, reply.text).toBe(200)
    fingerprint[name] = `${reply.body.results[0].n} ${reply.body.results[0].h}`
  }
  return fingerprint
}

describe.each(BACKENDS)('escape attempts over HTTP on %s', (backend: Backend) => {
  let template: LegitTemplate
  let database: LegitDatabase
  let server: RunningStubServer | undefined
  let seededDirect: string[]
  let seededServed: Record<string, string>

  beforeAll(async () => {
    template = await legitTemplate(backend, [ESCAPE_SEED])
    database = await template.copy()
    seededDirect = await database.rowsAsJson(DIRECT_FINGERPRINT_SQL) // before the server opens the database
    server = await startStubServer({ configFile: writeEscapeWorld(database), port: 0, accessLog: () => {} })
    seededServed = await servedFingerprint(server)
  })

  afterAll(async () => {
    await server?.close()
    await database?.drop()
    await template?.drop()
  })

  it('number at least 40, with unique names', () => {
    expect(ESCAPE_ATTEMPTS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(ESCAPE_ATTEMPTS.map((a) => a.name)).size).toBe(ESCAPE_ATTEMPTS.length)
  })

  it('fingerprint a seeded database the owner can read in full', () => {
    expect(seededServed['public.trade']).toMatch(/^501 [0-9a-f]{32}$/)
    expect(seededServed['private.keys']).toMatch(/^2 [0-9a-f]{32}$/)
    expect(seededDirect.some((row) => row.includes('"sequence public.trade_id_seq"') && row.includes('"n":"500"'))).toBe(true)
  })

  it.for(ESCAPE_ATTEMPTS)('$name is refused with $status $code and changes nothing', async (a) => {
    const reply = await attempt(server!, a)
    expect([reply.status, reply.body?.error?.code], reply.text).toEqual([a.status, a.code])
    expect(validateErrorResponse(JSON.parse(reply.text)).ok).toBe(true)
    expect(await servedFingerprint(server!)).toEqual(seededServed)
    // PGlite's database is open in the server's worker; it is read directly once the server stops (last test).
    if (backend === 'postgresql') expect(await database.rowsAsJson(DIRECT_FINGERPRINT_SQL)).toEqual(seededDirect)
  })

  it('binds SQL sent as a parameter value as a value, and changes nothing', async () => {
    const reply = await postExact(
      server!.url,
      EXECUTE_PATH,
      {
        version: 'compiled-sql.v1',
        dialect: 'postgresql',
        operation: 'select',
        statement: { sql: 'SELECT t.id FROM public.trade AS t WHERE t.side = %(side)s ORDER BY t.id', parameters: { side: "buy'; DELETE FROM public.trade; --" } },
        scope: { tables: scopeTables(['public.trade']) },
      },
      { token: APP.token },
    )
    expect([reply.status, reply.body.rows], reply.text).toEqual([200, []])
    expect(await servedFingerprint(server!)).toEqual(seededServed)
  })

  it('leaves every table, sequence, relation and large object as seeded, read straight from the database', async () => {
    await server!.close()
    server = undefined
    expect(await database.rowsAsJson(DIRECT_FINGERPRINT_SQL)).toEqual(seededDirect)
  })
})
