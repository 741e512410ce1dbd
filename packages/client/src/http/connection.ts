import { ROUTES, type RouteFamily } from '@compiled-sql/protocol'
import type { ResolvedRetryPolicy } from './retry-policy.js'

/** The two paths a client posts to. */
export interface RouteTable {
  readonly executeOperation: string
  readonly runQuery: (metaTableUid: string) => string
}

/** A bearer token, or a function that returns the current one (asked before every attempt, so a refreshed token is picked up). */
export type TokenSource = string | (() => string | Promise<string>)

/** What one attempt is about to do, for logging and progress. */
export interface RetryEvent {
  /** 1 for the first retry. */
  readonly retry: number
  readonly delayMs: number
  /** The failure being retried. */
  readonly error: Error
}

/** Everything a request needs to reach the server: resolved once, when the client is constructed. */
export interface Connection {
  /** The server's root, without a trailing slash. */
  readonly endpoint: string
  readonly token: TokenSource
  readonly fetch: typeof globalThis.fetch
  readonly routes: RouteTable
  readonly retry: ResolvedRetryPolicy
  readonly headers: Readonly<Record<string, string>>
  readonly onRetry: ((event: RetryEvent) => void) | undefined
}

/** The route table for a family name, or a custom table as given. */
export function resolveRoutes(routes: RouteFamily | RouteTable | undefined): RouteTable {
  if (routes === undefined) return ROUTES.legacy
  if (typeof routes === 'string') {
    if (!(routes in ROUTES)) throw new RangeError(`routes must be "legacy", "v1" or a route table, got ${JSON.stringify(routes)}`)
    return ROUTES[routes]
  }
  return routes
}

/** The endpoint as a base URL: absolute http(s), no trailing slash, no query or fragment. */
export function normalizeEndpoint(endpoint: string): string {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new TypeError(`endpoint must be an absolute http(s) URL such as http://127.0.0.1:8787, got ${JSON.stringify(endpoint)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`endpoint must use http or https, got ${url.protocol}`)
  if (url.search !== '' || url.hash !== '') throw new TypeError('endpoint must not carry a query or a fragment')
  return url.href.replace(/\/+$/, '')
}
