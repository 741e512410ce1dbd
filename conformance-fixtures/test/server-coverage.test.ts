import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ERROR_CODES, ROUTES, type ErrorCode } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { parseWithNumbers } from './support/exact-numbers.js'
import { comparable, loadLegitCases, protocolRows, type LegitCase } from './support/legit-conversion.js'
import { SERVER_CODE_ALLOWLIST } from './support/server-code-allowlist.js'
import { exchangesOf, LEGIT_DIR, SERVER_DIR, loadServerCases, loadServerFiles, loadWorld } from './support/server-cases.js'

const cases = loadServerCases()
const own = cases.filter(({ serverCase }) => !serverCase.id.startsWith('legit.'))
const exchanges = cases.flatMap(({ serverCase }) => exchangesOf(serverCase))

/** The quotas the issue sets for the cases of our own (every legit case comes on top). */
const MIN_OWN_CASES = 80
const MIN_ESCAPE_CASES = 20
const TOPICS = ['auth', 'http', 'envelope', 'visibility', 'access', 'data-source', 'statement', 'escape', 'parameters', 'limits', 'pagination', 'timeout', 'writes', 'idempotency', 'rate-limit', 'run-query', 'results']

describe('error codes', () => {
  const reached = new Set(exchanges.map((step) => step.expect.code).filter((code): code is ErrorCode => code !== undefined))
  const allowlisted = new Map(SERVER_CODE_ALLOWLIST.map((entry) => [entry.code, entry]))

  it('every code of error-code.schema.json is the expected code of some case, or allowlisted with a reason and the suite that covers it', () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !reached.has(code as ErrorCode) && !allowlisted.has(code as ErrorCode))
    expect(missing).toEqual([])
  })

  it('the allowlist names real codes, once each, that no case reaches, each with a reason and a covering suite', () => {
    expect(allowlisted.size).toBe(SERVER_CODE_ALLOWLIST.length)
    for (const entry of SERVER_CODE_ALLOWLIST) {
      expect(Object.keys(ERROR_CODES)).toContain(entry.code)
      expect(reached.has(entry.code), `${entry.code} is reached by a case: remove it from the allowlist`).toBe(false)
      expect(entry.reason.length).toBeGreaterThan(20)
      expect(entry.coveredBy.length).toBeGreaterThan(10)
    }
  })

  it('the client suite scripts every allowlisted code, so the whole corpus reaches every code', () => {
    const clientDir = fileURLToPath(new URL('../compiled-sql.v1/client/', import.meta.url))
    const scripted = new Set(
      readdirSync(clientDir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.json'))
        .flatMap((name) => (JSON.parse(readFileSync(`${clientDir}${name}`, 'utf8')) as { script?: { json?: { error?: { code?: string } } }[] }).script ?? [])
        .map((step) => step.json?.error?.code),
    )
    expect(SERVER_CODE_ALLOWLIST.filter((entry) => !scripted.has(entry.code)).map((entry) => entry.code)).toEqual([])
  })
})

describe('corpus size and topics', () => {
  it(`holds at least ${MIN_OWN_CASES} cases of its own and ${MIN_ESCAPE_CASES} escape attempts`, () => {
    expect(own.length).toBeGreaterThanOrEqual(MIN_OWN_CASES)
    expect(own.filter(({ serverCase }) => serverCase.tags.includes('escape')).length).toBeGreaterThanOrEqual(MIN_ESCAPE_CASES)
  })

  it.each(TOPICS)('has a %s group', (topic) => {
    expect(own.some(({ serverCase }) => serverCase.id.startsWith(`${topic}.`))).toBe(true)
  })

  it('posts to all four routes of both route families', () => {
    const paths = new Set(exchanges.map((step) => step.request.path))
    const uid = '7ab1e000-0000-4000-8000-000000000002'
    for (const route of [ROUTES.legacy.executeOperation, ROUTES.v1.executeOperation, ROUTES.legacy.runQuery(uid), ROUTES.v1.runQuery(uid)]) expect(paths.has(route), route).toBe(true)
  })

  it('walks pages in some case, and keeps fresh isolation for the writes of the realistic corpus only', () => {
    expect(exchanges.some((step) => step.follow_pages === true)).toBe(true)
    const fresh = cases.filter(({ serverCase }) => serverCase.isolation === 'fresh')
    expect(fresh.every(({ serverCase }) => serverCase.id.startsWith('legit.') && serverCase.expect.rows_unordered !== undefined)).toBe(true)
  })
})

describe('the realistic corpus (sources/legit), every case a server case', () => {
  const legit = loadLegitCases()

  it('seeds the world with the corpus schema and data verbatim, so the ground truth holds', () => {
    const schema = readFileSync(`${LEGIT_DIR}/schema.sql`, 'utf8')
    const seed = readFileSync(`${SERVER_DIR}/seed.sql`, 'utf8')
    // The schema file starts with a comment header of its own; every statement after it must appear in the seed unchanged.
    const statements = schema.slice(schema.search(/^CREATE /m))
    expect(seed.includes(statements.trimEnd())).toBe(true)
  })
  const pageCap = loadWorld().limits?.page_cap ?? 1000
  const texts = new Map(loadServerFiles().map((file) => [file.path, file.text]))
  const exact = (id: string) => parseWithNumbers(texts.get(`legit/${id}.json`) ?? 'null') as Record<string, any> | null

  it('has one legit.<id> case per corpus case, and no other', () => {
    const ids = cases.filter(({ serverCase }) => serverCase.id.startsWith('legit.')).map(({ serverCase }) => serverCase.id)
    expect(ids.sort()).toEqual(legit.map((c) => `legit.${c.id}`).sort())
  })

  it.each(legit.map((c) => [c.id, c] as const))('%s sends the corpus statement and expects its ground truth', (id, c: LegitCase) => {
    const fixture = exact(id)
    expect(fixture).not.toBeNull()
    const statement = fixture!.request.json.statement
    expect([statement.sql, comparable(statement.parameters), statement.parameter_types ?? {}]).toEqual([c.sql, comparable(c.parameters), c.parameter_types])
    expect(fixture!.request.json.operation).toBe(c.op)
    expect(fixture!.request.json.scope.tables.map((t: { access: string }) => t.access)).toEqual(c.scope.map((s) => s.access))
    const rows = comparable(protocolRows(c.expect.rows, c.expect.columns))
    expect(comparable(fixture!.expect.row_count)).toEqual(comparable(c.expect.row_count))
    expect(fixture!.expect.columns).toEqual(c.expect.columns)
    if (c.op === 'select') {
      expect(comparable(fixture!.expect.rows)).toEqual(rows)
      expect(fixture!.follow_pages === true).toBe(Number(c.expect.row_count.text) > pageCap)
      return
    }
    expect(fixture!.isolation).toBe('fresh')
    expect(comparable(fixture!.expect.rows_unordered)).toEqual(rows)
    const after = c.expect.after!
    const endState = fixture!.then[0]
    expect(endState.request.json.statement.sql).toBe(after.sql.replaceAll('%', '%%'))
    expect([comparable(endState.expect.row_count), endState.expect.columns, comparable(endState.expect.rows)]).toEqual([
      comparable(after.row_count),
      after.columns,
      comparable(protocolRows(after.rows, after.columns)),
    ])
  })
})
