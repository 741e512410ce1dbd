import { formatJsonReport } from '../reporters/json-reporter.js'
import { formatJunitReport } from '../reporters/junit-reporter.js'
import { formatPrettyReport } from '../reporters/pretty-reporter.js'
import { planAdapterRequests, runConformance } from '../run-conformance.js'
import type { CliIo } from './io.js'
import { writeOutput } from './write-output.js'

/** The options of `compiled-sql-conformance envelopes`, as commander parses them. */
export interface EnvelopesCommandOptions {
  readonly fixtures?: string
  readonly adapter?: string
  readonly run: string[]
  readonly skip: string[]
  readonly knownFailures?: string
  readonly report?: string
  readonly junit?: string
  readonly format?: 'pretty' | 'json'
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
  if (options.report !== undefined) await writeOutput(options.report, formatJsonReport(report), io.stdout)
  if (options.junit !== undefined) await writeOutput(options.junit, formatJunitReport(report), io.stdout)
  const format = options.format ?? (io.stdout.isTTY === true ? 'pretty' : 'json')
  if (format === 'json') io.stdout.write(formatJsonReport(report))
  else io.stdout.write(formatPrettyReport(report, { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined }))
  return report.exit_code
}
