import type { AdapterOutcome, ClientCase } from '@compiled-sql/protocol'
import { unrollScript, type LoadedClientCase } from '../../src/client-suite/client-case.js'
import type { RecordedRequest } from '../../src/client-suite/recorded-request.js'
import { CLIENT_SUITE_TOKEN } from '../../src/client-suite/request-rules.js'

/** A valid select envelope with every field, as a client sends it. */
export const SELECT_ENVELOPE = {
  operation: 'select',
  version: 'compiled-sql.v1',
  dialect: 'postgresql',
  statement: { sql: 'SELECT a.uid FROM public.asset AS a ORDER BY a.uid', parameters: {}, paramstyle: 'pyformat' },
  scope: { data_source_uid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', alias: 'a', access: 'read' }] },
  limits: { max_rows: 5, offset: 0, statement_timeout_ms: 15000 },
} as const

/** The execute route of the legacy family. */
export const EXECUTE_PATH = '/orm/api/ts_manager/meta_table/execute-operation/'

/** A client case object (not yet on disk) with defaults for what a test does not care about. */
export function clientCase(id: string, fields: Partial<ClientCase> & Pick<ClientCase, 'expect'>): ClientCase {
  return {
    id,
    description: `case ${id}`,
    tags: ['test'],
    command: { type: 'execute', routes: 'legacy', envelope: SELECT_ENVELOPE },
    script: [{ status: 200, json: { ok: true } }],
    ...fields,
  } as ClientCase
}

/** A case as the loader makes it. */
export function loaded(fixture: ClientCase): LoadedClientCase {
  return { fixture, path: `${fixture.id.replace('.', '/')}.json`, steps: unrollScript(fixture.script) }
}

/** A request as a well-behaved client sends it: the envelope with these limits, at `at` ms. */
export function sent(at: number, limits: { offset: number; max_rows: number } = { offset: 0, max_rows: 5 }, extra: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    method: 'POST',
    path: EXECUTE_PATH,
    headers: { authorization: `Bearer ${CLIENT_SUITE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...SELECT_ENVELOPE, limits: { ...SELECT_ENVELOPE.limits, ...limits } }),
    arrived_ms: at,
    answer: 200,
    ...extra,
  }
}

/** An outcome that returned `result`. */
export function returned(id: string, result: unknown): AdapterOutcome {
  return { type: 'outcome', id, ok: true, result }
}

/** An outcome that raised `error`. */
export function raised(id: string, error: NonNullable<AdapterOutcome['error']>): AdapterOutcome {
  return { type: 'outcome', id, ok: false, error }
}
