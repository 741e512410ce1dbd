import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { validateServerCase, type ServerCase } from '@compiled-sql/protocol'
import { FixtureError, UsageError } from '../errors.js'
import { listFixtureFiles } from '../fixtures/list-fixture-files.js'
import { caseProblems } from './case-rules.js'
import { parseExact } from './exact-json.js'
import { loadServerWorld, type ServerWorld } from './server-world.js'

/** One loaded, checked server case. */
export interface LoadedServerCase {
  /** The case, read with every number exact (see {@link parseExact}). */
  readonly serverCase: ServerCase
  /** The file, relative to the corpus directory, with `/` separators. */
  readonly path: string
}

/** The server corpus: its world and its cases in corpus order (sorted by path). */
export interface ServerCorpus {
  /** The corpus directory, absolute. */
  readonly directory: string
  readonly world: ServerWorld
  readonly cases: readonly LoadedServerCase[]
}

/**
 * Loads the server corpus under `directory`: `world.json` (and the seed files
 * it names) at the top, one case per file at `<group>/<name>.json`. The whole
 * corpus is checked before any case runs, and every problem is reported.
 *
 * @throws {UsageError} when `directory` is not a directory.
 * @throws {FixtureError} when the world is unreadable, or a case is not JSON,
 *   fails `server-case.schema.json` or the rules of {@link caseProblems}, is
 *   stored at a path that does not spell its id, or shares its id; or when
 *   there are no cases.
 */
export async function loadServerCorpus(directory: string): Promise<ServerCorpus> {
  const root = resolve(directory)
  const info = await stat(root).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) throw new UsageError(`fixtures directory not found: ${root}`)
  const world = await loadServerWorld(root)
  const problems: string[] = []
  const cases: LoadedServerCase[] = []
  const pathById = new Map<string, string>()
  // Files at the top are the world; cases live one folder down.
  for (const path of (await listFixtureFiles(root)).filter((file) => file.includes('/'))) {
    const serverCase = checkCase(path, await readFile(join(root, path), 'utf8'), world, problems)
    if (serverCase === undefined) continue
    const earlier = pathById.get(serverCase.id)
    if (earlier !== undefined) {
      problems.push(`${path}: duplicate id ${serverCase.id} (also in ${earlier})`)
      continue
    }
    pathById.set(serverCase.id, path)
    cases.push({ serverCase, path })
  }
  if (problems.length === 0 && cases.length === 0) problems.push(`${root}: no case files (<group>/<name>.json)`)
  if (problems.length > 0) throw new FixtureError(problems)
  return { directory: root, world, cases }
}

function checkCase(path: string, text: string, world: ServerWorld, problems: string[]): ServerCase | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    problems.push(`${path}: not JSON: ${(error as Error).message}`)
    return undefined
  }
  const result = validateServerCase(value)
  if (!result.ok) {
    for (const issue of result.errors) problems.push(`${path}: ${issue.code} at ${issue.instancePath || '(root)'}: ${issue.message}`)
    return undefined
  }
  const before = problems.length
  if (path.split('/').join('.') !== `${result.value.id}.json`) {
    problems.push(`${path}: id ${result.value.id} belongs at ${result.value.id.replace('.', '/')}.json`)
  }
  for (const problem of caseProblems(result.value, world)) problems.push(`${path}: ${problem}`)
  // The schema checked the plain parse; the runner sends and compares the exact one.
  return problems.length === before ? (parseExact(text) as ServerCase) : undefined
}
