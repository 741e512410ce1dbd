import type { AdapterExecute, ClientCase } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { clientRequest } from '../src/client-suite/client-requests.js'
import { evaluateClientCase } from '../src/client-suite/evaluate-client-case.js'
import type { RecordedRequest } from '../src/client-suite/recorded-request.js'
import { clientCase, loaded, raised, returned, SELECT_ENVELOPE, sent } from './support/client-cases.js'

function judge(fixture: ClientCase, requests: RecordedRequest[], outcome = returned(fixture.id, { row_count: 0 })) {
  const clientCaseLoaded = loaded(fixture)
  const request = clientRequest(clientCaseLoaded, 'http://127.0.0.1:1/c/1')
  return evaluateClientCase(clientCaseLoaded, request, outcome, requests)
}

function problems(verdict: ReturnType<typeof judge>): string {
  return verdict.status === 'failed' ? verdict.failure.message : ''
}

const PAGES = clientCase('t.pages', {
  script: [{ status: 200, json: {}, times: 3 }],
  expect: {
    requests: [{ limits: { offset: 0, max_rows: 5 } }, { limits: { offset: 2, max_rows: 3 } }, { limits: { offset: 4, max_rows: 1 } }],
    every_request: { headers: { 'idempotency-key': false } },
    outcome: { ok: true, result: { row_count: 5 } },
  },
})

describe('the requests of a case', () => {
  it('pass when the pagination sequence and the result match', () => {
    const verdict = judge(PAGES, [sent(0), sent(5, { offset: 2, max_rows: 3 }), sent(9, { offset: 4, max_rows: 1 })], returned('t.pages', { row_count: 5, rows: [] }))
    expect(verdict).toEqual({ status: 'passed' })
  })

  it('fail on a page that keeps the first max_rows, and on a missing page', () => {
    expect(problems(judge(PAGES, [sent(0), sent(5, { offset: 2, max_rows: 5 }), sent(9, { offset: 4, max_rows: 5 })]))).toContain('request 2: limits.max_rows 5, expected 3')
    expect(problems(judge(PAGES, [sent(0), sent(5, { offset: 2, max_rows: 3 })]))).toContain('2 request(s) arrived, expected 3')
  })

  it('fail on an idempotency key where none may be, and on one request too many', () => {
    const keyed = sent(5, { offset: 2, max_rows: 3 }, { headers: { ...sent(0).headers, 'idempotency-key': 'k' } })
    expect(problems(judge(PAGES, [sent(0), keyed, sent(9, { offset: 4, max_rows: 1 })]))).toContain('request 2: header idempotency-key is "k", expected absent')
    const extra = { ...sent(12, { offset: 5, max_rows: 1 }), answer: 'unscripted' as const }
    expect(problems(judge(PAGES, [sent(0), sent(5, { offset: 2, max_rows: 3 }), sent(9, { offset: 4, max_rows: 1 }), extra]))).toMatch(/4 request\(s\) arrived, expected 3.*request 4 went beyond the script/)
  })

  it('check the gap a Retry-After asks for, from arrival to arrival', () => {
    const fixture = clientCase('t.gap', { script: [{ status: 429, headers: { 'retry-after': '1' } }, { status: 200, json: {} }], expect: { requests: [{}, { min_gap_ms: 1000 }], outcome: { ok: true } } })
    expect(judge(fixture, [sent(10), sent(1010)])).toEqual({ status: 'passed' })
    expect(problems(judge(fixture, [sent(10), sent(400)]))).toContain('request 2: arrived 390.0 ms after the previous request, expected at least 1000 ms')
  })

  it('check that a retry carries the same bytes', () => {
    const fixture = clientCase('t.same', { script: [{ reset: true }, { status: 200, json: {} }], expect: { same_body: true, outcome: { ok: true } } })
    const reordered = { ...sent(5), body: JSON.stringify({ ...SELECT_ENVELOPE, limits: { offset: 0, max_rows: 5, statement_timeout_ms: 15000 } }) }
    expect(problems(judge(fixture, [sent(0), reordered]))).toContain('request 2 carries other bytes than request 1')
  })

  it('apply the protocol rules to every request: a valid envelope equal to the command, the route, the token', () => {
    const fixture = clientCase('t.rules', { expect: { outcome: { ok: true } } })
    const camel = { ...sent(0), body: JSON.stringify({ ...SELECT_ENVELOPE, scope: { tables: [{ metaTableUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }] } }) }
    expect(problems(judge(fixture, [camel]))).toMatch(/not a valid envelope: .*unknown_field at \/scope\/tables\/0\/metaTableUid/)
    const otherSql = { ...sent(0), body: JSON.stringify({ ...SELECT_ENVELOPE, statement: { ...SELECT_ENVELOPE.statement, sql: 'SELECT 2' } }) }
    expect(problems(judge(fixture, [otherSql]))).toContain("the body is not the command's envelope")
    expect(problems(judge(fixture, [{ ...sent(0), path: '/api/v1/meta-tables/execute-operation/' }]))).toContain('expected /orm/api/ts_manager/meta_table/execute-operation/')
    expect(problems(judge(fixture, [{ ...sent(0), headers: { 'content-type': 'application/json', authorization: 'Bearer other' } }]))).toContain('authorization "Bearer other"')
  })

  it('require the caller\'s idempotency key on every attempt of a keyed write', () => {
    const insert = { ...SELECT_ENVELOPE, operation: 'insert', statement: { ...SELECT_ENVELOPE.statement, sql: 'INSERT INTO public.asset (uid) VALUES (1)' } }
    const fixture = clientCase('t.key', {
      command: { type: 'execute', routes: 'legacy', envelope: insert, idempotency_key: 'key-1' },
      script: [{ status: 503 }, { status: 200, json: {} }],
      expect: { outcome: { ok: true } },
    })
    const request = (at: number, key?: string): RecordedRequest => ({ ...sent(at), body: JSON.stringify(insert), headers: { ...sent(at).headers, ...(key === undefined ? {} : { 'idempotency-key': key }) } })
    expect(judge(fixture, [request(0, 'key-1'), request(5, 'key-1')])).toEqual({ status: 'passed' })
    expect(problems(judge(fixture, [request(0, 'key-1'), request(5)]))).toContain('request 2: Idempotency-Key null, expected "key-1"')
  })

  it('require run_query to send the SQL as a JSON string to the MetaTable\'s route', () => {
    const fixture = clientCase('t.rq', { command: { type: 'run_query', routes: 'v1', meta_table_uid: 'm-1', sql: 'SELECT 1' }, expect: { outcome: { ok: true } } })
    const base = { ...sent(0), path: '/api/v1/meta-tables/m-1/run-query/' }
    expect(judge(fixture, [{ ...base, body: '"SELECT 1"' }])).toEqual({ status: 'passed' })
    expect(problems(judge(fixture, [{ ...base, body: '{"sql":"SELECT 1"}' }]))).toContain('the body is not a JSON string')
  })
})

