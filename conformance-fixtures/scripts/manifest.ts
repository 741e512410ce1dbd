import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The root of the fixtures package, which holds `compiled-sql.v1/` and `manifest.json`. */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

/** The corpus directory, relative to {@link PACKAGE_DIR}: every file below it is listed. */
export const CORPUS_DIR = 'compiled-sql.v1'

/** The manifest format, so that a reader can refuse one it does not know. */
export const MANIFEST_FORMAT = 'compiled-sql.corpus-manifest.v1'

/** One file of the corpus. */
export interface ManifestEntry {
  /** The case id: present for a case (a JSON object with a string `id`), absent for a support file. */
  readonly id?: string
  /** The path relative to the package root, `/`-separated: `compiled-sql.v1/envelopes/limits/max-rows-zero.json`. */
  readonly path: string
  /** The suite directory the file belongs to: `envelopes`, `server`, ... */
  readonly suite: string
  /** `case`, or `support` for a file a suite reads besides its cases (`server/world.json`, `server/seed.sql`). */
  readonly kind: 'case' | 'support'
  /** The SHA-256 of the file's bytes, lowercase hex. */
  readonly sha256: string
}

/** The corpus release manifest (`manifest.json`). */
export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT
  readonly protocol: 'compiled-sql.v1'
  /** The SHA-256 of {@link sha256sumLines} of `files`: one hash for the whole corpus. */
  readonly corpus_sha256: string
  /** Every file under `compiled-sql.v1/`, sorted by path. */
  readonly files: readonly ManifestEntry[]
}

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex')

/** Every file below `dir`, as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort()
}

/** The case id of a file: the `id` of a JSON object, or undefined for anything else. */
function caseId(path: string, bytes: Buffer): string | undefined {
  if (!path.endsWith('.json')) return undefined
  const content: unknown = JSON.parse(bytes.toString('utf8'))
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return undefined
  const id = (content as Record<string, unknown>)['id']
  return typeof id === 'string' ? id : undefined
}

/**
 * The lines `sha256sum` prints for the files, in order (`<sha256>  <path>\n`):
 * what `corpus_sha256` hashes, and what `sha256sum -c` checks in a checkout.
 */
export function sha256sumLines(files: readonly ManifestEntry[]): string {
  return files.map((file) => `${file.sha256}  ${file.path}\n`).join('')
}

/** Reads the corpus under `packageDir` and returns its manifest. Deterministic: same bytes, same manifest. */
export function buildManifest(packageDir: string = PACKAGE_DIR): Manifest {
  const corpus = join(packageDir, CORPUS_DIR)
  const files = listFiles(corpus).map((relative): ManifestEntry => {
    const bytes = readFileSync(join(corpus, relative))
    const id = caseId(relative, bytes)
    const path = `${CORPUS_DIR}/${relative}`
    const suite = relative.split('/')[0] ?? ''
    const hash = sha256(bytes)
    return id === undefined ? { path, suite, kind: 'support', sha256: hash } : { id, path, suite, kind: 'case', sha256: hash }
  })
  return { format: MANIFEST_FORMAT, protocol: 'compiled-sql.v1', corpus_sha256: sha256(sha256sumLines(files)), files }
}

/** The manifest as `manifest.json` holds it. */
export function formatManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}
