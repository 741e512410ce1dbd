import type { TypeToken } from '@compiled-sql/protocol'

/** A type token without its `[]`. */
export type ScalarTypeToken = Exclude<TypeToken, `${string}[]`>

/** PostgreSQL type OIDs (built in, the same in every version). */
export const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  json: 114,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamptz: 1184,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
} as const

/** The scalar OID and the array OID of each scalar token. */
export const TOKEN_OIDS: Readonly<Record<ScalarTypeToken, { readonly scalar: number; readonly array: number }>> = {
  date: { scalar: OID.date, array: 1182 },
  'timestamp with time zone': { scalar: OID.timestamptz, array: 1185 },
  string: { scalar: OID.text, array: 1009 },
  uuid: { scalar: OID.uuid, array: 2951 },
  json: { scalar: OID.json, array: 199 },
  jsonb: { scalar: OID.jsonb, array: 3807 },
  bool: { scalar: OID.bool, array: 1000 },
  int16: { scalar: OID.int2, array: 1005 },
  int32: { scalar: OID.int4, array: 1007 },
  int64: { scalar: OID.int8, array: 1016 },
  float32: { scalar: OID.float4, array: 1021 },
  float64: { scalar: OID.float8, array: 1022 },
  numeric: { scalar: OID.numeric, array: 1231 },
  bytes: { scalar: OID.bytea, array: 1001 },
}

/** A token split into its scalar token and whether it is an array, with its OID. */
export interface ParsedTypeToken {
  readonly scalar: ScalarTypeToken
  readonly isArray: boolean
  readonly oid: number
}

/** Reads a type token; `undefined` for a string that is not one. */
export function parseTypeToken(token: string): ParsedTypeToken | undefined {
  const isArray = token.endsWith('[]')
  const scalar = (isArray ? token.slice(0, -2) : token) as ScalarTypeToken
  const oids = Object.hasOwn(TOKEN_OIDS, scalar) ? TOKEN_OIDS[scalar] : undefined
  return oids === undefined ? undefined : { scalar, isArray, oid: isArray ? oids.array : oids.scalar }
}
