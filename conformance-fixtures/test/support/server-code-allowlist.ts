import type { ErrorCode } from '@compiled-sql/protocol'

/** An error code no server case reaches, why, and which suite covers it instead. */
export interface CodeAllowlistEntry {
  readonly code: ErrorCode
  readonly reason: string
  readonly coveredBy: string
}

/**
 * Codes a correct server cannot be made to answer by requests alone against a
 * healthy world. The coverage test fails on an entry whose code some case
 * reaches, so the list cannot go stale.
 */
export const SERVER_CODE_ALLOWLIST: readonly CodeAllowlistEntry[] = [
  {
    code: 'internal_error',
    reason: 'only a server that fails in a way the caller cannot fix answers it; no request makes a correct server fail',
    coveredBy: 'the client suite, whose recording server scripts a 500 to check the error mapping and the retry policy',
  },
  {
    code: 'service_unavailable',
    reason: 'needs an unreachable data source or a server shutting down, which a request cannot cause (server-stub tests stop PostgreSQL under the server instead)',
    coveredBy: 'the client suite, which scripts 503 with Retry-After; packages/server-stub/test/exec/postgres-outage.test.ts for the stub itself',
  },
  {
    code: 'serialization_failure',
    reason: 'needs two transactions that conflict at the same moment (a deadlock or SERIALIZABLE failure); server cases run one request at a time, and no single statement deadlocks itself',
    coveredBy: 'the client suite (errors.409-serialization-failure: a retryable 409 the client maps and does not retry by itself); packages/server-stub/test/exec/map-database-error.test.ts maps SQLSTATE 40001 and 40P01 to it',
  },
  {
    code: 'unsupported_syntax',
    reason: "depends on which parse-tree nodes a server's fail-closed checker knows: no SQL construct is unknown to every conforming checker, so no portable case can expect it",
    coveredBy: "the client suite (errors.422-unsupported-syntax); each server's own tests (packages/server-stub/test/sql/tree-walker.test.ts)",
  },
]
