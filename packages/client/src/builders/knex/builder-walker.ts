import { excerpt, rawTextMayNameTables } from '../../scope/raw-text.js'
import type { TableReference } from '../../scope/statement-shape.js'
import { isKnexBuilder, isKnexRaw, type KnexBuilderState, type KnexRawState } from './knex-state.js'
import { parseKnexTable } from './knex-table-spec.js'

/**
 * Collects the tables a Knex query builder references: its main table, its
 * joins, and those of every nested builder (subqueries in FROM, WHERE IN,
 * EXISTS, unions, CTE bodies, insert … select). Callback clauses
 * (`where(function () { … })`) are replayed on a fresh builder, as Knex
 * itself does when it compiles them. CTE names are not references. Raw SQL
 * (`knex.raw`) is read through the placeholder lexer; in a FROM or JOIN
 * position it always hides a table. Join conditions (`on …`) are not read.
 *
 * @example
 * ```ts
 * const walker = new KnexTableWalker()
 * walker.visitBuilder(knex('asset').join('account', 'asset.account_uid', 'account.uid'), [], true)
 * walker.tables // [{ table: { name: 'asset' }, access: 'write' }, { table: { name: 'account' }, access: 'read' }]
 * ```
 */
export class KnexTableWalker {
  readonly tables: TableReference[] = []
  rawText: string | undefined

  /** Visits a builder; `writes` marks its main table as the mutated one. */
  visitBuilder(builder: KnexBuilderState, outer: readonly string[], writes = false): void {
    const ctes = [...outer, ...builder._statements.filter((s) => s.grouping === 'with').map((s) => String(s.alias))]
    const schema = builder._single.schema
    this.#table(builder._single.table, schema, ctes, builder, writes)
    for (const statement of builder._statements) {
      if (statement.grouping === 'join') this.#table(statement.table, statement.schema ?? schema, ctes, builder, false)
      else {
        this.#value(statement.column, ctes, builder)
        this.#value(statement.value, ctes, builder)
      }
    }
    this.#value(builder._single.insert, ctes, builder)
    this.#value(builder._single.update, ctes, builder)
  }

  #table(spec: unknown, schema: string | undefined, ctes: readonly string[], owner: KnexBuilderState, writes: boolean): void {
    if (typeof spec === 'string') {
      const { table, alias } = parseKnexTable(spec, schema)
      if (table.schema === undefined && ctes.includes(table.name)) return
      this.tables.push({ table, ...(alias !== undefined && { alias }), access: writes ? 'write' : 'read' })
    } else if (isKnexRaw(spec)) {
      // A raw FROM item names a relation the builder cannot see, whatever its text.
      this.rawText ??= excerpt(spec.sql)
    } else if (isKnexBuilder(spec) || typeof spec === 'function') {
      this.#value(spec, ctes, owner)
    } else if (isPlainObject(spec)) {
      // knex({ a: 'asset' }): alias → table.
      for (const [alias, name] of Object.entries(spec)) if (typeof name === 'string') this.#table(`${name} as ${alias}`, schema, ctes, owner, writes)
      for (const value of Object.values(spec)) if (typeof value !== 'string') this.#value(value, ctes, owner)
    }
  }

  #value(value: unknown, ctes: readonly string[], owner: KnexBuilderState): void {
    if (isKnexBuilder(value)) this.visitBuilder(value, ctes)
    else if (isKnexRaw(value)) this.#raw(value, ctes, owner)
    else if (typeof value === 'function') this.#callback(value, ctes, owner)
    else if (Array.isArray(value)) for (const item of value) this.#value(item, ctes, owner)
    else if (isPlainObject(value)) for (const item of Object.values(value)) this.#value(item, ctes, owner)
  }

  #raw(raw: KnexRawState, ctes: readonly string[], owner: KnexBuilderState): void {
    if (this.rawText === undefined && rawTextMayNameTables(raw.sql)) this.rawText = excerpt(raw.sql)
    this.#value(raw.bindings, ctes, owner)
  }

  /** Replays a callback clause on a fresh builder, as Knex's compiler does. */
  #callback(callback: unknown, ctes: readonly string[], owner: KnexBuilderState): void {
    const builder = owner.client.queryBuilder()
    try {
      ;(callback as (this: unknown, builder: unknown) => unknown).call(builder, builder)
    } catch {
      this.rawText ??= 'a callback clause that does not build a query'
      return
    }
    if (isKnexBuilder(builder)) this.visitBuilder(builder, ctes)
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
