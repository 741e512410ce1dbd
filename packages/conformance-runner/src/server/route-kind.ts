import { ROUTES } from '@compiled-sql/protocol'

/** Which protocol endpoint a request path names, which fixes the document a 2xx answer carries. */
export type RouteKind = 'execute' | 'run_query' | 'other'

const EXECUTE_PATHS: ReadonlySet<string> = new Set([ROUTES.legacy.executeOperation, ROUTES.v1.executeOperation])

// The run_query routes with the uid as one path segment, built from ROUTES so that a route change reaches the runner.
const RUN_QUERY_PATTERNS: readonly RegExp[] = [ROUTES.legacy.runQuery('UID'), ROUTES.v1.runQuery('UID')].map((route) => {
  const [before = '', after = ''] = route.split('UID')
  return new RegExp(`^${escapeRegExp(before)}[^/]+${escapeRegExp(after)}$`)
})

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}

/**
 * The endpoint a request path names (the query string ignored): an
 * execute-operation route (a 2xx body is an `operation-result`), a run_query
 * route (`run-query-response`), or anything else.
 */
export function routeKind(path: string): RouteKind {
  const bare = path.split('?')[0] ?? path
  if (EXECUTE_PATHS.has(bare)) return 'execute'
  return RUN_QUERY_PATTERNS.some((pattern) => pattern.test(bare)) ? 'run_query' : 'other'
}
