import { stringify } from 'lossless-json'
import { ProtocolError } from './protocol-error.js'

/**
 * Whether a failure is PostgreSQL's "must appear in the GROUP BY clause"
 * (42803), which server-side binding causes when a builder writes one
 * expression twice with two bind names (`date_trunc(%(p1)s, at)` in the select
 * list, `date_trunc(%(p4)s, at)` in GROUP BY): PostgreSQL cannot prove `$1`
 * and `$4` equal, although psycopg's client-side interpolation would make the
 * two texts identical.
 */
export function isUnprovableGroupBy(error: unknown): boolean {
  return error instanceof ProtocolError && error.code === 'query_error' && error.options.sqlstate === '42803'
}

/**
 * Named parameters that carry the same non-null value with the same type
 * token, mapped to the first such name, for the retry of an
 * {@link isUnprovableGroupBy} failure. NULLs are never merged: two NULLs may
 * need different types (42P08). Returns `undefined` when nothing merges.
 */
export function mergeEqualParameters(
  values: ReadonlyMap<string, unknown>,
  names: readonly string[],
  parameterTypes: Readonly<Record<string, string>> = {},
): ReadonlyMap<string, string> | undefined {
  const firstByValue = new Map<string, string>()
  const merged = new Map<string, string>()
  for (const name of names) {
    const value = values.get(name)
    if (value === null || value === undefined) continue
    const identity = `${parameterTypes[name] ?? ''}\u0000${stringify(value) ?? ''}`
    const first = firstByValue.get(identity)
    if (first === undefined) firstByValue.set(identity, name)
    else merged.set(name, first)
  }
  return merged.size > 0 ? merged : undefined
}
