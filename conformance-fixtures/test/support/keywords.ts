import { escapeToken } from './json.js'
import type { SchemaNode } from './schema-registry.js'

/**
 * A schema location: one constraint keyword occurrence, written
 * `<file>#<JSON Pointer to the keyword>`, e.g.
 * `error-response.schema.json#/$defs/ErrorInfo/properties/sqlstate/pattern`.
 * `required` yields one location per property name: `…/required/<name>`.
 */
export type Location = string

/**
 * The constraint keywords: each occurrence is a location the coverage gate
 * tracks. `additionalProperties` is one only when it is `false`; with a schema
 * it is an applicator, and the keywords of that schema are the locations.
 */
export const CONSTRAINT_KEYWORDS = [
  'type',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'minimum',
  'maximum',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'discriminator',
] as const

/** Keywords that only apply subschemas or carry annotations. */
const OTHER_KEYWORDS = new Set(['$ref', 'properties', 'oneOf', '$schema', '$id', '$defs', 'title', 'description', 'default', 'examples', '$comment'])

const KNOWN = new Set<string>([...CONSTRAINT_KEYWORDS, ...OTHER_KEYWORDS])

/**
 * Throws on a keyword the walker does not implement, so that a schema change
 * cannot silently escape the coverage gate. `x-` extensions are annotations.
 */
export function assertKnownKeywords(node: SchemaNode): void {
  for (const keyword of Object.keys(node.schema)) {
    if (keyword.startsWith('x-') || KNOWN.has(keyword)) continue
    throw new Error(`the schema walker does not implement ${keyword} (${node.file}#${node.pointer})`)
  }
  if ('oneOf' in node.schema && !('discriminator' in node.schema)) {
    throw new Error(`the schema walker implements oneOf only with a discriminator (${node.file}#${node.pointer})`)
  }
}

/** The location of `keyword` in `node` (for `required`, pass the property name). */
export function locationOf(node: SchemaNode, keyword: string, requiredName?: string): Location {
  const suffix = requiredName === undefined ? '' : `/${escapeToken(requiredName)}`
  return `${node.file}#${node.pointer}/${keyword}${suffix}`
}

/** Every location that `node` itself holds (not those of its subschemas). */
export function locationsIn(node: SchemaNode): Location[] {
  assertKnownKeywords(node)
  const locations: Location[] = []
  for (const keyword of CONSTRAINT_KEYWORDS) {
    const value = node.schema[keyword]
    if (value === undefined) continue
    if (keyword === 'required') {
      if (!Array.isArray(value)) throw new Error(`required is not an array at ${node.file}#${node.pointer}`)
      for (const name of value) locations.push(locationOf(node, keyword, String(name)))
    } else if (keyword !== 'additionalProperties' || value === false) {
      locations.push(locationOf(node, keyword))
    }
  }
  return locations
}
