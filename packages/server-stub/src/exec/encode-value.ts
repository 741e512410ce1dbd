import { parseArrayLiteral, type ArrayText } from './parse-array-literal.js'
import { parseJsonLossless } from './parse-json-lossless.js'
import type { TypeInfo } from './type-catalog.js'

// `2024-01-01 00:00:00.5+00` as PostgreSQL prints a timestamptz with TimeZone UTC and DateStyle ISO.
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)\+00$/
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity'])

/**
 * RFC 3339 in UTC with `Z`, fractional seconds kept. Values RFC 3339 cannot
 * spell (`infinity`, years before 1 or after 9999) keep PostgreSQL's text.
 */
function encodeTimestamptz(text: string): string {
  const match = UTC_TIMESTAMP.exec(text)
  return match === null ? text : `${match[1]}T${match[2]}Z`
}

/** `\x0102` (hex `bytea` output) as standard base64. */
function encodeBytea(text: string): string {
  return text.startsWith('\\x') ? Buffer.from(text.slice(2), 'hex').toString('base64') : text
}

function encodeJson(text: string): unknown {
  try {
    return parseJsonLossless(text)
  } catch {
    return text // not reachable for PostgreSQL's own output; keep the text rather than fail a committed write
  }
}

function encodeArray(text: string, element: TypeInfo): unknown {
  const parsed = parseArrayLiteral(text, element.delimiter)
  if (parsed === undefined) return text
  const map = (items: ArrayText): unknown[] =>
    items.map((item) => (item === null ? null : Array.isArray(item) ? map(item) : encodeValue(item, element)))
  return map(parsed)
}

/**
 * Encodes one value from PostgreSQL's text output by its column type, as
 * compiled-sql.v1 §7 fixes: `bigint`/`numeric`/`money` as strings with every
 * digit; `smallint`/`integer`/`real`/`double precision` as numbers (`NaN`,
 * `Infinity`, `-Infinity` as strings); `boolean`; `timestamptz` as RFC 3339
 * with `Z`; `bytea` as base64; `json`/`jsonb` as JSON values (see
 * {@link parseJsonLossless}); arrays as JSON arrays of the element encoding;
 * everything else (`date` included, which ISO output already spells
 * `YYYY-MM-DD`) as the text itself.
 */
export function encodeValue(text: string | null, type: TypeInfo): unknown {
  if (text === null) return null
  switch (type.encoding) {
    case 'integer':
      return Number(text)
    case 'float':
      return NON_FINITE.has(text) ? text : Number(text)
    case 'bool':
      return text === 't'
    case 'timestamptz':
      return encodeTimestamptz(text)
    case 'bytea':
      return encodeBytea(text)
    case 'json':
      return encodeJson(text)
    case 'array':
      return type.element === undefined ? text : encodeArray(text, type.element)
    case 'exact':
    case 'text':
      return text
  }
}
