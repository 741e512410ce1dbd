import type { ConformanceReport } from '@compiled-sql/protocol'
import { planClientRequests, runClientSuite } from './client-suite/client-suite.js'
import { UsageError } from './errors.js'
import type { RunConformanceOptions } from './options.js'
import type { ServerSuiteOptions } from './server/server-options.js'
import { runServerSuite } from './server/server-suite.js'
import { planEnvelopeRequests, runEnvelopesSuite } from './suites/envelopes-suite.js'

function isServerSuite(options: RunConformanceOptions | ServerSuiteOptions): options is ServerSuiteOptions {
  return options.suite === 'server'
}

/**
 * Runs one conformance suite and returns its report (valid against
 * `conformance-report.schema.json`). A failing case is a verdict, not an
 * error: it shows in `report.exit_code`. The three suites take the CLI's
 * options: `envelopes` (in process without `adapter`), `client` (`adapter`
 * required) and `server` (`spawn` or `target`; see {@link ServerSuiteOptions}).
 * Adapter and spawn commands run in a shell in this process's working directory.
 *
 * @example
 * ```ts
 * const envelopes = await runConformance({ suite: 'envelopes', adapter: '.venv/bin/python adapters/python/compiled_sql_adapter.py' })
 * const client = await runConformance({ suite: 'client', adapter: 'node my-client-adapter.js', knownFailures: 'known-failures.json' })
 * const server = await runConformance({ suite: 'server', spawn: 'my-server --config {world} --port 0', implementation: { name: 'my-server', language: 'go' } })
 * for (const report of [envelopes, client, server]) process.stdout.write(formatMarkdownReport(report))
 * ```
 *
 * @throws {UsageError} on bad options or a malformed baseline (exit code 64).
 * @throws {FixtureError} on an invalid corpus (exit code 65).
 * @throws {AdapterError} when the adapter fails or breaks the protocol (exit code 70).
 * @throws {TargetError} when the server under test cannot be started or reset (exit code 70).
 */
export function runConformance(options: RunConformanceOptions | ServerSuiteOptions): Promise<ConformanceReport> {
  if (isServerSuite(options)) return runServerSuite(options)
  switch (options.suite) {
    case 'envelopes':
      return runEnvelopesSuite(options)
    case 'client':
      return runClientSuite(options)
    default:
      return Promise.reject(new UsageError(`the ${options.suite} suite is not implemented yet`))
  }
}

/**
 * The adapter requests a run would send, as JSON Lines, without starting
 * anything: for debugging an adapter by hand (`adapter < requests.jsonl`).
 *
 * @throws {UsageError} | {FixtureError} as {@link runConformance}.
 */
export function planAdapterRequests(options: RunConformanceOptions): Promise<string> {
  switch (options.suite) {
    case 'envelopes':
      return planEnvelopeRequests(options)
    case 'client':
      return planClientRequests(options)
    default:
      return Promise.reject(new UsageError(`the ${options.suite} suite is not implemented yet`))
  }
}
