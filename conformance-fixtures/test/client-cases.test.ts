import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  ERROR_CODES,
  validateClientCase,
  validateErrorResponse,
  validateOperation,
  validateOperationResult,
  validateRunQueryResponse,
  type ClientCase,
  type ClientScriptResponse,
  type ClientScriptStep,
  type ErrorCode,
} from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'

/** The client corpus directory. */
const CLIENT_DIR = fileURLToPath(new URL('../compiled-sql.v1/client/', import.meta.url))

/** The HTTP statuses the upstream SDK maps to an exception class: each is covered with a protocol body and an upstream-style one. */
const MAPPED_STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 503, 504]

const paths = readdirSync(CLIENT_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => `${(entry.parentPath ?? entry.path).slice(CLIENT_DIR.length)}/${entry.name}`.replace(/^\//, ''))
  .sort()
const files = paths.map((path) => {
  const text = readFileSync(`${CLIENT_DIR}/${path}`, 'utf8')
  return { path, content: JSON.parse(text) as unknown }
})
const cases = files.flatMap(({ path, content }) => {
  const result = validateClientCase(content)
  return result.ok ? [{ path, fixture: result.value }] : []
})

function responses(fixture: ClientCase): ClientScriptResponse[] {
  const script: readonly ClientScriptStep[] = fixture.script ?? []
  return script.filter((step): step is ClientScriptResponse => 'status' in step)
}

/** A body in the protocol's error shape (it has an `error` object with a `code`), as opposed to an upstream-style one. */
function isProtocolError(step: ClientScriptResponse): boolean {
  const error = (step.json as { error?: { code?: unknown } } | undefined)?.error
  return typeof error === 'object' && error !== null && typeof error.code === 'string'
}

describe('client case files', () => {
  it('the corpus holds at least 30 cases, and every file is a JSON case', () => {
    expect(files.length).toBeGreaterThanOrEqual(30)
    expect(paths.every((path) => path.endsWith('.json'))).toBe(true)
  })

  it.each(files.map((file) => [file.path, file] as const))('%s is valid against client-case.schema.json', (_, file) => {
    const result = validateClientCase(file.content)
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it('ids are unique and each case is stored at <group>/<name>.json', () => {
    expect(new Set(cases.map(({ fixture }) => fixture.id)).size).toBe(cases.length)
    expect(cases.filter(({ path, fixture }) => path !== `${fixture.id.replace('.', '/')}.json`).map(({ path }) => path)).toEqual([])
  })

  it('descriptions state facts and every case has tags', () => {
    expect(cases.filter(({ fixture }) => /\bshould\b/i.test(fixture.description) || fixture.tags.length === 0).map(({ fixture }) => fixture.id)).toEqual([])
  })
})

describe('client case content', () => {
  it('every execute command carries a valid envelope, and a build has no script while the others have one', () => {
    const invalid = cases.filter(({ fixture }) => fixture.command.type === 'execute' && !validateOperation(fixture.command.envelope).ok)
    expect(invalid.map(({ fixture }) => fixture.id)).toEqual([])
    expect(cases.filter(({ fixture }) => (fixture.command.type === 'build') !== (fixture.script === undefined)).map(({ fixture }) => fixture.id)).toEqual([])
  })

  it('scripted successes are valid result documents, except in the responses group, which tests unreadable ones', () => {
    const problems = cases.flatMap(({ fixture }) =>
      responses(fixture)
        .filter((step) => step.status < 300 && !fixture.id.startsWith('responses.'))
        .filter((step) => !(fixture.command.type === 'run_query' ? validateRunQueryResponse(step.json) : validateOperationResult(step.json)).ok)
        .map(() => fixture.id),
    )
    expect(problems).toEqual([])
  })

  it('scripted protocol errors are valid error responses whose status is the one their code fixes, with X-Request-Id repeating request_id', () => {
    const problems = cases.flatMap(({ fixture }) =>
      responses(fixture)
        .filter(isProtocolError)
        .filter((step) => {
          const body = step.json as { request_id?: string; error: { code: ErrorCode } }
          return !validateErrorResponse(step.json).ok || ERROR_CODES[body.error.code].status !== step.status || step.headers?.['x-request-id'] !== body.request_id
        })
        .map(() => fixture.id),
    )
    expect(problems).toEqual([])
  })

  it('Retry-After stays at 1 second or less, so that a run finishes quickly', () => {
    const slow = cases.filter(({ fixture }) => responses(fixture).some((step) => step.headers?.['retry-after'] !== undefined && !/^[01]$/.test(step.headers['retry-after'])))
    expect(slow.map(({ fixture }) => fixture.id)).toEqual([])
  })
})

describe('client corpus coverage', () => {
  const ids = new Set(cases.map(({ fixture }) => fixture.id))

  it('covers the upstream pagination example: (0,5), (2,3), (4,1) and 5 merged rows', () => {
    const example = cases.find(({ fixture }) => fixture.id === 'pagination.page-cap-two')?.fixture
    expect(example?.expect.requests?.map((request) => request.limits)).toEqual([
      { offset: 0, max_rows: 5 },
      { offset: 2, max_rows: 3 },
      { offset: 4, max_rows: 1 },
    ])
    expect(example?.expect.outcome).toMatchObject({ ok: true, result: { row_count: 5 } })
  })

  it.each(MAPPED_STATUSES)('maps HTTP %i with a protocol body and with an upstream-style body', (status) => {
    const failing = cases.filter(({ fixture }) => !fixture.expect.outcome.ok && responses(fixture).some((step) => step.status === status))
    expect(failing.some(({ fixture }) => responses(fixture).some((step) => step.status === status && isProtocolError(step)))).toBe(true)
    expect(failing.some(({ fixture }) => responses(fixture).some((step) => step.status === status && !isProtocolError(step)))).toBe(true)
  })

  it('covers writes without a key never retried (503, 429, reset), and with a key retried with the same bytes', () => {
    for (const id of ['writes.no-key-503-not-retried', 'writes.no-key-429-not-retried', 'writes.no-key-reset-not-retried']) {
      expect(cases.find(({ fixture }) => fixture.id === id)?.fixture.expect.request_count).toBe(1)
    }
    const keyed = cases.filter(({ fixture }) => fixture.command.type === 'execute' && fixture.command.idempotency_key !== undefined && fixture.expect.same_body === true)
    expect(keyed.length).toBeGreaterThanOrEqual(2)
  })

  it('covers Retry-After gaps on 429 and 503, both route families for execute and run_query, and build cases', () => {
    const gapped = cases.filter(({ fixture }) => fixture.expect.requests?.some((request) => request.min_gap_ms !== undefined))
    expect(new Set(gapped.flatMap(({ fixture }) => responses(fixture).map((step) => step.status)))).toEqual(new Set([429, 503, 200]))
    for (const type of ['execute', 'run_query'] as const) {
      const families = new Set(cases.flatMap(({ fixture }) => (fixture.command.type === type ? [fixture.command.routes] : [])))
      expect(families).toEqual(new Set(['legacy', 'v1']))
    }
    expect([...ids].filter((id) => id.startsWith('build.')).length).toBeGreaterThanOrEqual(10)
  })
})
