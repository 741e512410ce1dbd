import type { AnalysisInput, AnalysisResult, SqlGuard } from './analysis-types.js'

/** How many analyses an {@link AnalysisCache} keeps unless told otherwise. */
export const DEFAULT_ANALYSIS_CACHE_SIZE = 2000

/** Length-prefixed, so that no two different inputs can build the same key whatever their characters. */
const part = (value: string): string => `${value.length}:${value}`

/**
 * The cache key: every field of the input, because the analysis is a pure
 * function of exactly those (the allowlist is fixed at build time). Scope
 * entries are keyed in order; a reordered scope is a different key, which
 * costs a miss, never a wrong answer.
 */
export function analysisCacheKey(input: AnalysisInput): string {
  let key = `${input.operation}|${input.parameters}|${input.grammar}|${input.literalPolicy}|${input.searchPath.length}`
  for (const schema of input.searchPath) key += part(schema)
  key += `|${input.scope.length}`
  for (const relation of input.scope) {
    key += part(relation.metaTableUid) + part(relation.schema) + part(relation.table) + relation.access
    key += relation.alias === undefined ? '-' : part(relation.alias)
  }
  for (const [name, target] of input.mergedParameters ?? []) key += `|${part(name)}${part(target)}`
  return key + '|' + input.sql
}

/**
 * Step 9: a bounded LRU of analyses. Parameters are bound, never pasted, so
 * an application sends the same SQL text again and again; a hit costs one
 * key build and one map lookup. Refusals are cached too: they are as
 * deterministic as acceptances.
 */
export class AnalysisCache implements SqlGuard {
  readonly #guard: SqlGuard
  readonly #maxEntries: number
  readonly #entries = new Map<string, AnalysisResult>()

  constructor(guard: SqlGuard, maxEntries: number = DEFAULT_ANALYSIS_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer')
    this.#guard = guard
    this.#maxEntries = maxEntries
  }

  /** The number of cached analyses. */
  get size(): number {
    return this.#entries.size
  }

  /** The analysis of `input`, from the cache when it is there. */
  analyze(input: AnalysisInput): AnalysisResult {
    const key = analysisCacheKey(input)
    const cached = this.#entries.get(key)
    if (cached !== undefined) {
      // Map iteration order is insertion order: re-inserting makes this the most recently used.
      this.#entries.delete(key)
      this.#entries.set(key, cached)
      return cached
    }
    const result = this.#guard.analyze(input)
    this.#entries.set(key, result)
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next()
      if (oldest.done !== true) this.#entries.delete(oldest.value)
    }
    return result
  }
}
