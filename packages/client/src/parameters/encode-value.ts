import type { ParameterValue } from '@compiled-sql/protocol'
import { appendPointer } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'
import { encodeBase64 } from './base64.js'
import { encodeDate, encodeTimestamp } from './encode-date.js'

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/**
 * One encoded parameter: its JSON value and, when the value alone does not
 * say it, the type token to send in `parameter_types`.
 *
 * @example
 * ```ts
 * const encoded: EncodedParameter = { value: '42', type: 'int64' }
 * ```
 */
export interface EncodedParameter {
  readonly value: ParameterValue
  readonly type?: string
}

/**
 * Encodes one top-level parameter value as the protocol specifies:
 * - a Date → `timestamp with time zone` in UTC `Z`, or `YYYY-MM-DD` when `type` is `date`;
 * - a bigint → an int64 decimal string, typed `int64` unless `type` says otherwise;
 * - a Uint8Array (a Node Buffer too) → base64, typed `bytes`;
 * - arrays and plain objects → JSON, their elements encoded the same way but untyped;
 * - strings, booleans, finite numbers and `null` → themselves.
 *
 * An explicit `type` (already normalized) always wins over the inferred one.
 *
 * @throws {OperationBuildError} at `path`: `invalid_parameter_value` for
 *   `undefined`, NaN, ±Infinity, an out-of-range bigint or an invalid Date;
 *   `invalid_type` for functions, symbols, Maps, class instances and the like.
 *
 * @example
 * ```ts
 * encodeParameterValue(10n, '/statement/parameters/n') // { value: '10', type: 'int64' }
 * encodeParameterValue(new Date('2026-05-28T00:00:00Z'), '/statement/parameters/d', 'date')
 * // { value: '2026-05-28', type: 'date' }
 * ```
 */
export function encodeParameterValue(value: unknown, path: string, type?: string): EncodedParameter {
  const typed = (encoded: ParameterValue, inferred: string): EncodedParameter => ({ value: encoded, type: type ?? inferred })
  const plain = (encoded: ParameterValue): EncodedParameter => (type === undefined ? { value: encoded } : { value: encoded, type })
  if (value instanceof Date) {
    if (type === 'date') return typed(encodeDate(value, path), 'date')
    if (type !== undefined && type !== 'timestamp with time zone') {
      throw new OperationBuildError('invalid_parameter_value', path, `a Date cannot be sent as ${JSON.stringify(type)}; use the type 'date' or 'timestamp with time zone'`)
    }
    return typed(encodeTimestamp(value, path), 'timestamp with time zone')
  }
  if (typeof value === 'bigint') {
    if (type === undefined && (value < INT64_MIN || value > INT64_MAX)) {
      throw new OperationBuildError('invalid_parameter_value', path, `${value} is outside int64; declare the type 'numeric' for larger integers`)
    }
    return typed(value.toString(), 'int64')
  }
  if (value instanceof Uint8Array) return typed(encodeBase64(value), 'bytes')
  return plain(encodeJson(value, path))
}

/** Encodes a value nested in an array or object (and untyped top-level values). */
function encodeJson(value: unknown, path: string): ParameterValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value
    throw new OperationBuildError('invalid_parameter_value', path, `${value} has no JSON form; pass null, or the string '${value}' with the type 'numeric' or 'float64'`)
  }
  if (value === undefined) {
    throw new OperationBuildError('invalid_parameter_value', path, 'the value is undefined; pass null for SQL NULL, or remove the placeholder')
  }
  if (value instanceof Date) return encodeTimestamp(value, path)
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Uint8Array) return encodeBase64(value)
  if (Array.isArray(value)) return value.map((item: unknown, i) => encodeJson(item, appendPointer(path, i)))
  if (typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, ParameterValue> = {}
    for (const [key, item] of Object.entries(value)) out[key] = encodeJson(item, appendPointer(path, key))
    return out
  }
  const what = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value
  throw new OperationBuildError('invalid_type', path, `a ${what} is not a parameter value; pass JSON data, a Date, a bigint or a Uint8Array`)
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
