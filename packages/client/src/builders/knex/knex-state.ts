/**
 * The parts of a Knex 3 query builder this adapter reads. Knex keeps them
 * in underscored fields, undocumented but stable across Knex 0.x–3.x; they
 * are read structurally, so the adapter needs no runtime import of Knex.
 *
 * @example
 * ```ts
 * const state = knex('public.asset as a').where('a.symbol', 'BTC') as unknown as KnexBuilderState
 * state._single.table // 'public.asset as a'
 * ```
 */
export interface KnexBuilderState {
  readonly _method: string
  readonly _single: {
    readonly table?: unknown
    readonly schema?: string
    readonly insert?: unknown
    readonly update?: unknown
    readonly onConflict?: unknown
    readonly merge?: unknown
    readonly ignore?: boolean
  }
  readonly _statements: readonly KnexStatement[]
  readonly client: { queryBuilder(): unknown }
}

/**
 * One entry of `_statements`: a join, a where clause, a CTE, a union, a column list….
 *
 * @example
 * ```ts
 * const join: KnexStatement = { grouping: 'join', table: 'public.account as account' }
 * ```
 */
export interface KnexStatement {
  readonly grouping: string
  readonly type?: unknown
  readonly table?: unknown
  readonly schema?: string
  readonly alias?: unknown
  readonly column?: unknown
  readonly value?: unknown
}

/**
 * A `knex.raw(sql, bindings)` object, with `?` or `:name` placeholders.
 *
 * @example
 * ```ts
 * const raw: KnexRawState = { sql: 'count(*)', bindings: [] }
 * ```
 */
export interface KnexRawState {
  readonly sql: string
  readonly bindings?: unknown
}

/**
 * Whether a value is a Knex query builder.
 *
 * @example
 * ```ts
 * isKnexBuilder(knex('asset')) // true
 * ```
 */
export function isKnexBuilder(value: unknown): value is KnexBuilderState {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Partial<KnexBuilderState>
  return Array.isArray(state._statements) && typeof state._single === 'object' && typeof state._method === 'string'
}

/**
 * Whether a value is a `knex.raw(…)` object.
 *
 * @example
 * ```ts
 * isKnexRaw(knex.raw('select 1')) // true
 * ```
 */
export function isKnexRaw(value: unknown): value is KnexRawState {
  if (typeof value !== 'object' || value === null || isKnexBuilder(value)) return false
  const raw = value as Partial<KnexRawState> & { toSQL?: unknown }
  return typeof raw.sql === 'string' && 'bindings' in raw && typeof raw.toSQL === 'function'
}
