import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Command, CommanderError } from 'commander'
import { ConformanceError } from '../errors.js'
import { EXIT_CODES } from '../exit-codes.js'
import { registerEnvelopesCommand } from './envelopes-command.js'
import { processIo, type CliIo } from './io.js'
import { registerServerCommand } from './server-command.js'
import { registerClientCommand } from './client-command.js'

function runnerVersion(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('@compiled-sql/conformance-runner/package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

function program(io: CliIo, setExitCode: (code: number) => void): Command {
  const root = new Command('compiled-sql-conformance')
    .description('Replays the compiled-sql.v1 conformance corpus against an implementation, in process or through an adapter.')
    .version(runnerVersion())
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)')
  registerEnvelopesCommand(root, io, setExitCode)
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
