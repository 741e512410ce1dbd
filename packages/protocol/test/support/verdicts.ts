import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12'
import { VALIDATORS } from '../../src/index.js'
import { SCHEMA_FILES, schemaIdOf, WIRE_DOCUMENTS, type WireDocument } from './schemas.js'

/** What a validator said about a document; `error: ...` when it threw instead. */
export type Verdict = 'valid' | 'invalid' | `error: ${string}`

/** The three verdicts on one document. */
export interface Verdicts {
  readonly shipped: Verdict
  readonly hyperjump: Verdict
  readonly python: Verdict
}

function guarded(check: () => boolean): Verdict {
  try {
    return check() ? 'valid' : 'invalid'
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`
  }
}

/** The shipped validator's verdict (`VALIDATORS[document]` from `src/index.ts`). */
export function shippedVerdict(document: WireDocument, value: unknown): Verdict {
  return guarded(() => VALIDATORS[document](value).ok)
}

/** A compiled @hyperjump/json-schema validator per wire document. */
export type HyperjumpValidators = Readonly<Record<WireDocument, (value: unknown) => boolean>>

let registered = false

/**
 * Registers every canonical schema with @hyperjump/json-schema by its `$id`
 * (once per process: hyperjump's registry is global) and compiles one
 * draft 2020-12 validator per wire document.
 */
export async function hyperjumpValidators(): Promise<HyperjumpValidators> {
  if (!registered) {
    for (const file of SCHEMA_FILES) registerSchema(file.schema as Parameters<typeof registerSchema>[0], file.id)
    registered = true
  }
  const entries = await Promise.all(
    WIRE_DOCUMENTS.map(async (document) => {
      const check = await validate(schemaIdOf(document))
      return [document, (value: unknown) => check(value as Parameters<typeof check>[0]).valid] as const
    }),
  )
  return Object.fromEntries(entries) as Record<WireDocument, (value: unknown) => boolean>
}

/** The hyperjump verdict. */
export function hyperjumpVerdict(validators: HyperjumpValidators, document: WireDocument, value: unknown): Verdict {
  return guarded(() => validators[document](value))
}
