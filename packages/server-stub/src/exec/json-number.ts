import { isLosslessNumber } from 'lossless-json'

/**
 * The decimal text of a JSON number as a lossless body parser hands it over:
 * a `number`, a `bigint` (an integer beyond 2^53) or a `LosslessNumber`.
 * Integral doubles are written without an exponent (`1e21` → `1000000000000000000000`),
 * since PostgreSQL's integer input does not read exponents.
 *
 * @returns `undefined` when the value is not a number.
 */
export function jsonNumberText(value: unknown): string | undefined {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value)
  if (isLosslessNumber(value)) return value.toString()
  return undefined
}

const INTEGER_TEXT = /^-?\d+$/

/** The value of a JSON integer as a `bigint`; `undefined` for anything else (`1.5`, `"1"`). */
export function jsonInteger(value: unknown): bigint | undefined {
  const text = jsonNumberText(value)
  return text !== undefined && INTEGER_TEXT.test(text) ? BigInt(text) : undefined
}
