import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type EnvelopeFixture, validateEnvelopeFixture } from '@compiled-sql/protocol'
import type { Json } from './json.js'

/** The envelope corpus directory. */
export const ENVELOPES_DIR = fileURLToPath(new URL('../../compiled-sql.v1/envelopes/', import.meta.url))

/** One fixture file as read from disk, before any check. */
export interface FixtureFile {
  /** The path relative to the corpus directory, `/`-separated (`limits/max-rows-zero.json`). */
  readonly path: string
  /** The parsed content, or the parse error's message when the file is not JSON. */
  readonly content: unknown
  readonly parseError?: string
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(`${dir}/${prefix}`, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort()
}

/** Every file under the corpus directory, whatever its extension, so that a stray file is noticed. */
export function loadFixtureFiles(dir: string = ENVELOPES_DIR): FixtureFile[] {
  return listFiles(dir).map((path) => {
    const text = readFileSync(`${dir}/${path}`, 'utf8')
    try {
      return { path, content: JSON.parse(text) as unknown }
    } catch (error) {
      return { path, content: undefined, parseError: error instanceof Error ? error.message : String(error) }
    }
  })
}

/** A fixture file that is a well-formed fixture. */
export interface CheckedFixture {
  readonly path: string
  readonly fixture: EnvelopeFixture
}

/**
 * The files that are well-formed fixtures. A file that is not is left out here
 * and reported by the lint test, so that one bad file does not hide the
 * results of every other case.
 */
export function loadCheckedFixtures(dir: string = ENVELOPES_DIR): CheckedFixture[] {
  return loadFixtureFiles(dir).flatMap((file) => {
    const result = validateEnvelopeFixture(file.content)
    return result.ok ? [{ path: file.path, fixture: result.value }] : []
  })
}

/** The well-formed fixtures of the corpus (see {@link loadCheckedFixtures}). */
export function loadFixtures(dir: string = ENVELOPES_DIR): EnvelopeFixture[] {
  return loadCheckedFixtures(dir).map(({ fixture }) => fixture)
}

/** The document a fixture puts under test: its `envelope_text` parsed when present (the exact bytes win), else `envelope`. */
export function documentOf(fixture: EnvelopeFixture): Json {
  return (fixture.envelope_text === undefined ? fixture.envelope : JSON.parse(fixture.envelope_text)) as Json
}
