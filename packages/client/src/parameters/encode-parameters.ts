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
  const entries: [string, unknown][] = Array.isArray(input) ? input.map((value, i) => [String(i), value]) : Object.entries(input)
  const names = new Set(entries.map(([name]) => name))
  for (const name of Object.keys(explicitTypes)) {
    if (!names.has(name)) {
      throw new OperationBuildError('unknown_parameter', appendPointer(TYPES, name), `a type is given for ${JSON.stringify(name)}, which is not a parameter; remove it or fix the name`)
    }
  }
  const types: Record<string, string> = {}
  const values = entries.map(([name, value]): ParameterValue => {
    const explicit = explicitTypes[name]
    const encoded = encodeParameterValue(value, appendPointer(PARAMETERS, name), explicit === undefined ? undefined : normalizeTypeToken(explicit))
    if (encoded.type !== undefined) types[name] = encoded.type
    return encoded.value
  })
  const parameters = Array.isArray(input) ? values : Object.fromEntries(entries.map(([name], i) => [name, values[i] ?? null]))
  return Object.keys(types).length === 0 ? { parameters } : { parameters, parameterTypes: types }
}
