import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The directory holding the canonical compiled-sql.v1 schemas. */
export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas/compiled-sql.v1')

/** The `$id` prefix every canonical schema shares. */
export const SCHEMA_BASE_URI = 'https://compiled-sql.dev/schemas/compiled-sql.v1/'

/** A JSON Schema object as read from disk. */
export type JsonSchema = Record<string, unknown>

/** One canonical schema file. */
export interface SchemaFile {
  /** The file name, such as `operation.schema.json`. */
  readonly fileName: string
  /** The schema name, such as `operation`. */
  readonly name: string
  /** The schema's `$id`. */
  readonly id: string
  readonly schema: JsonSchema
}

/** Reads every canonical schema, sorted by file name. */
export function readSchemaFiles(): SchemaFile[] {
  return readdirSync(SCHEMA_DIR)
    .filter((fileName) => fileName.endsWith('.schema.json'))
    .sort()
    .map((fileName) => {
      const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, fileName), 'utf8')) as JsonSchema
      const id = schema.$id
      if (id !== SCHEMA_BASE_URI + fileName) {
        throw new Error(`${fileName}: $id must be ${SCHEMA_BASE_URI + fileName}, found ${String(id)}`)
      }
      return { fileName, name: fileName.replace(/\.schema\.json$/, ''), id, schema }
    })
}

/**
 * Annotation keywords of ours that validators ignore: error-code overrides,
 * the error-code table's metadata, and token descriptions.
 */
export const ANNOTATION_KEYWORDS = [
  'x-error-code',
  'x-codes',
  'x-token-descriptions',
] as const
