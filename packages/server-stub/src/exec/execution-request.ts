/**
 * One parameter value as PostgreSQL receives it: text in the type's input
 * form, and the type OID sent in the Parse message.
 */
export interface BoundParameter {
  /** PostgreSQL text input form (`'2024-01-01'`, `'{"a","b"}'`, `'\x0102'`); `null` is SQL NULL. */
  readonly value: string | null
  /** The parameter's type OID; `0` lets PostgreSQL infer it from the statement. */
  readonly typeOid: number
}

/** Which rows of a read to return: `limit` rows after skipping `offset`. */
export interface PageRequest {
  readonly offset: number
  readonly limit: number
}

/**
 * A statement to run in a transaction of its own.
 *
 * @example
 * ```ts
 * await executor.execute({
 *   text: 'select id, qty from public.trade where side = $1 order by id',
 *   parameters: [{ value: 'buy', typeOid: 0 }],
 *   mode: 'read',
 *   searchPath: ['public'],
 *   statementTimeoutMs: 15_000,
 *   page: { offset: 0, limit: 100 },
 * })
 * ```
 */
export interface ExecutionRequest {
  /** One SQL statement with `$1`..`$n` placeholders. It is sent as is; values are never pasted in. */
  readonly text: string
  /** The values of `$1`..`$n`, in order. */
  readonly parameters: readonly BoundParameter[]
  /** `read`: `BEGIN READ ONLY` … `ROLLBACK`. `write`: `BEGIN READ WRITE` … `COMMIT`. */
  readonly mode: 'read' | 'write'
  /** The schemas unqualified names resolve in (`SET LOCAL search_path`), each quoted as an identifier. */
  readonly searchPath: readonly string[]
  /** `SET LOCAL statement_timeout` and `lock_timeout`; PGlite enforces it by restarting its worker. */
  readonly statementTimeoutMs: number
  /**
   * Reads only: return `limit` rows after `offset`, reading `limit + 1` to tell whether more follow; the
   * SQL is never rewritten. Offset 0 executes the statement with the protocol's row limit (any
   * row-returning statement, `EXPLAIN` included); a later offset declares it as a cursor, `MOVE`s and
   * `FETCH`es, so the statement must be one a cursor accepts (`SELECT`, `VALUES`, `WITH … SELECT`).
   */
  readonly page?: PageRequest
  /** Keep at most this many rows (`RETURNING` rows of a write, rows of an unpaged read); `truncated` says so. */
  readonly maxReturnedRows?: number
  /**
   * Writes only: runs after the statement, before `COMMIT`, in the same transaction, with the encoded
   * result (for example to store an idempotency record). If it throws, the write rolls back and
   * `execute` rejects with its error (database errors raised through `tx` become {@link ExecutionError}s).
   */
  readonly beforeCommit?: (tx: TransactionHandle, result: ExecutionResult) => Promise<void>
}

/** A column of a result. */
export interface ResultColumn {
  /** The key of this column in each row: PostgreSQL's name, with a suffix (`count_2`) when it repeats. */
  readonly name: string
  /** The type as `format_type(oid, NULL)` spells it (`bigint`, `timestamp with time zone`, `text[]`). */
  readonly type: string
  /** PostgreSQL's own name, present only when `name` had to be suffixed. */
  readonly source_name?: string
}

/**
 * What a statement produced, encoded for the protocol (§7 of compiled-sql.v1): `bigint`, `numeric`
 * and `money` as strings, `timestamptz` as RFC 3339 with `Z`, `bytea` as base64, `json`/`jsonb` as
 * JSON values (integers beyond 2^53 and numbers whose text a double would change as
 * `LosslessNumber`s of `lossless-json`, which its `stringify` writes digit for digit), arrays as arrays.
 */
export interface ExecutionResult {
  readonly columns: readonly ResultColumn[]
  readonly rows: readonly Record<string, unknown>[]
  /** Reads: the rows returned. Writes: the rows the statement affected (PostgreSQL's command tag). */
  readonly rowCount: number
  /** Paged reads: whether rows follow this page. */
  readonly hasMore: boolean
  /** Whether `maxReturnedRows` cut rows off. */
  readonly truncated: boolean
}

/** Raw text rows of a query run through a {@link TransactionHandle}. */
export interface TransactionQueryResult {
  /** Each row as PostgreSQL's text output per column (`null` for NULL). */
  readonly rows: readonly (readonly (string | null)[])[]
  /** The command tag's row count (`INSERT 0 1` → 1), or the number of rows. */
  readonly rowCount: number
}

/** The open transaction of a write, as `beforeCommit` sees it. */
export interface TransactionHandle {
  /** Runs one statement in the transaction, over the extended protocol, with untyped text parameters. */
  query(text: string, values?: readonly (string | null)[]): Promise<TransactionQueryResult>
}

/** Runs statements on one data source; PostgreSQL and PGlite behave the same through it. */
export interface DataSourceExecutor {
  /**
   * Runs one statement in its own transaction.
   *
   * @throws {ExecutionError} for every failure of the database or the connection.
   */
  execute(request: ExecutionRequest): Promise<ExecutionResult>
  /** Releases connections (and the PGlite worker). Later `execute` calls reject with `service_unavailable`. */
  close(): Promise<void>
}
