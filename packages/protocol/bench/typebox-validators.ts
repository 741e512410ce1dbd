import { Compile } from 'typebox/schema'
import { SCHEMA_FILES, schemaIdOf, WIRE_DOCUMENTS, type WireDocument } from '../test/support/schemas.js'

/** A TypeBox check per wire document. */
export type TypeBoxChecks = Readonly<Record<WireDocument, (value: unknown) => boolean>>

/**
 * Compiles each wire document's canonical JSON Schema with TypeBox 1.x
 * (`typebox/schema` `Compile(context, schema)`), which JIT-compiles raw JSON
 * Schema. The context maps every schema's `$id` to the schema, which is how
 * TypeBox resolves the cross-file `$ref`s; no inlining is needed.
 */
export function typeBoxChecks(): TypeBoxChecks {
  const context = Object.fromEntries(SCHEMA_FILES.map((file) => [file.id, file.schema]))
  const entries = WIRE_DOCUMENTS.map((document) => {
    const validator = Compile(context, context[schemaIdOf(document)]!)
    if (!validator.IsAccelerated()) throw new Error(`TypeBox did not JIT-compile ${document}`)
    return [document, (value: unknown) => validator.Check(value)] as const
  })
  return Object.fromEntries(entries) as Record<WireDocument, (value: unknown) => boolean>
}
