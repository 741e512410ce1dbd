import { UsageError } from './errors.js'

/** Which cases to run, by id pattern. */
export interface Selection {
  /** Run only cases matching one of these (all cases when empty). */
  readonly run?: readonly string[] | undefined
  /** Then leave out cases matching one of these. */
  readonly skip?: readonly string[] | undefined
}

/**
 * Compiles an id pattern. `*` matches within one dot-separated segment, `**`
 * across segments, `?` one character of a segment; everything else is
 * literal. A pattern that matches a leading part of an id up to a dot selects
 * the whole group: `limits` and `limits.*` both select `limits.max-rows-zero`,
 * and `parameters` selects `parameters.named.empty-name` too.
 */
export function compileIdPattern(pattern: string): RegExp {
  if (pattern === '') throw new UsageError('an id pattern cannot be empty')
  let source = ''
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*'
      index++
    } else if (char === '*') source += '[^.]*'
    else if (char === '?') source += '[^.]'
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
  }
  return new RegExp(`^(?:${source})(?:\\..*)?$`)
}

/** Whether `id` matches any of `patterns`. */
function matchesAny(id: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(id))
}

/**
 * The items whose id the selection keeps, in their order.
 *
 * @throws {UsageError} when a `run` pattern matches no item at all, which is
 *   almost always a typo that would otherwise pass silently.
 */
export function select<T>(items: readonly T[], idOf: (item: T) => string, selection: Selection): T[] {
  const run = (selection.run ?? []).map((pattern) => ({ pattern, regexp: compileIdPattern(pattern) }))
  const skip = (selection.skip ?? []).map(compileIdPattern)
  for (const { pattern, regexp } of run) {
    if (!items.some((item) => regexp.test(idOf(item)))) throw new UsageError(`--run ${pattern} matches no case`)
  }
  const runRegexps = run.map(({ regexp }) => regexp)
  return items.filter((item) => {
    const id = idOf(item)
    return (runRegexps.length === 0 || matchesAny(id, runRegexps)) && !matchesAny(id, skip)
  })
}
