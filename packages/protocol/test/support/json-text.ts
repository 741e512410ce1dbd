/**
 * JSON text for mutants. Mutants are built as JavaScript values, but some
 * number literals have no exact JavaScript value (integers beyond 2^53, `1.0`,
 * `1e400`); a mutant carries such a literal as a marked string, and
 * {@link toJsonText} writes it back as the bare literal. Every validator then
 * reads the same text: JavaScript through `JSON.parse`, Python through `json.loads`.
 */
const MARK = '\u0000number-literal:'

/** A placeholder that {@link toJsonText} serializes as the bare number literal `literal`. */
export function numberLiteral(literal: string): string {
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(literal)) throw new Error(`not a JSON number: ${literal}`)
  return MARK + literal
}

const MARKED = /"\\u0000number-literal:(-?[0-9.eE+-]+)"/g

/** `JSON.stringify`, with {@link numberLiteral} placeholders turned into bare number literals. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value)
  if (text === undefined) throw new Error('a mutant must be a JSON value')
  return text.replace(MARKED, '$1')
}

/** A deep copy of a JSON value that keeps own `__proto__` keys (a structured clone would not). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
