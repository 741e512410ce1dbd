import { formatTableName, parseTableName, type TableName } from './table-name.js'

/**
 * A table as the registry takes it: `"schema.table"`, `"table"`, or a
 * {@link TableName} (what `drizzleTableName(table)` returns for a Drizzle table).
 *
 * @example
 * ```ts
 * const keys: TableKey[] = ['public.asset', 'asset', { schema: 'market', name: 'venue' }]
 * ```
 */
export type TableKey = string | TableName

/**
 * Options of {@link MetaTableRegistry}.
 *
 * @example
 * ```ts
 * new MetaTableRegistry({ venue: VENUE_UID }, { defaultSchema: 'market' }).uidOf('market.venue') // VENUE_UID
 * ```
 */
export interface MetaTableRegistryOptions {
  /**
   * The schema of unqualified names, on both sides: `bind('asset', …)` and a
   * query's unqualified `"asset"` both mean `public.asset` by default, as the
   * compiled-sql server resolves them through its pinned `search_path`.
   */
  readonly defaultSchema?: string
}

/**
 * Binds tables to the MetaTable uids that declare them, so that the query
 * builder adapters can turn the tables a query references into
 * `scope.tables`. One table has one uid; binding it again to another uid is
 * an error, since a scope could then silently name the wrong MetaTable.
 *
 * @example
 * ```ts
 * const registry = new MetaTableRegistry({
 *   'public.asset': 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
 *   'public.account': 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
 * })
 * registry.bind('market.venue', 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee')
 * registry.uidOf('asset') // 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
 * ```
 */
export class MetaTableRegistry {
  /** The schema of unqualified names (`public` unless configured). */
  readonly defaultSchema: string
  readonly #uids = new Map<string, string>()
  #version = 0

  constructor(bindings: Readonly<Record<string, string>> | Iterable<readonly [TableKey, string]> = {}, options: MetaTableRegistryOptions = {}) {
    this.defaultSchema = options.defaultSchema ?? 'public'
    const entries = Symbol.iterator in bindings ? bindings : Object.entries(bindings)
    for (const [table, uid] of entries as Iterable<readonly [TableKey, string]>) this.bind(table, uid)
  }

  /**
   * Binds a table to its MetaTable uid.
   *
   * @throws {TypeError} for an empty uid, a malformed name, or a table
   *   already bound to another uid.
   *
   * @example
   * ```ts
   * registry.bind('public.trade', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc').bind('market.venue', venueUid)
   * ```
   */
  bind(table: TableKey, metaTableUid: string): this {
    if (typeof metaTableUid !== 'string' || metaTableUid === '') {
      throw new TypeError(`the MetaTable uid for ${this.describe(table)} must be a non-empty string`)
    }
    const key = this.#key(table)
    const bound = this.#uids.get(key)
    if (bound !== undefined && bound !== metaTableUid) {
      throw new TypeError(`${this.describe(table)} is already bound to MetaTable ${bound}; a table has one MetaTable`)
    }
    if (bound === undefined) {
      this.#uids.set(key, metaTableUid)
      this.#version += 1
    }
    return this
  }

  /** Grows with every new binding, so a scope inferred through this registry can be cached until it changes. */
  get version(): number {
    return this.#version
  }

  /**
   * The uid bound to a table, or `undefined`.
   *
   * @example
   * ```ts
   * registry.uidOf({ name: 'asset' }) // the uid bound to public.asset
   * ```
   */
  uidOf(table: TableKey): string | undefined {
    return this.#uids.get(this.#key(table))
  }

  /**
   * The table's schema-qualified name, `public.asset` for `asset`, for messages.
   *
   * @example
   * ```ts
   * registry.describe('asset') // 'public.asset'
   * ```
   */
  describe(table: TableKey): string {
    const name = typeof table === 'string' ? parseTableName(table) : table
    return formatTableName({ schema: name.schema ?? this.defaultSchema, name: name.name })
  }

  /**
   * How many tables are bound.
   *
   * @example
   * ```ts
   * new MetaTableRegistry({ asset: ASSET_UID }).size // 1
   * ```
   */
  get size(): number {
    return this.#uids.size
  }

  #key(table: TableKey): string {
    const name = typeof table === 'string' ? parseTableName(table) : table
    return `${name.schema ?? this.defaultSchema}\u0000${name.name}`
  }
}
