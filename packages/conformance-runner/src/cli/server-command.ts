import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { UsageError } from '../errors.js'
import { runConformance } from '../run-conformance.js'
import { SERVER_DEFAULTS } from '../server/server-options.js'
import { defaultServerFixturesDir } from '../server/default-server-dir.js'
import type { CliIo } from './io.js'
import { addCaseOptions, positiveInteger } from './case-options.js'
import { writeReports, type ReportOutputOptions } from './write-reports.js'

/** The options of `compiled-sql-conformance server`, as commander parses them. */
export interface ServerCommandOptions extends ReportOutputOptions {
  readonly fixtures?: string
  readonly spawn?: string
  readonly target?: string
  readonly resetCommand?: string
  readonly jobs?: number
  readonly run: string[]
  readonly skip: string[]
  readonly knownFailures?: string
  readonly timeout?: number
  readonly startTimeout?: number
  readonly serverLog?: string
  readonly implementation?: string
  readonly implementationVersion?: string
  readonly implementationLanguage?: string
}

/** Opens `--server-log` (`-` is the runner's standard error). */
async function openServerLog(file: string | undefined, io: CliIo): Promise<NodeJS.WritableStream | undefined> {
  if (file === undefined) return undefined
  if (file === '-') return io.stderr
  const path = resolve(file)
  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`)
  }
  return createWriteStream(path)
}

/**
 * Runs the server suite against a spawned or running server and returns the
 * exit code. Errors with their own exit code propagate to `main`.
 */
export async function serverCommand(options: ServerCommandOptions, io: CliIo): Promise<number> {
  const serverLog = await openServerLog(options.serverLog, io)
  const implementation = {
    ...(options.implementation !== undefined && { name: options.implementation }),
    ...(options.implementationVersion !== undefined && { version: options.implementationVersion }),
    ...(options.implementationLanguage !== undefined && { language: options.implementationLanguage }),
  }
  try {
    const report = await runConformance({
      suite: 'server',
      fixturesDir: options.fixtures,
      spawn: options.spawn,
      target: options.target,
      resetCommand: options.resetCommand,
      jobs: options.jobs,
      timeoutMs: options.timeout,
      startTimeoutMs: options.startTimeout,
      serverLog,
      implementation,
      run: options.run,
      skip: options.skip,
      knownFailures: options.knownFailures,
    })
    await writeReports(report, options, io, options.fixtures ?? defaultServerFixturesDir())
    return report.exit_code
  } finally {
    if (serverLog !== undefined && serverLog !== io.stderr) serverLog.end()
  }
}

/** Adds `compiled-sql-conformance server` to the program. */
export function registerServerCommand(root: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = root
    .command('server')
    .description('Run every server case over HTTP against a server serving the corpus world: one started with --spawn, or one running at --target.')
    .option('--fixtures <dir>', 'the server corpus (default: @compiled-sql/conformance-fixtures compiled-sql.v1/server)')
    .option('--spawn <command>', 'a shell command that starts a server; {world}, {seed}, {corpus}, {port} are replaced (and set as COMPILED_SQL_WORLD, …)')
    .option('--target <url>', 'the base URL of a server already serving the corpus world')
    .option('--reset-command <command>', 'with --target: a shell command that restores the seeded world before each fresh case')
    .option('--jobs <n>', `with --spawn: fresh cases run at once, each on its own server (default ${SERVER_DEFAULTS.jobs})`, positiveInteger)
  addCaseOptions(command)
    .option('--timeout <ms>', `how long one HTTP request may take (default ${SERVER_DEFAULTS.timeoutMs})`, positiveInteger)
    .option('--start-timeout <ms>', `how long a spawned server may take to listen, or a reset to finish (default ${SERVER_DEFAULTS.startTimeoutMs})`, positiveInteger)
    .option('--server-log <file>', "append spawned servers' standard error to this file (- for the runner's stderr)")
    .option('--implementation <name>', 'the implementation under test, as the report names it')
    .option('--implementation-version <version>', "the implementation's version, for the report")
    .option('--implementation-language <language>', "the implementation's language, for the report")
    .action(async (options: ServerCommandOptions) => setExitCode(await serverCommand(options, io)))
}
