/**
 * A small bounded map from SQL text to what was derived from it.
 * Query builders emit the same text for every call of a query shape (values
 * are bound, not inlined), so the work that depends only on the text (the
 * placeholder rewrite, the statement's kind and tables) is done once per
 * shape. Values must be immutable: every hit shares them.
 *
 * @example
 * ```ts
 * const cache = new TextCache<PyformatSql>(256)
 * const rewritten = cache.get(sql) ?? cache.set(sql, rewrite(sql))
 * ```
 */
export class TextCache<V> {
  readonly #entries = new Map<string, V>()
  readonly #capacity: number

  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /**
   * The value for `text`; `undefined` on a miss. A hit does not reorder:
   * eviction is first-in, first-out, which keeps a hit to one lookup (an
   * application's query shapes fit in the cache; a text that is evicted is
   * simply derived again).
   */
  get(text: string): V | undefined {
    return this.#entries.get(text)
  }

  /** Stores `value` for `text`, evicting the oldest entry when full, and returns `value`. */
  set(text: string, value: V): V {
    this.#entries.delete(text)
    this.#entries.set(text, value)
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next()
      if (oldest.done !== true) this.#entries.delete(oldest.value)
    }
    return value
  }

  /** The number of cached texts. */
  get size(): number {
    return this.#entries.size
  }
}

/** How many distinct SQL texts each cache keeps: an application's query shapes, not its calls. */
export const TEXT_CACHE_CAPACITY = 512
