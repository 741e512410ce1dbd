import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { Compile } from 'typebox/compile'
import { WorldSchema, type World } from './world-schema.js'

const checkWorld = Compile(WorldSchema)

/** A world file that cannot be served: unreadable, invalid JSON, off-schema, or inconsistent. */
export class WorldError extends Error {
  /** Each problem, as `pointer: message`. */
  readonly problems: readonly string[]

  constructor(file: string, problems: readonly string[]) {
    super(`${file} is not a valid world:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'WorldError'
    this.problems = problems
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>()
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)))
}

/** The references between sections that the schema alone cannot check. */
function consistencyProblems(world: World): string[] {
  const problems: string[] = []
  const dataSources = new Set(world.data_sources.map((d) => d.uid))
  const principals = new Set(world.principals.map((p) => p.id))
  const metaTables = new Set(world.meta_tables.map((m) => m.uid))
  for (const uid of duplicates(world.data_sources.map((d) => d.uid))) problems.push(`/data_sources: duplicate uid ${uid}`)
  for (const uid of duplicates(world.meta_tables.map((m) => m.uid))) problems.push(`/meta_tables: duplicate uid ${uid}`)
  for (const id of duplicates(world.principals.map((p) => p.id))) problems.push(`/principals: duplicate id ${id}`)
  for (const token of duplicates(world.principals.flatMap((p) => p.tokens))) {
    problems.push(`/principals: a token is shared by two principals (${token.slice(0, 4)}…)`)
  }
  world.meta_tables.forEach((m, i) => {
    if (!dataSources.has(m.data_source_uid)) problems.push(`/meta_tables/${i}/data_source_uid: no data source ${m.data_source_uid}`)
    if (!principals.has(m.owner)) problems.push(`/meta_tables/${i}/owner: no principal ${m.owner}`)
  })
  world.grants.forEach((g, i) => {
    if (!principals.has(g.principal)) problems.push(`/grants/${i}/principal: no principal ${g.principal}`)
    if (!metaTables.has(g.meta_table_uid)) problems.push(`/grants/${i}/meta_table_uid: no MetaTable ${g.meta_table_uid}`)
  })
  return problems
}

function expandEnvironment(text: string, env: NodeJS.ProcessEnv, problems: string[], pointer: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = env[name]
    if (value === undefined) problems.push(`${pointer}: environment variable ${name} is not set`)
    return value ?? ''
  })
}

/**
 * Reads and validates a world file. Relative `data_dir` and `seed` paths are
 * resolved against the file's directory, and `${NAME}` in connection strings
 * is replaced from the environment.
 *
 * @throws {WorldError} when the file cannot be served.
 */
export function loadWorld(file: string, env: NodeJS.ProcessEnv = process.env): World {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new WorldError(file, [error instanceof Error ? error.message : String(error)])
  }
  if (!checkWorld.Check(parsed)) {
    const problems = [...checkWorld.Errors(parsed)].slice(0, 20).map((e) => `${e.instancePath || '/'}: ${e.message}`)
    throw new WorldError(file, problems)
  }
  const world = parsed
  const problems = consistencyProblems(world)
  const base = dirname(resolve(file))
  const fromBase = (path: string) => (isAbsolute(path) ? path : resolve(base, path))
  const dataSources = world.data_sources.map((source, i) => {
    const seed = source.seed?.map(fromBase)
    if (source.engine === 'pglite') {
      return { ...source, ...(seed && { seed }), ...(source.data_dir !== undefined && { data_dir: fromBase(source.data_dir) }) }
    }
    const connection_string = expandEnvironment(source.connection_string, env, problems, `/data_sources/${i}/connection_string`)
    return { ...source, ...(seed && { seed }), connection_string }
  })
  if (problems.length > 0) throw new WorldError(file, problems)
  return { ...world, data_sources: dataSources }
}
