import { validateClientCase } from '@compiled-sql/protocol'
import { corpusRoot, loadCorpusFiles } from '../fixtures/load-corpus.js'
import { listFixtureFiles } from '../fixtures/list-fixture-files.js'
import { clientCaseProblems } from './case-rules.js'
import { unrollScript, type LoadedClientCase } from './client-case.js'

/**
 * Loads the client corpus under `directory`, in corpus order, and checks all
 * of it before any case runs: each file is JSON, valid against
 * `client-case.schema.json`, stored at the path its id spells, has an id of
 * its own, and keeps the rules of {@link clientCaseProblems}. Every problem is
 * collected and thrown together.
 *
 * @throws {UsageError} when `directory` is not a directory.
 * @throws {FixtureError} listing every problem, or when there are no cases.
 */
export async function loadClientCases(directory: string): Promise<LoadedClientCase[]> {
  const root = await corpusRoot(directory)
  return loadCorpusFiles(root, await listFixtureFiles(root), {
    validate: validateClientCase,
    problems: clientCaseProblems,
    toCase: (fixture, path) => ({ fixture, path, steps: unrollScript(fixture.script) }),
    lacking: 'fixture files (*.json)',
  })
}
