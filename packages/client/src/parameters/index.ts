/**
 * Parameter value encoding: JS values to the protocol's JSON encodings.
 *
 * @example
 * ```ts
 * import { encodeParameters } from '@compiled-sql/client'
 * encodeParameters({ n: 10n }) // { parameters: { n: '10' }, parameterTypes: { n: 'int64' } }
 * ```
 *
 * @packageDocumentation
 */
export { normalizeTypeToken } from './type-token.js'
export { encodeBase64 } from './base64.js'
export { encodeDate, encodeTimestamp } from './encode-date.js'
export { encodeParameterValue, type EncodedParameter } from './encode-value.js'
export { encodeParameters, type ParameterInput, type EncodedParameters } from './encode-parameters.js'
