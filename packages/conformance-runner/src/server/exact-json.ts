import { isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json'

/**
 * Parses JSON text keeping every number exact: a number a double holds
 * without loss (`2.5`, `42`) becomes a `number`, any other
 * (`9007199254740993`, `0.1000000000000000000001`) a `LosslessNumber` with its
 * digits. Fixtures and response bodies are read this way, so that integers
 * beyond 2^53 are sent and compared as written.
 *
 * @throws {SyntaxError} when the text is not JSON.
 */
export function parseExact(text: string): unknown {
  return parse(text, null, (digits) => (isSafeNumber(digits) ? Number(digits) : new LosslessNumber(digits)))
}

/** Serializes a value read by {@link parseExact} compactly, every number with its exact digits. */
export function stringifyExact(value: unknown): string {
  const text = stringify(value)
  if (text === undefined) throw new TypeError('the value has no JSON form')
  return text
}

/** Whether a value read by {@link parseExact} is a JSON number. */
export function isJsonNumber(value: unknown): value is number | LosslessNumber {
  return typeof value === 'number' || value instanceof LosslessNumber
}

/**
 * A copy of a value read by {@link parseExact} that `JSON.stringify` writes
 * faithfully, for reports: each number a double cannot hold becomes the
 * string of its digits, so that no digit is lost.
 */
export function plainJson(value: unknown): unknown {
  if (value instanceof LosslessNumber) return value.value
  if (Array.isArray(value)) return value.map(plainJson)
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainJson(item)]))
  return value
}
