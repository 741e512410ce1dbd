/**
 * The HTTP routes of a compiled-sql.v1 server. Both families are served by
 * TS Manager: `legacy` is the one in the protocol description and the upstream
 * SDK up to 6.0.4 (and 4.4.34, the last release for Python 3.11); `v1` is the
 * upstream SDK's route since 6.0.5.
 */
export const ROUTES = {
  legacy: {
    executeOperation: '/orm/api/ts_manager/meta_table/execute-operation/',
    runQuery: (metaTableUid: string) => `/orm/api/ts_manager/meta_table/${encodeURIComponent(metaTableUid)}/run_query/`,
  },
  v1: {
    executeOperation: '/api/v1/meta-tables/execute-operation/',
    runQuery: (metaTableUid: string) => `/api/v1/meta-tables/${encodeURIComponent(metaTableUid)}/run-query/`,
  },
} as const

/** The name of a route family in {@link ROUTES}. */
export type RouteFamily = keyof typeof ROUTES

/** The request header that makes a retried write safe. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

/** The response header that carries the server's request id. */
export const REQUEST_ID_HEADER = 'X-Request-Id'
