import { Column, is, Param, Placeholder, SQL, StringChunk, Subquery, Table, View, WithSubquery } from 'drizzle-orm'

/**
 * What a value in a Drizzle query is, for the table walker: a relation, SQL
 * to descend into, a subquery, a CTE reference, SQL text, a leaf (column,
 * parameter), or something else (a builder, a plain object).
 *
 * @example
 * ```ts
 * const category: EntityCategory = entityCategory(asset) // 'table'
 * ```
 */
export type EntityCategory = 'table' | 'sql' | 'aliased' | 'cte' | 'subquery' | 'text' | 'leaf' | 'other'

const byClass = new Map<unknown, EntityCategory>()

function categorize(value: object): EntityCategory {
  if (is(value, Table) || is(value, View)) return 'table'
  if (is(value, SQL)) return 'sql'
  if (is(value, SQL.Aliased)) return 'aliased'
  if (is(value, WithSubquery)) return 'cte'
  if (is(value, Subquery)) return 'subquery'
  if (is(value, StringChunk)) return 'text'
  if (is(value, Column) || is(value, Param) || is(value, Placeholder)) return 'leaf'
  return 'other'
}

/**
 * The category of a value, decided once per class with Drizzle's `is()` (which
 * also recognizes entities of another copy of drizzle-orm) and then cached:
 * `is()` walks the prototype chain on every miss, which made the walk cost
 * as much as Drizzle's own `toSQL()`.
 *
 * @example
 * ```ts
 * entityCategory(eq(asset.uid, uid)) // 'sql'
 * ```
 */
export function entityCategory(value: object): EntityCategory {
  const constructor: unknown = Object.getPrototypeOf(value)?.constructor
  let category = byClass.get(constructor)
  if (category === undefined) {
    category = categorize(value)
    // Plain objects and arrays share Object/Array: never cache them as a Drizzle category.
    if (constructor !== Object && constructor !== Array && constructor !== undefined) byClass.set(constructor, category)
  }
  return category
}
