import { readFile } from 'node:fs/promises'
import { UsageError } from './errors.js'

/** One entry of a known-failures baseline: a case id and why it is expected to fail. */
export interface KnownFailure {
  readonly id: string
  readonly reason: string
}

/**
 * The known-failures baseline file, `{"known_failures": [{"id", "reason"}]}`.
 * A failing case listed here does not fail the run; a listed id that passes,
 * or that no case has, does (exit code 2), so the file cannot rot.
 */
export interface KnownFailuresFile {
  readonly known_failures: readonly KnownFailure[]
}

/** A parsed baseline: reason by case id. */
export type KnownFailures = ReadonlyMap<string, string>

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/

/**
 * Checks a baseline value and indexes it by id.
 *
 * @param source - Where the value came from, for error messages.
 * @throws {UsageError} listing every problem: not an object, unknown keys,
 *   an entry without a valid `id` or a non-empty `reason`, a duplicate id.
 */
export function parseKnownFailures(value: unknown, source: string): KnownFailures {
  const problems: string[] = []
  const byId = new Map<string, string>()
  if (!isObject(value) || !Array.isArray(value.known_failures)) {
    throw new UsageError(`${source}: a known-failures file is {"known_failures": [{"id": "...", "reason": "..."}]}`)
  }
  for (const key of Object.keys(value)) if (key !== 'known_failures') problems.push(`unknown key ${JSON.stringify(key)}`)
  for (const [index, entry] of (value.known_failures as unknown[]).entries()) {
    const problem = entryProblem(entry, byId)
    if (problem !== undefined) problems.push(`known_failures[${index}]${problem}`)
    else byId.set((entry as KnownFailure).id, (entry as KnownFailure).reason)
  }
  if (problems.length > 0) throw new UsageError(`${source}: invalid known-failures file:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  return byId
}

/** Reads and checks a baseline file. @throws {UsageError} when it is missing, not JSON, or malformed. */
export async function loadKnownFailures(file: string): Promise<KnownFailures> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read known-failures file ${file}: ${(error as Error).message}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${file}: not JSON: ${(error as Error).message}`)
  }
  return parseKnownFailures(value, file)
}

/** What is wrong with one entry (to append to its position), or undefined. */
function entryProblem(entry: unknown, seen: KnownFailures): string | undefined {
  if (!isObject(entry)) return ' is not an object'
  const unknown = Object.keys(entry).find((key) => key !== 'id' && key !== 'reason')
  if (unknown !== undefined) return ` has unknown key ${JSON.stringify(unknown)}`
  if (typeof entry.id !== 'string' || !ID_PATTERN.test(entry.id)) return '.id is not a case id'
  if (typeof entry.reason !== 'string' || entry.reason.trim() === '') return '.reason must be a non-empty string'
  if (seen.has(entry.id)) return `: duplicate id ${entry.id}`
  return undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads the baseline from a file, or checks an in-memory one; none means empty. */
export async function resolveKnownFailures(source: string | KnownFailuresFile | undefined): Promise<KnownFailures> {
  if (source === undefined) return new Map()
  return typeof source === 'string' ? loadKnownFailures(source) : parseKnownFailures(source, 'knownFailures')
}
