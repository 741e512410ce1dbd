import { planAdapterRequests, runConformance } from '../run-conformance.js'
import { defaultEnvelopeFixturesDir } from '../fixtures/default-fixtures-dir.js'
import type { CliIo } from './io.js'
import { writeOutput } from './write-output.js'
import { writeReports, type ReportOutputOptions } from './write-reports.js'

/** The options of `compiled-sql-conformance envelopes`, as commander parses them. */
export interface EnvelopesCommandOptions extends ReportOutputOptions {
  readonly fixtures?: string
  readonly adapter?: string
  readonly run: string[]
  readonly skip: string[]
  readonly knownFailures?: string
  readonly timeout: number
  readonly emitRequests?: string
}

/**
 * Runs the envelope suite (or only writes its adapter requests) and returns
 * the exit code. Errors with their own exit code propagate to `main`.
 */
export async function envelopesCommand(options: EnvelopesCommandOptions, io: CliIo): Promise<number> {
  const runOptions = {
    suite: 'envelopes',
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
  await writeReports(report, options, io, options.fixtures ?? defaultEnvelopeFixturesDir())
  return report.exit_code
}
