import { readSchemaFiles, SCHEMA_BASE_URI, SCHEMA_DIR, type JsonSchema, type SchemaFile } from '../../scripts/schema-files.js'

/** The wire documents a fixture can name, as `VALIDATORS` keys them. */
export const WIRE_DOCUMENTS = ['operation', 'operation-result', 'error-response', 'run-query-request', 'run-query-response'] as const

/** One wire document name. */
export type WireDocument = (typeof WIRE_DOCUMENTS)[number]

/** Every canonical schema, read from `schemas/compiled-sql.v1/` (the source of truth, not the generated copy). */
export const SCHEMA_FILES: readonly SchemaFile[] = readSchemaFiles()

/** The directory of the canonical schemas, for the Python side. */
export const SCHEMA_DIRECTORY = SCHEMA_DIR

const byId = new Map(SCHEMA_FILES.map((file) => [file.id, file.schema]))

/** The `$id` of a document's schema. */
export function schemaIdOf(document: WireDocument): string {
  return `${SCHEMA_BASE_URI}${document}.schema.json`
}

/** Whether `name` is one of the five wire documents. */
export function isWireDocument(name: unknown): name is WireDocument {
  return typeof name === 'string' && (WIRE_DOCUMENTS as readonly string[]).includes(name)
}

/** A subschema together with the base URI its relative `$ref`s resolve against. */
export interface SchemaNode {
  readonly schema: JsonSchema
  readonly base: string
}

/** The root schema node of a wire document. */
export function rootNodeOf(document: WireDocument): SchemaNode {
  return resolveRef(schemaIdOf(document), schemaIdOf(document))
}

/**
 * Resolves a `$ref` (a schema file name, `#`, a `#/$defs/...` pointer, or both)
 * against a base URI. Our schemas only use these forms; anything else throws,
 * so that a schema change the walker does not understand is noticed.
 */
export function resolveRef(ref: string, base: string): SchemaNode {
  const url = new URL(ref, base)
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''))
  url.hash = ''
  const resource = byId.get(url.href)
  if (resource === undefined) throw new Error(`unresolvable $ref ${ref} from ${base}`)
  let schema: unknown = resource
  for (const token of fragment === '' ? [] : fragment.slice(1).split('/')) {
    schema = (schema as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  if (schema === null || typeof schema !== 'object') throw new Error(`$ref ${ref} from ${base} does not name a schema`)
  return { schema: schema as JsonSchema, base: url.href }
}
