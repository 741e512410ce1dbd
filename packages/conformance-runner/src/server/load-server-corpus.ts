import { validateServerCase, type ServerCase } from '@compiled-sql/protocol'
import { listFixtureFiles } from '../fixtures/list-fixture-files.js'
import { corpusRoot, loadCorpusFiles } from '../fixtures/load-corpus.js'
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
  const root = await corpusRoot(directory)
  const world = await loadServerWorld(root)
  // Files at the top are the world; cases live one folder down.
  const paths = (await listFixtureFiles(root)).filter((file) => file.includes('/'))
  const cases = await loadCorpusFiles(root, paths, {
    validate: validateServerCase,
    problems: (serverCase) => caseProblems(serverCase, world),
    // The schema checked the plain parse; the runner sends and compares the exact one.
    toCase: (_, path, text) => ({ serverCase: parseExact(text) as ServerCase, path }),
    lacking: 'case files (<group>/<name>.json)',
  })
  return { directory: root, world, cases }
}
