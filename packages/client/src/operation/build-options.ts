/**
 * Where `buildOperationSync` looks for a data source when the scope names
 * none: the client's default, then the environment.
 *
 * @example
 * ```ts
 * const options: BuildOperationSyncOptions = { defaultDataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' }
 * ```
 */
export interface BuildOperationSyncOptions {
  /** The client's configured default data source. */
  readonly defaultDataSourceUid?: string
  /**
   * The environment to read `COMPILED_SQL_DATA_SOURCE_UID` from. Defaults to
   * `globalThis.process?.env` (so nothing is read in a browser); pass `{}` to
   * ignore the environment.
   */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/**
 * Options of `buildOperation`: those of the sync variant plus an async hook,
 * asked last, for example to fetch a project's default from the server.
 *
 * @example
 * ```ts
 * const options: BuildOperationOptions = {
 *   resolveDataSourceUid: async () => (await fetchProject()).defaultDataSourceUid,
 * }
 * ```
 */
export interface BuildOperationOptions extends BuildOperationSyncOptions {
  /** Returns the data source uid, or `undefined` when it has none either. */
  readonly resolveDataSourceUid?: () => Promise<string | undefined> | string | undefined
}
