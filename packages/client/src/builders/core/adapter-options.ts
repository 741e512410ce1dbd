import type { OperationKind } from '@compiled-sql/protocol'
import type { BuildOperationOptions, BuildOperationSyncOptions } from '../../operation/build-options.js'
import type { LimitsInput, ScopeInput } from '../../operation/operation-input.js'
import type { ParameterNamer } from '../../placeholders/parameter-name.js'
import type { MetaTableRegistry } from '../../scope/meta-table-registry.js'

/**
 * Options shared by every query builder adapter (`fromKyselySync`,
 * `fromDrizzleSync`, `fromKnexSync`, `fromSqlSync`). Everything but the query
 * itself: the expected kind, where the scope comes from, the data source, the
 * limits and parameter types.
 *
 * @example
 * ```ts
 * const options: AdapterSyncOptions = {
 *   registry, // infers scope.tables from the query's tables
 *   dataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
 *   limits: { maxRows: 500 },
 * }
 * ```
 */
export interface AdapterSyncOptions extends BuildOperationSyncOptions {
  /** The kind you expect. Checked against the query's own kind when the builder shows it; required for raw SQL. */
  readonly operation?: OperationKind
  /**
   * The scope, declared. With a `registry` too, every table the query
   * references must be in it (joined ones included), the mutated one with
   * `access: "write"`. Without it, the registry infers `scope.tables`.
   */
  readonly scope?: ScopeInput
  /** Binds tables to MetaTable uids, to infer or check `scope.tables`. */
  readonly registry?: MetaTableRegistry
  /** The data source, when `scope` does not name one (else the defaults apply, see `buildOperation`). */
  readonly dataSourceUid?: string
  /** `dataSourceUid`, snake_case. Give one spelling. */
  readonly data_source_uid?: string
  readonly limits?: LimitsInput
  /** Type tokens by parameter name (`p1`, `p2`, … unless `names` says otherwise), e.g. `{ p2: 'date' }`. */
  readonly parameterTypes?: Readonly<Record<string, string>>
  /** The pyformat name of `$n`: a function or a list (`names[0]` for `$1`). Defaults to `p1`, `p2`, …. */
  readonly names?: ParameterNamer | readonly string[]
}

/**
 * {@link AdapterSyncOptions} plus the async data source hook of
 * `buildOperation`, for `fromKysely`, `fromDrizzle`, `fromKnex`, `fromSql`.
 *
 * @example
 * ```ts
 * const options: AdapterOptions = { registry, resolveDataSourceUid: async () => project.defaultDataSourceUid }
 * ```
 */
export interface AdapterOptions extends AdapterSyncOptions, BuildOperationOptions {}
