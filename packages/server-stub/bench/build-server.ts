import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'tsup'

/** The modules of the compiled server the benchmark measures, typed as their sources. */
export interface BuiltServer {
  /** The compiled start-stub-server.js, for the server process to import. */
  readonly entry: string
  readonly exec: typeof import('../src/exec/index.js')
  readonly sql: typeof import('../src/sql/index.js')
  readonly jsonBody: typeof import('../src/http/json-body.js')
  readonly authenticate: typeof import('../src/http/authenticate.js')
  readonly checkEnvelope: typeof import('../src/pipeline/check-envelope.js')
  readonly checkParameters: typeof import('../src/pipeline/check-parameters.js')
  readonly resolveScope: typeof import('../src/pipeline/resolve-scope.js')
  readonly loadWorld: typeof import('../src/world/load-world.js')
  readonly registry: typeof import('../src/world/registry.js')
}

/**
 * Compiles src/ with tsup, as the package's build does, file by file into
 * bench/.cache/server (git-ignored), and imports what the benchmark calls
 * from there. Running src under tsx instead would measure tsx: it forces
 * esbuild's `keepNames`, which wraps every closure the server creates per
 * request in a `__name` call (a few percent of its CPU).
 */
export async function buildServer(): Promise<BuiltServer> {
  const src = fileURLToPath(new URL('../src/', import.meta.url))
  const outDir = fileURLToPath(new URL('./.cache/server/', import.meta.url))
  await build({
    entry: [`${src}**/*.ts`],
    outDir,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    bundle: false,
    dts: false,
    sourcemap: false,
    clean: true,
    silent: true,
    config: false,
  })
  const load = <T>(file: string): Promise<T> => import(pathToFileURL(join(outDir, file)).href) as Promise<T>
  return {
    entry: join(outDir, 'start-stub-server.js'),
    exec: await load('exec/index.js'),
    sql: await load('sql/index.js'),
    jsonBody: await load('http/json-body.js'),
    authenticate: await load('http/authenticate.js'),
    checkEnvelope: await load('pipeline/check-envelope.js'),
    checkParameters: await load('pipeline/check-parameters.js'),
    resolveScope: await load('pipeline/resolve-scope.js'),
    loadWorld: await load('world/load-world.js'),
    registry: await load('world/registry.js'),
  }
}
