/**
 * A piece of SQL with bound values, made by the {@link sql} tag: `strings`
 * are the literal text around the values, as in a template literal. A value
 * that is itself a `SqlFragment` is spliced in as SQL; any other value is
 * bound as a parameter, never written into the text.
 *
 * @example
 * ```ts
 * const where = sql`symbol = ${'BTC'}`
 * const query = sql`SELECT uid FROM public.asset WHERE ${where}`
 * query.strings // ['SELECT uid FROM public.asset WHERE ', '']
 * ```
 */
export class SqlFragment {
  readonly strings: readonly string[]
  readonly values: readonly unknown[]

  constructor(strings: readonly string[], values: readonly unknown[]) {
    if (strings.length !== values.length + 1) throw new TypeError('a SqlFragment has one more string than values')
    this.strings = strings
    this.values = values
  }
}

/**
 * Whether a value is a {@link SqlFragment}.
 *
 * @example
 * ```ts
 * isSqlFragment(sql`SELECT 1`) // true
 * ```
 */
export function isSqlFragment(value: unknown): value is SqlFragment {
  return value instanceof SqlFragment
}

/**
 * The type of the {@link sql} tag: a template tag with `join` and `identifier` helpers.
 *
 * @example
 * ```ts
 * const tag: SqlTag = sql
 * tag`SELECT ${1}`
 * ```
 */
export interface SqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): SqlFragment
  /**
   * Joins fragments or values with a separator (`, ` by default); plain
   * values are bound, so `sql.join(ids)` gives `$1, $2, $3`.
   *
   * @example
   * ```ts
   * sql`SELECT * FROM public.asset WHERE symbol IN (${sql.join(['BTC', 'ETH'])})`
   * ```
   */
  join(items: readonly unknown[], separator?: SqlFragment): SqlFragment
  /**
   * A quoted identifier, `"schema"."table"`: for names chosen at run time.
   * Quotes inside a part are doubled, so a name can never end the identifier.
   *
   * @example
   * ```ts
   * sql`SELECT * FROM ${sql.identifier('market', 'venue')}` // SELECT * FROM "market"."venue"
   * ```
   */
  identifier(...parts: readonly string[]): SqlFragment
}

function tag(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment([...strings], values)
}

function join(items: readonly unknown[], separator: SqlFragment = new SqlFragment([', '], [])): SqlFragment {
  const strings: string[] = ['']
  const values: unknown[] = []
  items.forEach((item, i) => {
    if (i > 0) {
      values.push(separator)
      strings.push('')
    }
    values.push(item)
    strings.push('')
  })
  return new SqlFragment(strings, values)
}

function identifier(...parts: readonly string[]): SqlFragment {
  if (parts.length === 0 || parts.some((part) => typeof part !== 'string' || part === '')) {
    throw new TypeError('sql.identifier takes one or more non-empty names')
  }
  return new SqlFragment([parts.map((part) => `"${part.replaceAll('"', '""')}"`).join('.')], [])
}

/**
 * A tagged template for hand-written PostgreSQL: `${value}` binds a value
 * (it becomes `%(p1)s`, `%(p2)s`, … in the envelope), `${fragment}` splices
 * another `sql` fragment. Arrays are bound as one value (`= any(${ids})`);
 * use `sql.join` for a list. There is no raw-text escape hatch: dynamic
 * names go through `sql.identifier`.
 *
 * @example
 * ```ts
 * import { fromSql, sql } from '@compiled-sql/client/sql'
 * const query = sql`SELECT uid FROM public.asset WHERE symbol ILIKE ${'%BTC%'} AND listed_on >= ${since}`
 * const operation = await fromSql(query, { operation: 'select', scope: { tables: [{ metaTableUid: ASSET_UID }] } })
 * ```
 */
export const sql: SqlTag = Object.assign(tag, { join, identifier })
