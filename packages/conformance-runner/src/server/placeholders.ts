import { createServer } from 'node:net'
import type { ServerCorpus } from './load-server-corpus.js'

/** What a `--spawn` or `--reset-command` command line may refer to. */
export interface TargetPlaceholders {
  readonly world: string
  readonly seed: string
  readonly corpus: string
  readonly port: number
}

/** A port nobody listens on right now, for `{port}`. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

/** The placeholder values for one target of `corpus`, with a fresh port. */
export async function placeholdersFor(corpus: ServerCorpus): Promise<TargetPlaceholders> {
  return { world: corpus.world.file, seed: corpus.world.seedFile ?? '', corpus: corpus.directory, port: await freePort() }
}

/** Quotes a value for `/bin/sh`. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

/** A command line with `{world}`, `{seed}`, `{corpus}` and `{port}` replaced, each value quoted for the shell. */
export function expandCommand(command: string, values: TargetPlaceholders): string {
  return command.replace(/\{(world|seed|corpus|port)\}/g, (_, name: keyof TargetPlaceholders) => shellQuote(String(values[name])))
}

/** The same values as environment variables, for commands that read them there. */
export function placeholderEnv(values: TargetPlaceholders): Record<string, string> {
  return {
    COMPILED_SQL_WORLD: values.world,
    COMPILED_SQL_SEED: values.seed,
    COMPILED_SQL_CORPUS: values.corpus,
    COMPILED_SQL_PORT: String(values.port),
  }
}
