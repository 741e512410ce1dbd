import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { ConformanceError } from '../errors.js'
import { EXIT_CODES } from '../exit-codes.js'
import { DEFAULT_ADAPTER_TIMEOUT_MS } from '../targets/adapter-session.js'
import { envelopesCommand, type EnvelopesCommandOptions } from './envelopes-command.js'
import { processIo, type CliIo } from './io.js'
import { REPORT_FILE_OPTIONS } from './write-reports.js'
import { registerServerCommand } from './server-command.js'
import { registerClientCommand } from './client-command.js'

function runnerVersion(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('@compiled-sql/conformance-runner/package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function positiveInteger(value: string): number {
  const number = Number(value)
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer')
  return number
}

function program(io: CliIo, setExitCode: (code: number) => void): Command {
  const root = new Command('compiled-sql-conformance')
    .description('Replays the compiled-sql.v1 conformance corpus against an implementation, in process or through an adapter.')
    .version(runnerVersion())
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)')
  root
    .command('envelopes')
    .description('Validate every envelope case: in process with @compiled-sql/protocol, or through --adapter.')
    .option('--fixtures <dir>', 'the envelope corpus (default: @compiled-sql/conformance-fixtures compiled-sql.v1/envelopes)')
    .option('--adapter <command>', 'a shell command that starts an adapter speaking compiled-sql.adapter.v1 on stdin/stdout')
    .option('--run <glob>', 'run only cases whose id matches (repeatable; * within a segment, ** across, a group name selects the group)', collect, [])
    .option('--skip <glob>', 'leave out cases whose id matches (repeatable)', collect, [])
    .option('--known-failures <file>', 'a known-failures baseline: {"known_failures": [{"id", "reason"}]}')
    .option('--report <file>', 'also write the JSON report to this file')
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option(...REPORT_FILE_OPTIONS[0])
    .option(...REPORT_FILE_OPTIONS[1])
    .addOption(new Option('--format <format>', 'stdout format (default: pretty on a terminal, else json)').choices(['pretty', 'json']))
    .option('--timeout <ms>', 'how long the adapter may take to answer one message', positiveInteger, DEFAULT_ADAPTER_TIMEOUT_MS)
    .option('--emit-requests <file>', 'write the JSON Lines an adapter would receive to this file (- for stdout) and exit, starting nothing')
    .action(async (options: EnvelopesCommandOptions) => setExitCode(await envelopesCommand(options, io)))
  registerServerCommand(root, io, setExitCode)
  registerClientCommand(root, io, setExitCode)
  return root
}

/**
 * Runs the CLI on `argv` (as in `process.argv`) and resolves to its exit code:
 * the report's 0, 1 or 2, 64 for a usage error, 65 for an invalid fixture, 70
 * when the adapter or the set-up fails. Never throws.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT_CODES.passed
  try {
    await program(io, (code) => (exitCode = code)).parseAsync([...argv])
    return exitCode
  } catch (error) {
    // Help and --version end with 0; every other commander complaint is a usage error.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_CODES.usage
    if (error instanceof ConformanceError) {
      io.stderr.write(`compiled-sql-conformance: ${error.message}\n`)
      return error.exitCode
    }
    io.stderr.write(`compiled-sql-conformance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT_CODES.setUp
  }
}
