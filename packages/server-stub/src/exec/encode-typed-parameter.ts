import { SCHEMAS } from '@compiled-sql/protocol'
import { stringify } from 'lossless-json'
import { jsonInteger, jsonNumberText } from './json-number.js'
import type { ParsedTypeToken, ScalarTypeToken } from './parameter-types.js'
import { arrayLiteral } from './pg-array-literal.js'

/** A value as PostgreSQL text input, or why it does not have its token's encoding. */
export type EncodedParameter = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string }

/** A `pattern` of `parameter-value.schema.json` `$defs`, so that the schema stays the one source of the encodings. */
function encodingPattern(name: string): RegExp {
  const defs = SCHEMAS['parameter-value']?.['$defs'] as Record<string, { pattern?: string }> | undefined
  const pattern = defs?.[name]?.pattern
  if (pattern === undefined) throw new Error(`parameter-value.schema.json has no $defs/${name}/pattern`)
  return new RegExp(pattern, 'u')
}

const PATTERN = {
  date: encodingPattern('DateValue'),
  timestamptz: encodingPattern('TimestampWithTimeZoneValue'),
  uuid: encodingPattern('UuidValue'),
  int64: encodingPattern('Int64Value'),
  float: encodingPattern('FloatValue'),
  numeric: encodingPattern('NumericValue'),
  bytes: encodingPattern('BytesValue'),
}

const INT16 = [-32768n, 32767n] as const
const INT32 = [-2147483648n, 2147483647n] as const
const INT64 = [-9223372036854775808n, 9223372036854775807n] as const
const SAFE = [-9007199254740991n, 9007199254740991n] as const

const ok = (text: string): EncodedParameter => ({ ok: true, text })
const bad = (reason: string): EncodedParameter => ({ ok: false, reason })

/** Whether `YYYY-MM-DD` names a day of the calendar (the pattern lets `2024-02-30` through). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function integerIn(value: unknown, [min, max]: readonly [bigint, bigint], what: string): EncodedParameter {
  const integer = jsonInteger(value)
  return integer !== undefined && integer >= min && integer <= max
    ? ok(integer.toString())
    : bad(`a ${what} must be a JSON integer from ${min} to ${max}`)
}

function encodeInt64(value: unknown): EncodedParameter {
  if (typeof value === 'string') {
    if (!PATTERN.int64.test(value)) return bad('an int64 string must be a decimal integer')
    const integer = BigInt(value)
    return integer >= INT64[0] && integer <= INT64[1] ? ok(value) : bad('an int64 must lie within the signed 64-bit range')
  }
  return integerIn(value, SAFE, 'int64 number (larger ones travel as strings)')
}

function encodeScalar(value: unknown, token: ScalarTypeToken): EncodedParameter {
  switch (token) {
    case 'date':
      return typeof value === 'string' && PATTERN.date.test(value) && isCalendarDate(value) ? ok(value) : bad('a date must be YYYY-MM-DD')
    case 'timestamp with time zone':
      return typeof value === 'string' && PATTERN.timestamptz.test(value) && isCalendarDate(value)
        ? ok(value)
        : bad('a timestamp with time zone must be RFC 3339 in UTC with Z')
    case 'string':
      if (typeof value !== 'string') return bad('a string must be a JSON string')
      return value.includes('\u0000') ? bad('PostgreSQL text cannot hold U+0000') : ok(value)
    case 'uuid':
      return typeof value === 'string' && PATTERN.uuid.test(value) ? ok(value) : bad('a uuid must be 8-4-4-4-12 hexadecimal digits')
    case 'json':
    case 'jsonb':
      return ok(stringify(value) as string)
    case 'bool':
      return typeof value === 'boolean' ? ok(String(value)) : bad('a bool must be true or false')
    case 'int16':
      return integerIn(value, INT16, 'int16')
    case 'int32':
      return integerIn(value, INT32, 'int32')
    case 'int64':
      return encodeInt64(value)
    case 'float32':
    case 'float64': {
      const text = typeof value === 'string' ? (PATTERN.float.test(value) ? value : undefined) : jsonNumberText(value)
      return text === undefined ? bad(`a ${token} must be a JSON number, NaN, Infinity or -Infinity`) : ok(text)
    }
    case 'numeric': {
      const text = typeof value === 'string' ? (PATTERN.numeric.test(value) ? value : undefined) : jsonNumberText(value)
      return text === undefined ? bad('a numeric must be a decimal string or a JSON number') : ok(text)
    }
    case 'bytes':
      return typeof value === 'string' && PATTERN.bytes.test(value)
        ? ok(`\\x${Buffer.from(value, 'base64').toString('hex')}`)
        : bad('bytes must be standard base64 with padding')
  }
}

/**
 * Checks a non-null value against its type token's encoding
 * (`parameter-value.schema.json` `$defs`) and writes it as PostgreSQL text
 * input: base64 becomes `\x…` hex, JSON documents their text (integers
 * digit for digit), arrays a quoted array literal whose `null`s are NULL.
 */
export function encodeTypedParameter(value: unknown, token: ParsedTypeToken): EncodedParameter {
  if (!token.isArray) return encodeScalar(value, token.scalar)
  if (!Array.isArray(value)) return bad(`a ${token.scalar}[] must be a JSON array`)
  const items: (string | null)[] = []
  for (const [index, element] of value.entries()) {
    if (element === null) {
      items.push(null)
      continue
    }
    // A JSON array inside a json[] is a document; for every other token it would be a second dimension.
    if (Array.isArray(element) && token.scalar !== 'json' && token.scalar !== 'jsonb') {
      return bad(`a ${token.scalar}[] is one-dimensional; element ${index} is an array`)
    }
    const encoded = encodeScalar(element, token.scalar)
    if (!encoded.ok) return bad(`element ${index}: ${encoded.reason}`)
    items.push(encoded.text)
  }
  return ok(arrayLiteral(items))
}
