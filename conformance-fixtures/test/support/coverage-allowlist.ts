import type { Location } from './keywords.js'

/** A location the coverage gate excuses, from one side or both, and why no fixture can cover it. */
export interface AllowlistEntry {
  readonly location: Location
  /** `invalid`: no JSON document can make it fail; `both`: no document can even reach it. */
  readonly side: 'invalid' | 'both'
  readonly reason: string
}

const SELECTED_BY_TAG = 'the discriminator selects this branch only for an object whose operation names it, so this keyword always holds inside the branch'
const UNREFERENCED = 'an encoding documented in $defs for the server to check against parameter_types; no $ref reaches it, so no validator evaluates it'

const branch = (name: 'SelectResult' | 'WriteResult', keywords: readonly string[]): AllowlistEntry[] =>
  keywords.map((keyword) => ({ location: `operation-result.schema.json#/$defs/${name}/${keyword}`, side: 'invalid', reason: SELECTED_BY_TAG }))

const unreferenced = (def: string, keywords: readonly string[]): AllowlistEntry[] =>
  keywords.map((keyword) => ({ location: `parameter-value.schema.json#/$defs/${def}/${keyword}`, side: 'both', reason: UNREFERENCED }))

/**
 * Every location the gate excuses. The gate fails on an entry that names no
 * location, or one the corpus does cover, so this list cannot go stale.
 */
export const COVERAGE_ALLOWLIST: readonly AllowlistEntry[] = [
  {
    location: 'parameter-value.schema.json#/type',
    side: 'invalid',
    reason: 'the type set is all six JSON types (a number beyond the double range is still a number; its bounds reject it)',
  },
  {
    location: 'operation.schema.json#/$defs/ParameterName/type',
    side: 'invalid',
    reason: 'ParameterName is applied only through propertyNames, and a JSON property name is always a string',
  },
  ...branch('SelectResult', ['type', 'required/operation', 'properties/operation/type', 'properties/operation/const']),
  ...branch('WriteResult', ['type', 'required/operation', 'properties/operation/type', 'properties/operation/enum']),
  ...unreferenced('DateValue', ['type', 'pattern']),
  ...unreferenced('TimestampWithTimeZoneValue', ['type', 'pattern']),
  ...unreferenced('UuidValue', ['type', 'pattern']),
  ...unreferenced('Int64Value', ['type', 'pattern', 'minimum', 'maximum']),
  ...unreferenced('Int32Value', ['type', 'minimum', 'maximum']),
  ...unreferenced('Int16Value', ['type', 'minimum', 'maximum']),
  ...unreferenced('FloatValue', ['type', 'pattern']),
  ...unreferenced('NumericValue', ['type', 'pattern']),
  ...unreferenced('BytesValue', ['type', 'pattern']),
  ...unreferenced('BoolValue', ['type']),
  ...unreferenced('StringValue', ['type']),
]