describe('the outcome of a case', () => {
  const failing = (error: ClientCase['expect']['outcome']) => clientCase('t.error', { script: [{ status: 504 }], expect: { outcome: error } })

  it('matches an error by category (or any listed), status, code and the fields given', () => {
    const fixture = failing({ ok: false, error: { category: ['timeout', 'server'], status: 504, code: 'statement_timeout', sqlstate: '57014', message_contains: 'ran past' } })
    const error = { category: 'server', status: 504, code: 'statement_timeout', retryable: true, sqlstate: '57014', message: 'the statement ran past its timeout' } as const
    expect(judge(fixture, [sent(0)], raised('t.error', error))).toEqual({ status: 'passed' })
    expect(problems(judge(fixture, [sent(0)], raised('t.error', { ...error, category: 'bad_request' })))).toContain('error.category "bad_request", expected one of "timeout", "server"')
    expect(problems(judge(fixture, [sent(0)], raised('t.error', { ...error, sqlstate: null })))).toContain('error.sqlstate null, expected "57014"')
    expect(problems(judge(fixture, [sent(0)], returned('t.error', {})))).toContain('expected it to raise')
  })

  it('matches a build error by its path and code, or by any of its issues', () => {
    const fixture = clientCase('t.build', {
      command: { type: 'build', input: { operation: 'select', sql: '', scope: { tables: [] } } },
      expect: { outcome: { ok: false, error: { category: 'build', code: 'too_small', path: '/scope/tables' } } },
    })
    delete (fixture as { script?: unknown }).script
    const error = { category: 'build', status: null, code: 'too_small', retryable: false, path: '/statement/sql' } as const
    expect(problems(judge(fixture, [], raised('t.build', error)))).toContain('expected "too_small" at /scope/tables, reported too_small at /statement/sql')
    const withIssues = { ...error, issues: [{ code: 'too_small', instancePath: '/statement/sql' }, { code: 'too_small', instancePath: '/scope/tables' }] }
    expect(judge(fixture, [], raised('t.build', withIssues))).toEqual({ status: 'passed' })
  })

  it('checks a built envelope against the schema and, with exact, against the whole expected value', () => {
    const fixture = clientCase('t.built', { command: { type: 'build', input: { operation: 'select', sql: 'SELECT 1', scope: {} } }, expect: { outcome: { ok: true, result: SELECT_ENVELOPE, exact: true } } })
    delete (fixture as { script?: unknown }).script
    expect(judge(fixture, [], returned('t.built', SELECT_ENVELOPE))).toEqual({ status: 'passed' })
    expect(problems(judge(fixture, [], returned('t.built', { ...SELECT_ENVELOPE, extra: 1 })))).toMatch(/invalid: unknown_field at \/extra.*result\.extra: not expected/)
  })

  it('keeps the adapter request, its answer and the recorded requests in a failure', () => {
    const verdict = judge(PAGES, [sent(0)])
    expect(verdict.status).toBe('failed')
    if (verdict.status !== 'failed') return
    expect((verdict.failure.request as AdapterExecute).type).toBe('execute')
    expect(verdict.failure.actual).toMatchObject({ requests: [{ path: '/orm/api/ts_manager/meta_table/execute-operation/', arrived_ms: 0 }], outcome: { ok: true } })
    expect(verdict.failure.expected).toEqual(PAGES.expect)
  })

  it('reports a skip as skipped and an adapter error as a failure', () => {
    const fixture = clientCase('t.any', { expect: { outcome: { ok: true } } })
    const request = clientRequest(loaded(fixture), 'http://127.0.0.1:1/c/1')
    expect(evaluateClientCase(loaded(fixture), request, { type: 'skip', id: 't.any', reason: 'no writes' }, [])).toEqual({ status: 'skipped', reason: 'no writes' })
    const failed = evaluateClientCase(loaded(fixture), request, { type: 'error', id: 't.any', message: 'boom' }, [])
    expect(failed.status === 'failed' && failed.failure.message).toBe('the adapter could not handle the case: boom')
  })
})
