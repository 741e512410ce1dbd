/** An array element as text input: a string, SQL NULL, or a sub-array. */
export type ArrayLiteralItem = string | null | readonly ArrayLiteralItem[]

/**
 * A PostgreSQL array literal (`{"a","b\"c",NULL}`) for array input. Every
 * element is double-quoted with `\` and `"` escaped, so that no element can be
 * read as `NULL`, a delimiter or a nested array; only SQL NULL stays bare.
 */
export function arrayLiteral(items: readonly ArrayLiteralItem[]): string {
  const parts = items.map((item): string => {
    if (item === null) return 'NULL'
    if (typeof item === 'string') return `"${item.replace(/[\\"]/g, '\\$&')}"`
    return arrayLiteral(item)
  })
  return `{${parts.join(',')}}`
}
