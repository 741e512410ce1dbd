import type { ParameterValue } from '@compiled-sql/protocol'
import { appendPointer } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'
import { encodeParameterValue } from './encode-value.js'
import { normalizeTypeToken } from './type-token.js'

const PARAMETERS = '/statement/parameters'
const TYPES = '/statement/parameter_types'

/**
 * Parameters as a caller passes them: named for `%(name)s`, or positional for `%s`.
 *
 * @example
 * ```ts
 * const named: ParameterInput = { symbol: '%BTC%', as_of: new Date() }
 * const positional: ParameterInput = ['%BTC%']
 * ```
 */
export type ParameterInput = Readonly<Record<string, unknown>> | readonly unknown[]

/**
 * The wire form of a statement's values: `parameters` and, when any value
 * needs one, `parameter_types`.
 *
 * @example
 * ```ts
 * const encoded: EncodedParameters = { parameters: { n: '10' }, parameterTypes: { n: 'int64' } }
 * ```
 */
export interface EncodedParameters {
  readonly parameters: Record<string, ParameterValue> | ParameterValue[]
  readonly parameterTypes?: Record<string, string>
}

/**
 * Encodes every parameter with {@link encodeParameterValue} and collects the
 * `parameter_types` entries: the explicit ones (normalized, and they win) and
 * the inferred ones (Date, bigint, bytes). Positional parameters are typed by
 * their decimal index, `"0"` first, as the protocol says.
 *
 * @throws {OperationBuildError} for a value that cannot be encoded, and
 *   `unknown_parameter` at `/statement/parameter_types/<name>` for a type
 *   given to a parameter that does not exist.
 *
 * @example
 * ```ts
 * encodeParameters({ as_of: new Date('2026-05-28T00:00:00Z') }, { as_of: 'date' })
 * // { parameters: { as_of: '2026-05-28' }, parameterTypes: { as_of: 'date' } }
 * ```
 */
export function encodeParameters(input: ParameterInput, explicitTypes: Readonly<Record<string, string>> = {}): EncodedParameters {
  const positional = Array.isArray(input)
  const named = input as Readonly<Record<string, unknown>>
  for (const name in explicitTypes) {
    if (!Object.hasOwn(explicitTypes, name)) continue
    const exists = positional ? /^(0|[1-9]\d*)$/.test(name) && Number(name) < input.length : Object.hasOwn(named, name)
    if (!exists) {
      throw new OperationBuildError('unknown_parameter', appendPointer(TYPES, name), `a type is given for ${JSON.stringify(name)}, which is not a parameter; remove it or fix the name`)
    }
  }
  const types: Record<string, string> = {}
  const encodeOne = (name: string, value: unknown): ParameterValue => encodeNamed(name, value, Object.hasOwn(explicitTypes, name) ? explicitTypes[name] : undefined, types)
  let parameters: Record<string, ParameterValue> | ParameterValue[]
  if (positional) {
    parameters = input.map((value, i) => encodeOne(String(i), value))
  } else {
    parameters = {}
    for (const name of Object.keys(named)) {
      const value = encodeOne(name, named[name])
      // A parameter named "__proto__" (JSON.parse makes such keys) must stay a key, not set the prototype.
      if (name === '__proto__') Object.defineProperty(parameters, name, { value, enumerable: true, writable: true, configurable: true })
      else parameters[name] = value
    }
  }
  return hasKeys(types) ? { parameters, parameterTypes: types } : { parameters }
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true
  return false
}

/** Encodes one value, recording its inferred or explicit type in `types`. */
function encodeNamed(name: string, value: unknown, explicit: string | undefined, types: Record<string, string>): ParameterValue {
  // Most values are strings, numbers, booleans or null, sent as they are: skip building an error path for them.
  if (explicit === undefined && isPlainScalar(value)) return value
  const encoded = encodeParameterValue(value, appendPointer(PARAMETERS, name), explicit === undefined ? undefined : normalizeTypeToken(explicit))
  if (encoded.type !== undefined) types[name] = encoded.type
  return encoded.value
}

function isPlainScalar(value: unknown): value is string | boolean | number | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}
