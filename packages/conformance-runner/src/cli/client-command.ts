import { InvalidArgumentError, Option, type Command } from 'commander'
import { DEFAULT_CLIENT_TIMEOUT_MS } from '../client-suite/client-suite.js'
import { planAdapterRequests, runConformance } from '../run-conformance.js'
import { defaultClientFixturesDir } from '../client-suite/default-client-dir.js'
import type { CliIo } from './io.js'
import { writeOutput } from './write-output.js'
import { REPORT_FILE_OPTIONS, writeReports, type ReportOutputOptions } from './write-reports.js'

/** The options of `compiled-sql-conformance client`, as commander parses them. */
export interface ClientCommandOptions extends ReportOutputOptions {
  readonly fixtures?: string
  readonly adapter?: string
  readonly run: string[]
  readonly skip: string[]
  readonly knownFailures?: string
  readonly timeout: number
  readonly emitRequests?: string
}

/**
 * Runs the client suite through `--adapter` (or only writes its adapter
 * requests) and returns the exit code. Errors with their own exit code
 * propagate to `main`.
 */
export async function clientCommand(options: ClientCommandOptions, io: CliIo): Promise<number> {
  const runOptions = {
    suite: 'client',
    fixturesDir: options.fixtures,
    adapter: options.adapter,
    adapterStderr: io.stderr,
    timeoutMs: options.timeout,
    run: options.run,
    skip: options.skip,
    knownFailures: options.knownFailures,
  } as const
  if (options.emitRequests !== undefined) {
    await writeOutput(options.emitRequests, await planAdapterRequests(runOptions), io.stdout)
    return 0
  }
  const report = await runConformance(runOptions)
  await writeReports(report, options, io, options.fixtures ?? defaultClientFixturesDir())
  return report.exit_code
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function positiveInteger(value: string): number {
  const number = Number(value)
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer')
  return number
}

/** Adds `compiled-sql-conformance client` to the program. */
export function registerClientCommand(root: Command, io: CliIo, setExitCode: (code: number) => void): void {
  root
    .command('client')
    .description('Drive a client SDK through --adapter against a recording server that plays each case\'s script; check the requests it sends and the outcome it reports.')
    .option('--fixtures <dir>', 'the client corpus (default: @compiled-sql/conformance-fixtures compiled-sql.v1/client)')
    .option('--adapter <command>', 'a shell command that starts a client adapter speaking compiled-sql.adapter.v1 on stdin/stdout (required to run)')
    .option('--run <glob>', 'run only cases whose id matches (repeatable; * within a segment, ** across, a group name selects the group)', collect, [])
    .option('--skip <glob>', 'leave out cases whose id matches (repeatable)', collect, [])
    .option('--known-failures <file>', 'a known-failures baseline: {"known_failures": [{"id", "reason"}]}')
    .option('--report <file>', 'also write the JSON report to this file')
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option(...REPORT_FILE_OPTIONS[0])
    .option(...REPORT_FILE_OPTIONS[1])
    .addOption(new Option('--format <format>', 'stdout format (default: pretty on a terminal, else json)').choices(['pretty', 'json']))
    .option('--timeout <ms>', 'how long the adapter may take to answer one case', positiveInteger, DEFAULT_CLIENT_TIMEOUT_MS)
    .option('--emit-requests <file>', 'write the JSON Lines an adapter would receive to this file (- for stdout) and exit, starting nothing')
    .action(async (options: ClientCommandOptions) => setExitCode(await clientCommand(options, io)))
}
