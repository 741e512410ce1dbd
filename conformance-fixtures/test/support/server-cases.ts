import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type ServerCase, validateServerCase } from '@compiled-sql/protocol'

/** The server corpus directory. */
export const SERVER_DIR = fileURLToPath(new URL('../../compiled-sql.v1/server/', import.meta.url))

/** One file under the server corpus, before any check. */
export interface ServerFile {
  /** The path relative to the corpus directory, `/`-separated. */
  readonly path: string
  readonly text: string
}

/** Every file under the server corpus, whatever its extension, so that a stray file is noticed. */
export function loadServerFiles(dir: string = SERVER_DIR): ServerFile[] {
  const list = (prefix: string): string[] =>
    readdirSync(`${dir}/${prefix}`, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? list(`${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
  return list('')
    .sort()
    .map((path) => ({ path, text: readFileSync(`${dir}/${path}`, 'utf8') }))
}

/** A case file that is a well-formed server case. */
export interface CheckedServerCase {
  readonly path: string
  readonly serverCase: ServerCase
}

/** The case files (one folder down) that are well-formed; the lint test reports the others. */
export function loadServerCases(dir: string = SERVER_DIR): CheckedServerCase[] {
  return loadServerFiles(dir)
    .filter((file) => file.path.includes('/'))
    .flatMap((file) => {
      try {
        const result = validateServerCase(JSON.parse(file.text))
        return result.ok ? [{ path: file.path, serverCase: result.value }] : []
      } catch {
        return []
      }
    })
}

/** The world file of the server corpus, as far as the tests read it. */
export interface WorldFile {
  readonly data_sources: readonly { readonly uid: string; readonly seed?: readonly string[] }[]
  readonly meta_tables: readonly { readonly uid: string; readonly schema: string; readonly table: string }[]
  readonly principals: readonly { readonly id: string; readonly tokens: readonly string[] }[]
  readonly limits?: { readonly page_cap?: number }
}

/** `world.json` of the server corpus. */
export function loadWorld(dir: string = SERVER_DIR): WorldFile {
  return JSON.parse(readFileSync(`${dir}/world.json`, 'utf8')) as WorldFile
}

/** Every exchange of a case: setup steps, the main exchange, then steps. */
export function exchangesOf(serverCase: ServerCase): Array<Pick<ServerCase, 'request' | 'expect'> & { caller?: ServerCase['caller']; follow_pages?: boolean | undefined }> {
  return [...(serverCase.setup ?? []), serverCase, ...(serverCase.then ?? [])]
}

/** The realistic corpus the `legit.*` server cases are converted from, vendored in `sources/legit/`. */
export const LEGIT_DIR = fileURLToPath(new URL('../../sources/legit/', import.meta.url))
