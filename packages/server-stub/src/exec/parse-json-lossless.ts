import { LosslessNumber, parse } from 'lossless-json'

/**
 * A JSON number as a JS `number` when that keeps its text (`2`, `1.5`,
 * `-0.25`), and as a `LosslessNumber` otherwise (`9007199254740993`,
 * `1234567890.123456789012345678`, `1.0`): `lossless-json`'s `stringify`
 * writes a `LosslessNumber` back digit for digit, so no digit of a jsonb
 * value is lost on its way to the client.
 */
function parseNumber(text: string): number | LosslessNumber {
  const value = Number(text)
  return String(value) === text ? value : new LosslessNumber(text)
}

/**
 * Parses PostgreSQL's text output of `json` or `jsonb` without losing a digit.
 * A `json` value may repeat a key; the last one wins, as in PostgreSQL's own
 * `json` operators and in `jsonb`.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue })
}
