import { ERROR_CODES, type ErrorCode, type SelectResult } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { errorFromReply } from '../src/http/response-error.js'
import { backoffDelay, resolveRetryPolicy } from '../src/http/retry-policy.js'
import { normalizeEndpoint } from '../src/http/connection.js'
import { mergePages } from '../src/execute/merge-pages.js'
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DEFAULT_RETRY_POLICY,
  MetaTableClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  parseRetryAfter,
} from '../src/index.js'

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect([parseRetryAfter('0'), parseRetryAfter('7'), parseRetryAfter(' 2 ')]).toEqual([0, 7000, 2000])
  })

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(2000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0)
  })

  it('ignores what it cannot read', () => {
    expect([parseRetryAfter(null), parseRetryAfter(undefined), parseRetryAfter('soon'), parseRetryAfter('-1')]).toEqual([undefined, undefined, undefined, undefined])
  })
})

describe('backoffDelay', () => {
  const policy = resolveRetryPolicy({ initialDelayMs: 100, maxDelayMs: 1000 })

  it('honours a Retry-After exactly', () => {
    expect(backoffDelay(policy, 0, 3000)).toBe(3000)
  })

  it('doubles from initialDelayMs with jitter between half and all of it, capped at maxDelayMs', () => {
    expect([0, 1, 2, 5].map((retry) => backoffDelay(policy, retry, undefined, () => 0))).toEqual([50, 100, 200, 500])
    expect([0, 1, 2, 5].map((retry) => backoffDelay(policy, retry, undefined, () => 1))).toEqual([100, 200, 400, 1000])
  })

  it('rejects a negative or fractional policy', () => {
    expect(() => resolveRetryPolicy({ maxRetries: -1 })).toThrow(RangeError)
    expect(() => resolveRetryPolicy({ maxRetries: 1.5 })).toThrow(RangeError)
    expect(() => resolveRetryPolicy({ initialDelayMs: Number.NaN })).toThrow(RangeError)
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY)
  })
})

describe('errorFromReply', () => {
  const classOfKind = {
    validation_error: BadRequestError,
    sql_rejected: BadRequestError,
    database_error: BadRequestError,
    authentication_error: AuthenticationError,
    permission_denied: PermissionDeniedError,
    not_found: NotFoundError,
    conflict: ConflictError,
    rate_limited: RateLimitError,
    timeout: TimeoutError,
    internal_error: ServerError,
    unavailable: ServerError,
  } as const

  it.each(Object.entries(ERROR_CODES))('maps a protocol body with code %s to the class of its kind', (code, info) => {
    const body = { ok: false, error: { code, kind: info.kind, message: `about ${code}`, retryable: info.retryable, sqlstate: '23505', position: 4, details: { parameter: 'p' } }, request_id: 'body-id' }
    const error = errorFromReply({ status: info.status, headers: new Headers({ 'x-request-id': 'header-id' }), body })
    expect(error).toBeInstanceOf(classOfKind[info.kind])
    expect([error.status, error.code, error.message, error.retryable, error.sqlstate, error.position, error.details, error.requestId]).toEqual([
      info.status,
      code as ErrorCode,
      `about ${code}`,
      info.retryable,
      '23505',
      4,
      { parameter: 'p' },
      'header-id',
    ])
  })

  it.each([
    [400, BadRequestError, 'invalid_value'],
    [401, AuthenticationError, 'unauthenticated'],
    [403, PermissionDeniedError, 'access_denied'],
    [404, NotFoundError, 'route_not_found'],
    [409, ConflictError, 'unique_violation'],
    [422, BadRequestError, 'query_error'],
    [429, RateLimitError, 'rate_limited'],
    [500, ServerError, 'internal_error'],
    [502, ServerError, 'service_unavailable'],
    [503, ServerError, 'service_unavailable'],
    [504, TimeoutError, 'statement_timeout'],
  ] as const)('maps status %i without a protocol body by its status', (status, type, code) => {
    const error = errorFromReply({ status, headers: new Headers(), body: { non_field_errors: ['first reason', 'second'] } })
    expect([error.constructor, error.code, error.message]).toEqual([type, code, 'first reason'])
  })

  it('prefers the body retry_after_ms to the whole seconds of Retry-After', () => {
    const body = { ok: false, error: { code: 'rate_limited', kind: 'rate_limited', message: 'slow down', retryable: true, details: { retry_after_ms: 1250 } } }
    expect(errorFromReply({ status: 429, headers: new Headers({ 'retry-after': '2' }), body }).retryAfterMs).toBe(1250)
    expect(errorFromReply({ status: 429, headers: new Headers({ 'retry-after': '2' }), body: {} }).retryAfterMs).toBe(2000)
  })

  it('names the status when the body says nothing', () => {
    expect(errorFromReply({ status: 502, headers: new Headers(), body: '' }).message).toBe('HTTP 502')
  })
})

describe('mergePages', () => {
  const page = (offset: number, rows: number[], hasMore: boolean, truncated = hasMore): SelectResult => ({
    ok: true,
    operation: 'select',
    dialect: 'postgresql',
    row_count: rows.length,
    rows: rows.map((n) => ({ n })),
    truncated,
    max_rows: 5 - offset,
    pagination: { limit: 2, offset, returned_count: rows.length, has_more: hasMore, next_offset: hasMore ? offset + rows.length : null },
    scope: { meta_table_uids: ['m'], data_source_uid: 'd' },
    request_id: `r${offset}`,
  })

  it('concatenates rows and rewrites counts and pagination as the upstream SDK does', () => {
    const merged = mergePages([page(0, [1, 2], true), page(2, [3, 4], true), page(4, [5], false)], 5)
    expect(merged.rows).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })))
    expect([merged.row_count, merged.max_rows, merged.truncated, merged.request_id]).toEqual([5, 5, false, 'r0'])
    expect(merged.pagination).toEqual({ limit: 5, offset: 0, returned_count: 5, has_more: false, next_offset: null })
  })

  it('returns a single page unchanged', () => {
    const only = page(0, [1], false)
    expect(mergePages([only], 5)).toBe(only)
  })
})

describe('MetaTableClient options', () => {
  it('rejects an endpoint that is not an absolute http(s) URL', () => {
    expect(() => new MetaTableClient({ endpoint: '127.0.0.1:8787', token: 't' })).toThrow(/absolute http\(s\) URL/)
    expect(() => new MetaTableClient({ endpoint: 'ftp://host', token: 't' })).toThrow(/http or https/)
    expect(() => new MetaTableClient({ endpoint: 'http://host/?a=1', token: 't' })).toThrow(/query or a fragment/)
    expect(normalizeEndpoint('http://host:1/base///')).toBe('http://host:1/base')
  })

  it('rejects an empty token and an unknown route family', () => {
    expect(() => new MetaTableClient({ endpoint: 'http://host', token: '' })).toThrow(/token/)
    expect(() => new MetaTableClient({ endpoint: 'http://host', token: 't', routes: 'v2' as 'v1' })).toThrow(/routes/)
    expect(() => new MetaTableClient({ endpoint: 'http://host', token: 't', timeoutMs: 0 })).toThrow(/timeoutMs/)
  })
})
