/**
 * Chooses the pyformat name of the `n`th positional parameter (1-based).
 *
 * @example
 * ```ts
 * const byColumn: ParameterNamer = (n) => ['symbol', 'as_of'][n - 1] ?? `p${n}`
 * ```
 */
export type ParameterNamer = (index: number) => string

/**
 * The default names: `p1`, `p2`, … — short, readable, and stable: the same
 * SQL always gets the same names, and `$n` always becomes `p{n}`.
 *
 * @example
 * ```ts
 * defaultParameterName(3) // 'p3'
 * ```
 */
export const defaultParameterName: ParameterNamer = (index) => `p${index}`

/**
 * A namer from a list of names, `names[0]` for `$1`; `$n` past the end of the
 * list falls back to {@link defaultParameterName}.
 *
 * @example
 * ```ts
 * const name = namesFromList(['symbol', 'as_of'])
 * name(2) // 'as_of'
 * name(3) // 'p3'
 * ```
 */
export function namesFromList(names: readonly string[]): ParameterNamer {
  return (index) => names[index - 1] ?? defaultParameterName(index)
}
