import { stringify } from 'lossless-json'
import { encodeTypedParameter } from './encode-typed-parameter.js'
import { ExecutionError } from './execution-error.js'
import type { BoundParameter } from './execution-request.js'
import { jsonInteger, jsonNumberText } from './json-number.js'
import { OID, parseTypeToken } from './parameter-types.js'
import { arrayLiteral, type ArrayLiteralItem } from './pg-array-literal.js'

/** What the SQL analysis knows about one placeholder. */
export interface ParameterHint {
  /** The placeholder's number: `1` for `$1`. */
  readonly number: number
  /**
   * Whether `$n` is a direct argument of a function declared `VARIADIC "any"`
   * (`concat`, `concat_ws`, `format`, `json[b]_build_*`), where PostgreSQL
   * cannot infer its type (42P18): a string there is bound as `text`.
   */
  readonly anyArgument?: boolean
}

/** The request's parameters and how the SQL uses them. */
export interface BindParametersInput {
  /**
   * The values as the lossless body parser read them (integers beyond 2^53 as
   * `bigint` or `LosslessNumber`): the `statement.parameters` object or array,
   * or a map by name (decimal index for positional parameters).
   */
  readonly values: ReadonlyMap<string, unknown> | readonly unknown[] | Readonly<Record<string, unknown>>
  /** The name (or decimal index) of the value of `$1`, `$2`, … */
  readonly names: readonly string[]
  /** `statement.parameter_types`: type tokens by name or decimal index. */
  readonly parameterTypes?: Readonly<Record<string, string>>
  readonly hints?: readonly ParameterHint[]
}

/** The bound parameters, or the first value that cannot be bound. */
export type BindParametersResult =
  | { readonly ok: true; readonly parameters: BoundParameter[] }
  | { readonly ok: false; readonly error: ExecutionError }

const INT4 = [-2147483648n, 2147483647n] as const
const INT8 = [-9223372036854775808n, 9223372036854775807n] as const

function valueOf(values: BindParametersInput['values'], name: string): { found: boolean; value: unknown } {
  if (values instanceof Map) return { found: values.has(name), value: values.get(name) }
  if (Array.isArray(values)) {
    const index = /^(0|[1-9]\d*)$/.test(name) ? Number(name) : -1
    return { found: index >= 0 && index < values.length, value: values[index] }
  }
  const record = values as Readonly<Record<string, unknown>>
  return { found: Object.hasOwn(record, name), value: record[name] }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** An untyped array element as array-literal text. */
function untypedItem(value: unknown): ArrayLiteralItem {
  if (value === null) return null
  if (Array.isArray(value)) return value.map(untypedItem)
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new TypeError('PostgreSQL text cannot hold U+0000')
    return value
  }
  if (typeof value === 'boolean') return String(value)
  const number = jsonNumberText(value)
  if (number !== undefined) return number
  if (isPlainObject(value)) return stringify(value) as string
  throw new TypeError('the element is not a JSON value')
}

/**
 * A value without a type token, typed as a psycopg-style literal would be, but
 * only where that helps PostgreSQL: an integer as `int4` (or `int8`, or
 * `numeric` beyond 64 bits), another number as `numeric`, a boolean as `bool`,
 * an object as `jsonb`; a string stays untyped (PostgreSQL infers it from
 * context) unless it is an argument of a `VARIADIC "any"` function; an array
 * stays an untyped array literal, so that `= any($1)` infers `uuid[]` and the like.
 */
function encodeUntyped(value: unknown, anyArgument: boolean): BoundParameter {
  if (value === null) return { value: null, typeOid: 0 }
  if (typeof value === 'boolean') return { value: String(value), typeOid: OID.bool }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new TypeError('PostgreSQL text cannot hold U+0000')
    return { value, typeOid: anyArgument ? OID.text : 0 }
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('the number is not finite')
  const integer = jsonInteger(value)
  if (integer !== undefined) {
    const typeOid = integer >= INT4[0] && integer <= INT4[1] ? OID.int4 : integer >= INT8[0] && integer <= INT8[1] ? OID.int8 : OID.numeric
    return { value: integer.toString(), typeOid }
  }
  const number = jsonNumberText(value)
  if (number !== undefined) return { value: number, typeOid: OID.numeric }
  if (Array.isArray(value)) return { value: arrayLiteral(value.map(untypedItem)), typeOid: 0 }
  if (isPlainObject(value)) return { value: stringify(value) as string, typeOid: OID.jsonb }
  throw new TypeError('the value is not a JSON value')
}

function invalid(name: string, reason: string): BindParametersResult {
  const error = new ExecutionError('invalid_parameter_value', `parameter ${name}: ${reason}`, { details: { parameter: name } })
  return { ok: false, error }
}

/**
 * Binds a request's values to `$1`..`$n`: each becomes PostgreSQL text input
 * and a type OID, never SQL text. A value with a type token in
 * `parameter_types` must have that token's encoding and is bound with the
 * token's type; others are typed from their JSON type (see the hints).
 * `null` is SQL NULL, typed by its token or left to PostgreSQL.
 *
 * @example
 * ```ts
 * bindParameters({ values: { d: '2024-01-01', n: 5 }, names: ['d', 'n'], parameterTypes: { d: 'date' } })
 * // {ok: true, parameters: [{value: '2024-01-01', typeOid: 1082}, {value: '5', typeOid: 23}]}
 * ```
 */
export function bindParameters(input: BindParametersInput): BindParametersResult {
  const anyArguments = new Set((input.hints ?? []).filter((hint) => hint.anyArgument === true).map((hint) => hint.number))
  const parameters: BoundParameter[] = []
  for (const [index, name] of input.names.entries()) {
    const { found, value } = valueOf(input.values, name)
    if (!found) {
      const error = new ExecutionError('missing_parameter', `the SQL uses parameter ${name}, which has no value`, { details: { parameter: name } })
      return { ok: false, error }
    }
    const tokenText = input.parameterTypes !== undefined && Object.hasOwn(input.parameterTypes, name) ? input.parameterTypes[name] : undefined
    if (tokenText !== undefined) {
      const token = parseTypeToken(tokenText)
      if (token === undefined) return invalid(name, `unknown type token ${JSON.stringify(tokenText)}`)
      if (value === null) {
        parameters.push({ value: null, typeOid: token.oid })
        continue
      }
      const encoded = encodeTypedParameter(value, token)
      if (!encoded.ok) return invalid(name, encoded.reason)
      parameters.push({ value: encoded.text, typeOid: token.oid })
      continue
    }
    try {
      parameters.push(encodeUntyped(value, anyArguments.has(index + 1)))
    } catch (error) {
      return invalid(name, (error as Error).message)
    }
  }
  return { ok: true, parameters }
}
