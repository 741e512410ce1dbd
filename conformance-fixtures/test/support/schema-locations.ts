import { isJsonObject } from './json.js'
import { type Location, locationsIn } from './keywords.js'
import type { SchemaNode, SchemaRegistry } from './schema-registry.js'

/** The wire documents, by the name fixtures give them, and their schema files. */
export const DOCUMENT_FILES = {
  operation: 'operation.schema.json',
  'operation-result': 'operation-result.schema.json',
  'error-response': 'error-response.schema.json',
  'run-query-request': 'run-query-request.schema.json',
  'run-query-response': 'run-query-response.schema.json',
} as const

/** The files the coverage gate covers: the wire documents and every schema they reference. */
export const COVERED_FILES = [
  ...Object.values(DOCUMENT_FILES),
  'type-token.schema.json',
  'parameter-value.schema.json',
  'error-code.schema.json',
] as const

/** The subschemas directly under `node`, with `$defs` only when `withDefs`. */
function subschemas(registry: SchemaRegistry, node: SchemaNode, withDefs: boolean): SchemaNode[] {
  const s = node.schema
  const found: SchemaNode[] = []
  const keyed = withDefs ? ['properties', '$defs'] : ['properties']
  for (const keyword of keyed) {
    const members = s[keyword]
    if (isJsonObject(members)) for (const name of Object.keys(members)) found.push(registry.child(node, keyword, name))
  }
  for (const keyword of ['items', 'additionalProperties', 'propertyNames']) {
    if (isJsonObject(s[keyword])) found.push(registry.child(node, keyword))
  }
  const oneOf = s['oneOf']
  if (Array.isArray(oneOf)) oneOf.forEach((_, index) => found.push(registry.child(node, 'oneOf', String(index))))
  return found
}

function walk(registry: SchemaRegistry, starts: readonly SchemaNode[], mode: 'files' | 'references'): Set<Location> {
  const locations = new Set<Location>()
  const seen = new Set<string>()
  const pending = [...starts]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const key = `${node.file}#${node.pointer}`
    if (seen.has(key)) continue
    seen.add(key)
    for (const location of locationsIn(node)) locations.add(location)
    pending.push(...subschemas(registry, node, mode === 'files'))
    const ref = node.schema['$ref']
    if (mode === 'references' && typeof ref === 'string') pending.push(registry.resolve(node, ref))
  }
  return locations
}

/** Every location written in `files`, `$defs` included, whether or not a document can reach it. */
export function locationsInFiles(registry: SchemaRegistry, files: readonly string[] = COVERED_FILES): Set<Location> {
  return walk(registry, files.map((file) => registry.root(file)), 'files')
}

/** The locations a document can reach from the roots of `documentFiles` by following subschemas and `$ref`. */
export function reachableLocations(registry: SchemaRegistry, documentFiles: readonly string[] = Object.values(DOCUMENT_FILES)): Set<Location> {
  return walk(registry, documentFiles.map((file) => registry.root(file)), 'references')
}

/** The file part of a location. */
export function fileOfLocation(location: Location): string {
  return location.slice(0, location.indexOf('#'))
}
