import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { FixtureError } from '../errors.js'

/** What the runner needs of the corpus's world file: where it is, and who can call. */
export interface ServerWorld {
  /** `world.json`, absolute. */
  readonly file: string
  /** The first seed file of the first data source, absolute: the `{seed}` placeholder. */
  readonly seedFile: string | undefined
  /** Each principal's first bearer token, by principal id. */
  readonly tokens: ReadonlyMap<string, string>
}

interface WorldShape {
  readonly data_sources?: readonly { readonly seed?: readonly string[] }[]
  readonly principals?: readonly { readonly id?: unknown; readonly tokens?: readonly unknown[] }[]
}

/**
 * Reads the world a server under test serves. The runner reads only the
 * principals (to send their tokens) and the first seed (for `{seed}`); the
 * server validates the rest.
 *
 * @throws {FixtureError} when the file is missing, not JSON, or has principals without tokens.
 */
export async function loadServerWorld(directory: string): Promise<ServerWorld> {
  const file = join(directory, 'world.json')
  let world: WorldShape
  try {
    world = JSON.parse(await readFile(file, 'utf8')) as WorldShape
  } catch (error) {
    throw new FixtureError([`world.json: cannot read the world: ${(error as Error).message}`])
  }
  const tokens = new Map<string, string>()
  const problems: string[] = []
  for (const [index, principal] of (Array.isArray(world.principals) ? world.principals : []).entries()) {
    const token = principal.tokens?.[0]
    if (typeof principal.id !== 'string' || typeof token !== 'string') problems.push(`world.json: /principals/${index} needs an id and a token`)
    else tokens.set(principal.id, token)
  }
  if (tokens.size === 0) problems.push('world.json: no principal with a token')
  if (problems.length > 0) throw new FixtureError(problems)
  const seed = world.data_sources?.[0]?.seed?.[0]
  const seedFile = seed === undefined ? undefined : isAbsolute(seed) ? seed : resolve(dirname(file), seed)
  return { file, seedFile, tokens }
}
