import { describe, expect, it } from 'vitest'
import { requestPath } from '../../src/http/request-path.js'

// The full WHATWG parse is the reference the fast split must agree with.
const reference = (target: string): string => new URL(target, 'http://stub').pathname

describe('requestPath', () => {
  const targets = [
    '/healthz',
    '/openapi.json',
    '/openapi.json?x=1',
    '/api/v1/meta-tables/execute-operation/',
    '/api/v1/meta-tables/execute-operation/?trace=1&a=b',
    '/api/v1/meta-tables/abc_DEF-1.2~x/run-query/',
    '/api/v1/meta-tables/a%2Fb/run-query/',
    '/api/v1/./meta-tables/../meta-tables/execute-operation/',
    '/api/v1/meta-tables/%2e%2e/x',
    '/a/..',
    '/a/.',
    '/.hidden/x',
    '//evil/healthz',
    '/a b/c',
    '/a\\b',
    '/a#frag?q',
    '/é',
    '/?only-query',
    'http://other.example/healthz?x',
    '',
  ]
  for (const target of targets) {
    it(`gives ${JSON.stringify(target)} the URL parser's path`, () => {
      expect(requestPath(target)).toBe(reference(target))
    })
  }

  it('treats a missing target as /', () => {
    expect(requestPath(undefined)).toBe('/')
  })
})
