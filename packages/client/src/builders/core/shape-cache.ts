import { TEXT_CACHE_CAPACITY, TextCache } from '../../cache/text-cache.js'
import type { StatementShape } from '../../scope/statement-shape.js'

/**
 * Caches a builder's statement shapes by the SQL text it compiled to. The
 * text names every table and the statement kind, so two queries with the same
 * text have the same shape, whatever values they bind; walking the builder's
 * tree once per query shape is enough. One cache per builder (and per kind of
 * input), since a raw `knex.raw(text)` and a builder with the same text have
 * different shapes.
 *
 * @example
 * ```ts
 * const KYSELY_SHAPES = new ShapeCache()
 * const shape = KYSELY_SHAPES.shapeOf(compiled.sql, () => kyselyShape(compiled.query))
 * ```
 */
export class ShapeCache {
  readonly #shapes = new TextCache<StatementShape>(TEXT_CACHE_CAPACITY)

  /** The cached shape of `sql`, or the one `compute` reads (then cached, frozen). */
  shapeOf(sql: string, compute: () => StatementShape): StatementShape {
    return this.#shapes.get(sql) ?? this.#shapes.set(sql, deepFreeze(compute()))
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
