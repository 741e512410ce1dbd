import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isWireDocument, type WireDocument } from './schemas.js'

/** Where the envelope conformance corpus lives. */
export const FIXTURE_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '../../../../conformance-fixtures/compiled-sql.v1/envelopes')

/** One corpus case, reduced to what the gate needs. */
export interface FixtureCase {
  readonly id: string
  readonly file: string
  readonly document: WireDocument
  readonly valid: boolean
  /** The text validators read: `envelope_text` when present, else `JSON.stringify(envelope)`. */
  readonly text: string
}

/** What reading the corpus found. */
export interface FixtureCorpus {
  readonly cases: readonly FixtureCase[]
  /** Files the gate cannot use: not JSON, or without a wire document to validate. */
  readonly unreadable: ReadonlyArray<{ readonly file: string; readonly reason: string }>
}

function jsonFiles(directory: string): string[] {
  try {
    return readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(directory, name))
  } catch {
    return []
  }
}

/**
 * Reads every case under `envelopes/**` as it is on disk now (other tools
 * write the corpus; the gate takes whatever exists when it runs).
 */
export function readFixtureCorpus(directory: string = FIXTURE_DIRECTORY): FixtureCorpus {
  const cases: FixtureCase[] = []
  const unreadable: Array<{ file: string; reason: string }> = []
  for (const path of jsonFiles(directory)) {
    const file = relative(directory, path)
    try {
      const fixture = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
      const { id, document, valid, envelope, envelope_text: envelopeText } = fixture
      if (!isWireDocument(document)) throw new Error(`document ${JSON.stringify(document)} is not a wire document`)
      if (typeof valid !== 'boolean') throw new Error('valid is not a boolean')
      if (envelopeText !== undefined && typeof envelopeText !== 'string') throw new Error('envelope_text is not a string')
      if (envelopeText === undefined && !Object.hasOwn(fixture, 'envelope')) throw new Error('neither envelope nor envelope_text')
      const text = envelopeText ?? JSON.stringify(envelope)
      JSON.parse(text)
      cases.push({ id: typeof id === 'string' ? id : file, file, document, valid, text })
    } catch (error) {
      unreadable.push({ file, reason: error instanceof Error ? error.message : String(error) })
    }
  }
  return { cases, unreadable }
}
