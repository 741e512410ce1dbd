import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS_DIR, type Manifest, PACKAGE_DIR, buildManifest, formatManifest } from '../scripts/manifest.js'
import { loadCheckedFixtures } from './support/fixtures.js'

/**
 * The corpus release manifest (`manifest.json`): committed as generated, so it
 * must be what the corpus on disk gives now, and it must let a reader that has
 * no npm check every byte of the corpus it pinned.
 */
const committedText = readFileSync(join(PACKAGE_DIR, 'manifest.json'), 'utf8')
const committed = JSON.parse(committedText) as Manifest
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex')

/** Every file under the corpus directory, found independently of the manifest builder. */
const filesOnDisk = readdirSync(join(PACKAGE_DIR, CORPUS_DIR), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(PACKAGE_DIR, join(entry.parentPath, entry.name)).split(sep).join('/'))

describe('manifest.json', () => {
  it('is what the corpus on disk gives (run `npm run manifest -w @compiled-sql/conformance-fixtures` when it is not)', () => {
    expect(committedText).toBe(formatManifest(buildManifest()))
  })

  it('lists every file of every suite exactly once, sorted by path', () => {
    const paths = committed.files.map((file) => file.path)
    expect(paths).toEqual([...filesOnDisk].sort())
    expect(new Set(paths).size).toBe(paths.length)
    for (const file of committed.files) expect(file.suite).toBe(file.path.split('/')[1])
  })

  it('gives each file the SHA-256 of its bytes, and the corpus the SHA-256 of the sha256sum lines', () => {
    for (const file of committed.files) expect(file.sha256, file.path).toBe(sha256(readFileSync(join(PACKAGE_DIR, file.path))))
    const lines = committed.files.map((file) => `${file.sha256}  ${file.path}\n`).join('')
    expect(committed.corpus_sha256).toBe(sha256(lines))
  })

  it('names every envelope case by its id, and no other file as a case', () => {
    const envelopeCases = committed.files.filter((file) => file.suite === 'envelopes' && file.kind === 'case')
    const fixtures = loadCheckedFixtures()
    expect(envelopeCases.map((file) => [file.path, file.id])).toEqual(
      fixtures.map(({ path, fixture }) => [`${CORPUS_DIR}/envelopes/${path}`, fixture.id]),
    )
    const ids = committed.files.flatMap((file) => (file.id === undefined ? [] : [file.id]))
    expect(new Set(ids).size).toBe(ids.length)
    for (const file of committed.files.filter((entry) => entry.kind === 'support')) {
      expect(file.id, file.path).toBeUndefined()
      const content: unknown = file.path.endsWith('.json') ? JSON.parse(readFileSync(join(PACKAGE_DIR, file.path), 'utf8')) : null
      expect((content as { id?: unknown } | null)?.id, file.path).toBeUndefined()
    }
  })

  it('is packed with every file it lists by `npm pack`', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_DIR, encoding: 'utf8' })
    const [pack] = JSON.parse(output) as { files: { path: string }[] }[]
    const packed = new Set(pack?.files.map((file) => file.path))
    expect(packed.has('manifest.json')).toBe(true)
    expect(committed.files.filter((file) => !packed.has(file.path))).toEqual([])
  })
})
