import type pg from 'pg'
import type { bindParameters as BindParameters, DataSourceExecutor } from '../src/exec/index.js'
import { DOLLAR_SQL, PYFORMAT_SQL } from './bench-database.js'
import { selectEnvelope } from './bench-world.js'
import type { HttpClient } from './http-client.js'

/** One way of running the indexed select for a key. Throws unless it returned exactly that row. */
export interface QueryPath {
  readonly name: string
  run(id: number): Promise<void>
}

function expectRow(path: string, id: number, count: number, returnedId: unknown): void {
  if (count !== 1 || Number(returnedId) !== id) throw new Error(`${path}: key ${id} returned ${count} rows (id ${String(returnedId)})`)
}

/** Straight through `pg`: `pool.query` with `$1`, the baseline. */
export function rawPgPath(pool: pg.Pool): QueryPath {
  return {
    name: 'raw pg',
    async run(id) {
      const result = await pool.query<{ id: number }>(DOLLAR_SQL, [id])
      expectRow('raw pg', id, result.rows.length, result.rows[0]?.id)
    },
  }
}

/**
 * The server's executor alone, in this process (src/exec: the pipelined
 * transaction with its settings, the row-limited read, `DISCARD ALL`, result
 * encoding), without HTTP, envelope checks or the guard. A diagnostic that
 * splits the server's overhead into database round trip and everything else.
 */
export function executorPath(executor: DataSourceExecutor, bindParameters: typeof BindParameters): QueryPath {
  return {
    name: 'executor only',
    async run(id) {
      const bound = bindParameters({ values: { id }, names: ['id'] })
      if (!bound.ok) throw bound.error
      const result = await executor.execute({
        text: DOLLAR_SQL,
        parameters: bound.parameters,
        mode: 'read',
        searchPath: ['public'],
        statementTimeoutMs: 15_000,
        page: { offset: 0, limit: 1000 },
      })
      expectRow('executor', id, result.rows.length, result.rows[0]?.['id'])
    },
  }
}

/** The execute-operation route the server path posts to. */
export const EXECUTE_PATH = '/orm/api/ts_manager/meta_table/execute-operation/'

/** Through the server: an execute-operation request over keep-alive loopback HTTP, answer parsed. */
export function serverPath(client: HttpClient): QueryPath {
  return {
    name: 'server',
    async run(id) {
      const reply = await client.post(EXECUTE_PATH, JSON.stringify(selectEnvelope(PYFORMAT_SQL, id)))
      if (reply.status !== 200) throw new Error(`server: HTTP ${reply.status}: ${reply.text.slice(0, 300)}`)
      const body = JSON.parse(reply.text) as { ok?: boolean; row_count?: number; rows?: { id?: unknown }[] }
      if (body.ok !== true) throw new Error(`server: not ok: ${reply.text.slice(0, 300)}`)
      expectRow('server', id, body.row_count ?? -1, body.rows?.[0]?.id)
    },
  }
}

/**
 * The same request and client against the no-op HTTP server, which answers a
 * captured server response: what any HTTP hop costs on this machine before
 * the server does anything. A diagnostic, not a target.
 */
export function bareHttpPath(client: HttpClient): QueryPath {
  return {
    name: 'no-op HTTP',
    async run(id) {
      const reply = await client.post(EXECUTE_PATH, JSON.stringify(selectEnvelope(PYFORMAT_SQL, id)))
      if (reply.status !== 200 || (JSON.parse(reply.text) as { ok?: boolean }).ok !== true) throw new Error(`no-op HTTP: ${reply.status} ${reply.text.slice(0, 200)}`)
    },
  }
}
