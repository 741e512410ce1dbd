import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { validateClientCase, type ClientCase } from '@compiled-sql/protocol'
import { FixtureError, UsageError } from '../errors.js'
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
  const root = resolve(directory)
  const info = await stat(root).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) throw new UsageError(`fixtures directory not found: ${root}`)
  const problems: string[] = []
  const cases: LoadedClientCase[] = []
  const pathById = new Map<string, string>()
  for (const path of await listFixtureFiles(root)) {
    const fixture = checkFile(path, await readFile(join(root, path), 'utf8'), problems)
    if (fixture === undefined) continue
    const earlier = pathById.get(fixture.id)
    if (earlier !== undefined) {
      problems.push(`${path}: duplicate id ${fixture.id} (also in ${earlier})`)
      continue
    }
    pathById.set(fixture.id, path)
    cases.push({ fixture, path, steps: unrollScript(fixture.script) })
  }
  if (problems.length === 0 && cases.length === 0) problems.push(`${root}: no fixture files (*.json)`)
  if (problems.length > 0) throw new FixtureError(problems)
  return cases
}

function checkFile(path: string, text: string, problems: string[]): ClientCase | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    problems.push(`${path}: not JSON: ${(error as Error).message}`)
    return undefined
  }
  const result = validateClientCase(value)
  if (!result.ok) {
    for (const issue of result.errors) problems.push(`${path}: ${issue.code} at ${issue.instancePath || '(root)'}: ${issue.message}`)
    return undefined
  }
  const fixture = result.value
  const found = clientCaseProblems(fixture).map((problem) => `${path}: ${problem}`)
  if (path.split('/').join('.') !== `${fixture.id}.json`) found.push(`${path}: id ${fixture.id} belongs at ${fixture.id.replace('.', '/')}.json`)
  problems.push(...found)
  return found.length === 0 ? fixture : undefined
}
