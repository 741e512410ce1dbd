import { OperationBuildError } from '../errors/operation-build-error.js'
import type { BuildOperationOptions, BuildOperationSyncOptions } from './build-options.js'

/**
 * The environment variable holding the default data source uid.
 *
 * @example
 * ```ts
 * // COMPILED_SQL_DATA_SOURCE_UID=dddddddd-dddd-4ddd-8ddd-dddddddddddd node app.js
 * ```
 */
export const DATA_SOURCE_ENV_VAR = 'COMPILED_SQL_DATA_SOURCE_UID'

const PATH = '/scope/data_source_uid'

function processEnv(): Readonly<Record<string, string | undefined>> | undefined {
  // Read through globalThis so the core has no Node import and runs in browsers.
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
}

/**
 * Resolves the data source without the async hook: the explicit uid, then
 * `options.defaultDataSourceUid`, then {@link DATA_SOURCE_ENV_VAR} (an empty
 * variable counts as unset). An explicit uid is returned as given, even
 * empty, so that the validator reports it.
 *
 * @example
 * ```ts
 * resolveDataSourceUidSync(undefined, { env: { COMPILED_SQL_DATA_SOURCE_UID: 'd1' } }) // 'd1'
 * ```
 */
export function resolveDataSourceUidSync(explicit: string | undefined, options: BuildOperationSyncOptions = {}): string | undefined {
  if (explicit !== undefined) return explicit
  if (options.defaultDataSourceUid !== undefined) return options.defaultDataSourceUid
  const fromEnv = (options.env ?? processEnv())?.[DATA_SOURCE_ENV_VAR]
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv
}

/**
 * Resolves the data source in the documented order: explicit, the client
 * default, the environment, then `options.resolveDataSourceUid()`.
 *
 * @throws {OperationBuildError} `missing_field` at `/scope/data_source_uid`
 *   when nothing resolves, with the ways to configure one; `invalid_type` when
 *   the hook returns something other than a string.
 *
 * @example
 * ```ts
 * await resolveDataSourceUid(undefined, { env: {}, resolveDataSourceUid: async () => 'd1' }) // 'd1'
 * ```
 */
export async function resolveDataSourceUid(explicit: string | undefined, options: BuildOperationOptions = {}): Promise<string> {
  const known = resolveDataSourceUidSync(explicit, options)
  if (known !== undefined) return known
  if (options.resolveDataSourceUid !== undefined) {
    const resolved: unknown = await options.resolveDataSourceUid()
    if (typeof resolved === 'string' && resolved !== '') return resolved
    if (resolved !== undefined) {
      throw new OperationBuildError('invalid_type', PATH, `resolveDataSourceUid returned ${JSON.stringify(resolved)}; it must return a non-empty uid string or undefined`)
    }
  }
  throw noDataSource(options.resolveDataSourceUid !== undefined)
}

/**
 * The error for a scope without any resolvable data source.
 *
 * @example
 * ```ts
 * throw noDataSource(false)
 * ```
 */
export function noDataSource(triedHook: boolean): OperationBuildError {
  const hook = triedHook ? 'the resolveDataSourceUid hook returned undefined' : 'no resolveDataSourceUid hook is set (buildOperation only)'
  return new OperationBuildError(
    'missing_field',
    PATH,
    `no data source: set scope.dataSourceUid, pass defaultDataSourceUid in the options, set the ${DATA_SOURCE_ENV_VAR} environment variable, or give a resolveDataSourceUid hook; ${hook}`,
  )
}
