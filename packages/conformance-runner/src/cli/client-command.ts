import type { Command } from 'commander'
import { DEFAULT_CLIENT_TIMEOUT_MS } from '../client-suite/client-suite.js'
import { defaultClientFixturesDir } from '../client-suite/default-client-dir.js'
import { adapterSuiteCommand, type AdapterSuiteCommandOptions } from './adapter-suite-command.js'
import { addCaseOptions, positiveInteger } from './case-options.js'
import type { CliIo } from './io.js'

/** Adds `compiled-sql-conformance client` to the program. */
export function registerClientCommand(root: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = root
    .command('client')
    .description('Drive a client SDK through --adapter against a recording server that plays each case\'s script; check the requests it sends and the outcome it reports.')
    .option('--fixtures <dir>', 'the client corpus (default: @compiled-sql/conformance-fixtures compiled-sql.v1/client)')
    .option('--adapter <command>', 'a shell command that starts a client adapter speaking compiled-sql.adapter.v1 on stdin/stdout (required to run)')
  addCaseOptions(command)
    .option('--timeout <ms>', 'how long the adapter may take to answer one case', positiveInteger, DEFAULT_CLIENT_TIMEOUT_MS)
    .option('--emit-requests <file>', 'write the JSON Lines an adapter would receive to this file (- for stdout) and exit, starting nothing')
    .action(async (options: AdapterSuiteCommandOptions) => setExitCode(await adapterSuiteCommand('client', defaultClientFixturesDir, options, io)))
}
