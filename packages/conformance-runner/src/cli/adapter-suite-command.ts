import { planAdapterRequests, runConformance } from '../run-conformance.js'
import type { CliIo } from './io.js'
import { writeOutput } from './write-output.js'
import { writeReports, type ReportOutputOptions } from './write-reports.js'

/** The options of a suite command that drives an adapter (`envelopes`, `client`), as commander parses them. */
export interface AdapterSuiteCommandOptions extends ReportOutputOptions {
  readonly fixtures?: string
  readonly adapter?: string
  readonly run: string[]
  readonly skip: string[]
  readonly knownFailures?: string
  readonly timeout: number
  readonly emitRequests?: string
}

/**
 * Runs `suite` (or, with `--emit-requests`, only writes its adapter requests)
 * and returns the exit code. `defaultFixturesDir` is the suite's corpus when
 * `--fixtures` is not given. Errors with their own exit code propagate to `main`.
 */
export async function adapterSuiteCommand(
  suite: 'envelopes' | 'client',
  defaultFixturesDir: () => string,
  options: AdapterSuiteCommandOptions,
  io: CliIo,
): Promise<number> {
  const runOptions = {
    suite,
    fixturesDir: options.fixtures,
    adapter: options.adapter,
    adapterStderr: io.stderr,
    timeoutMs: options.timeout,
    run: options.run,
    skip: options.skip,
    knownFailures: options.knownFailures,
  }
  if (options.emitRequests !== undefined) {
    await writeOutput(options.emitRequests, await planAdapterRequests(runOptions), io.stdout)
    return 0
  }
  const report = await runConformance(runOptions)
  await writeReports(report, options, io, options.fixtures ?? defaultFixturesDir())
  return report.exit_code
}
