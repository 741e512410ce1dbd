import { Command, CommanderError, Option } from 'commander'
import { executeCommand, type ExecuteFlags } from './execute-command.js'
import { EXIT } from './exit-codes.js'
import type { Io } from './io.js'
import { runQueryCommand, type RunQueryFlags } from './run-query-command.js'
import { InputError, UsageError } from './usage-error.js'
import { validateCommand, type ValidateFlags } from './validate-command.js'

function connectionOptions(command: Command): Command {
  return command
    .option('--endpoint <url>', 'server root URL (default: $COMPILED_SQL_ENDPOINT, then $MAINSEQUENCE_ENDPOINT)')
    .option('--token <token>', 'bearer token (default: $COMPILED_SQL_TOKEN, then $MAINSEQUENCE_ACCESS_TOKEN)')
    .addOption(new Option('--routes <family>', 'route family: legacy (/orm/api/ts_manager/...) or v1 (/api/v1/...)').choices(['legacy', 'v1']))
}

/**
 * Builds the `compiled-sql` command tree. Each action stores its exit status
 * in `outcome` rather than exiting, so tests can run the program in process.
 */
export function buildProgram(io: Io, outcome: { status: number }): Command {
  const program = new Command('compiled-sql')
    .description('Run compiled-sql.v1 operations and raw read-only queries against a MetaTables service.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError()

  const metaTable = program.command('meta-table').description('Work with MetaTables.').exitOverride()
  connectionOptions(
    metaTable
      .command('run_query')
      .alias('run-query')
      .description('Run raw read-only SQL (SELECT, WITH, EXPLAIN) limited to one MetaTable.')
      .argument('<meta_table_uid>', 'the MetaTable the query is limited to')
      .argument('<sql>', 'the SQL text')
      .option('--json', 'print the response as JSON')
      .option('--timeout <ms>', 'give up on an HTTP attempt after this many milliseconds'),
  ).action(async (uid: string, sql: string, flags: RunQueryFlags) => {
    outcome.status = await runQueryCommand(uid, sql, flags, io)
  })
  connectionOptions(
    metaTable
      .command('execute')
      .description('Execute a compiled-sql.v1 envelope from a file or standard input (-). Selects are paged; writes are sent once.')
      .argument('<operation>', 'envelope JSON file, or - for standard input')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
      .option('--idempotency-key <key>', 'send Idempotency-Key, so a failed write may be retried safely')
      .option('--timeout <ms>', 'give up on an HTTP attempt after this many milliseconds'),
  ).action(async (path: string, flags: ExecuteFlags) => {
    outcome.status = await executeCommand(path, flags, io)
  })

  program
    .command('validate')
    .description("Validate a document with the protocol's validator; print each issue's code and JSON Pointer.")
    .argument('<file>', 'JSON file, or - for standard input')
    .addOption(new Option('--document <name>', 'which document it is').choices(['operation', 'operation-result', 'error-response', 'run-query-request', 'run-query-response']).default('operation'))
    .option('--json', 'print the verdict and issues as JSON')
    .action(async (path: string, flags: ValidateFlags) => {
      outcome.status = await validateCommand(path, flags, io)
    })
  return program
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit status. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const outcome = { status: EXIT.ok as number }
  const program = buildProgram(io, outcome)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return outcome.status
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof InputError) {
      io.stderr.write(`error: ${error.message}\n`)
      return EXIT.dataError
    }
    throw error
  }
}
