import type { Command } from 'commander'
import { defaultEnvelopeFixturesDir } from '../fixtures/default-fixtures-dir.js'
import { DEFAULT_ADAPTER_TIMEOUT_MS } from '../targets/adapter-session.js'
import { adapterSuiteCommand, type AdapterSuiteCommandOptions } from './adapter-suite-command.js'
import { addCaseOptions, positiveInteger } from './case-options.js'
import type { CliIo } from './io.js'

/** Adds `compiled-sql-conformance envelopes` to the program. */
export function registerEnvelopesCommand(root: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = root
    .command('envelopes')
    .description('Validate every envelope case: in process with @compiled-sql/protocol, or through --adapter.')
    .option('--fixtures <dir>', 'the envelope corpus (default: @compiled-sql/conformance-fixtures compiled-sql.v1/envelopes)')
    .option('--adapter <command>', 'a shell command that starts an adapter speaking compiled-sql.adapter.v1 on stdin/stdout')
  addCaseOptions(command)
    .option('--timeout <ms>', 'how long the adapter may take to answer one message', positiveInteger, DEFAULT_ADAPTER_TIMEOUT_MS)
    .option('--emit-requests <file>', 'write the JSON Lines an adapter would receive to this file (- for stdout) and exit, starting nothing')
    .action(async (options: AdapterSuiteCommandOptions) => setExitCode(await adapterSuiteCommand('envelopes', defaultEnvelopeFixturesDir, options, io)))
}
