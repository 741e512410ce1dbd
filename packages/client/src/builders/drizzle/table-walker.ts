import { is, Table, type SQL, type StringChunk, type Subquery, type View } from 'drizzle-orm'
import { excerpt, rawTextMayNameTables } from '../../scope/raw-text.js'
import type { TableReference } from '../../scope/statement-shape.js'
import { parseTableName } from '../../scope/table-name.js'
import { drizzleTableAlias, drizzleTableName } from './drizzle-table-name.js'
import { entityCategory } from './entity-category.js'

/** A Drizzle query builder as this walker reads it: its `config` (table, joins, where, fields, withList…). */
interface Builder {
  readonly config: Readonly<Record<string, unknown>>
}

/** Config entries walked apart from the rest: FROM items, and the CTEs. */
const FROM_KEYS = new Set(['table', 'joins', 'from', 'withList'])
/** Config entries whose SQL text the dialect wrote (`do update set`), not the caller. */
const DIALECT_TEXT_KEYS = new Set(['onConflict'])

const isBuilder = (value: object): value is Builder =>
  'config' in value && typeof value.config === 'object' && value.config !== null && 'getSQL' in value && typeof value.getSQL === 'function'

/**
 * Collects the tables a Drizzle (pg-core) query builder references, from
 * its `config` rather than its SQL (Drizzle writes joined and aliased tables
 * as bare identifiers there): the FROM table, the joins, UPDATE … FROM,
 * every `Table` object in where, fields, set values and `sql` templates,
 * and nested builders (`inArray(col, db.select()…)`, `exists(…)`, unions,
 * insert … select) through their own config. A subquery made with `.as()`
 * or `$with` keeps only its SQL and the FROM and JOIN tables Drizzle records
 * in `_.usedTables`; both are read. A CTE where it is read is no reference.
 *
 * SQL text the caller wrote (`sql` templates in where, fields, set values…)
 * is read through the placeholder lexer: if it may name a table
 * ({@link rawTextMayNameTables}), its excerpt is kept in `rawText`; a `sql`
 * template in a FROM or JOIN position always hides a table.
 *
 * @example
 * ```ts
 * const walker = new DrizzleTableWalker()
 * walker.visitBuilder(db.select().from(asset).innerJoin(account, eq(asset.accountUid, account.uid)))
 * walker.tables // [{ table: { name: 'asset' }, access: 'read' }, { table: { name: 'account' }, access: 'read' }]
 * ```
 */
export class DrizzleTableWalker {
  readonly tables: TableReference[] = []
  rawText: string | undefined
  readonly #seen = new Set<object>()

  /** Visits a query builder's config. */
  visitBuilder(builder: object): void {
    if (!isBuilder(builder) || this.#seen.has(builder)) return
    this.#seen.add(builder)
    const { config } = builder
    for (const cte of asArray(config['withList'])) if (typeof cte === 'object' && cte !== null && entityCategory(cte) === 'cte') this.#subquery(cte as Subquery)
    this.#from(config['table'])
    for (const join of asArray(config['joins'])) {
      if (typeof join === 'object' && join !== null) {
        this.#from((join as { table?: unknown }).table)
        this.#chunk((join as { on?: unknown }).on, true)
      }
    }
    this.#from(config['from'])
    for (const [key, value] of Object.entries(config)) if (!FROM_KEYS.has(key)) this.#chunk(value, !DIALECT_TEXT_KEYS.has(key))
  }

  #from(item: unknown): void {
    if (typeof item !== 'object' || item === null) return
    switch (entityCategory(item)) {
      case 'table':
        return this.#reference(item as Table | View)
      case 'subquery':
        return this.#subquery(item as Subquery)
      case 'sql':
        // A sql`…` FROM item names a relation Drizzle cannot see, whatever its text.
        this.rawText ??= excerpt(textOf(item as SQL))
        return this.#chunk(item, false)
      default:
        // A CTE where it is read (its body is in withList), or nothing.
        return
    }
  }

  #subquery(subquery: Subquery): void {
    if (this.#seen.has(subquery)) return
    this.#seen.add(subquery)
    const { usedTables, sql } = subquery._ as { usedTables?: unknown; sql: SQL }
    for (const name of asArray(usedTables)) if (typeof name === 'string') this.tables.push({ table: parseTableName(name), access: 'read' })
    this.#chunk(sql, false)
  }

  /** Walks a config value or SQL chunk; `callerText` when its SQL text was written by the caller, not the dialect. */
  #chunk(value: unknown, callerText: boolean): void {
    if (typeof value !== 'object' || value === null) return
    if (Array.isArray(value)) {
      for (const item of value) this.#chunk(item, callerText)
      return
    }
    if (isPlainObject(value)) {
      for (const item of Object.values(value)) this.#chunk(item, callerText)
      return
    }
    switch (entityCategory(value)) {
      case 'table':
        return this.#reference(value as Table | View)
      case 'sql':
        return this.#sql(value as SQL, callerText)
      case 'aliased':
        return this.#sql((value as SQL.Aliased).sql, callerText)
      case 'subquery':
        return this.#subquery(value as Subquery)
      case 'other':
        if (isBuilder(value)) this.visitBuilder(value)
        return
      default:
        // Columns, parameters, SQL text, and CTEs where they are read.
        return
    }
  }

  #sql(value: SQL, callerText: boolean): void {
    if (this.#seen.has(value)) return
    this.#seen.add(value)
    if (callerText && this.rawText === undefined) {
      const text = textOf(value)
      if (rawTextMayNameTables(text)) this.rawText = excerpt(text)
    }
    for (const chunk of value.queryChunks) this.#chunk(chunk, callerText)
  }

  #reference(table: Table | View): void {
    const alias = is(table, Table) ? drizzleTableAlias(table) : undefined
    this.tables.push({ table: drizzleTableName(table), ...(alias !== undefined && { alias }), access: 'read' })
  }
}

/** The SQL text of a template's own strings, a neutral ` 0 ` standing for each interpolation. */
function textOf(value: SQL): string {
  let text = ''
  for (const chunk of value.queryChunks) text += typeof chunk === 'object' && chunk !== null && entityCategory(chunk) === 'text' ? (chunk as StringChunk).value.join('') : ' 0 '
  return text
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
