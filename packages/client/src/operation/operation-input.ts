import type { OperationKind } from '@compiled-sql/protocol'
import type { ParameterInput } from '../parameters/encode-parameters.js'

/**
 * One table of the scope. `metaTableUid`/`meta_table_uid` and
 * `reservedPolicy`/`reserved_policy` are accepted in either spelling, not both.
 *
 * @example
 * ```ts
 * const table: ScopeTableInput = { metaTableUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', alias: 'a' }
 * ```
 */
export interface ScopeTableInput {
  readonly metaTableUid?: string
  readonly meta_table_uid?: string
  readonly alias?: string
  /** Defaults to `read`, which is serialized explicitly. */
  readonly access?: 'read' | 'write'
  readonly reservedPolicy?: 'reject' | 'reconcile'
  readonly reserved_policy?: 'reject' | 'reconcile'
}

/**
 * The scope: the tables the statement touches and, optionally, the data
 * source (else the default is resolved, see `BuildOperationOptions`).
 *
 * @example
 * ```ts
 * const scope: ScopeInput = { tables: [{ metaTableUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }] }
 * ```
 */
export interface ScopeInput {
  readonly dataSourceUid?: string
  readonly data_source_uid?: string
  readonly tables: readonly ScopeTableInput[]
}

/**
 * Limits in either spelling; each absent one takes `DEFAULT_LIMITS`
 * (1000 rows, offset 0, 15000 ms).
 *
 * @example
 * ```ts
 * const limits: LimitsInput = { maxRows: 500 }
 * ```
 */
export interface LimitsInput {
  readonly maxRows?: number
  readonly max_rows?: number
  readonly offset?: number
  readonly statementTimeoutMs?: number
  readonly statement_timeout_ms?: number
}

/**
 * What `buildOperation` takes: pyformat SQL (`%(name)s` or `%s`), its values
 * as JS values, optional explicit type tokens, the scope and the limits.
 * `version`, `dialect` and `paramstyle` may be given but have one legal value
 * each in v1, which is filled in when they are absent.
 *
 * @example
 * ```ts
 * const input: OperationInput = {
 *   operation: 'select',
 *   sql: 'SELECT a.uid FROM public.asset AS a WHERE a.as_of >= %(as_of)s',
 *   parameters: { as_of: new Date('2026-05-28T00:00:00Z') },
 *   parameterTypes: { as_of: 'date' },
 *   scope: { tables: [{ metaTableUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', alias: 'a' }] },
 * }
 * ```
 */
export interface OperationInput {
  readonly operation: OperationKind
  readonly sql: string
  readonly parameters?: ParameterInput
  /** Type tokens by parameter name (or decimal index for positional values); normalized, and they override inferred types. */
  readonly parameterTypes?: Readonly<Record<string, string>>
  readonly scope: ScopeInput
  readonly limits?: LimitsInput
  readonly version?: string
  readonly dialect?: string
  readonly paramstyle?: string
}
