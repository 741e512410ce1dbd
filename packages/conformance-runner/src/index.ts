/**
 * The compiled-sql.v1 conformance runner: replays the conformance corpus
 * against an implementation, in process or through the language-neutral
 * adapter protocol (JSON Lines on stdin/stdout), and reports the outcome.
 *
 * @packageDocumentation
 */
export { runConformance, planAdapterRequests } from './run-conformance.js'
export type { RunConformanceOptions } from './options.js'
export { EXIT_CODES, type ExitCode } from './exit-codes.js'
export { ConformanceError, UsageError, FixtureError, AdapterError } from './errors.js'
export { loadKnownFailures, parseKnownFailures, type KnownFailure, type KnownFailures, type KnownFailuresFile } from './baseline.js'
export { compileIdPattern, select, type Selection } from './selection.js'
export { loadEnvelopeCases } from './fixtures/load-envelope-cases.js'
export { defaultEnvelopeFixturesDir } from './fixtures/default-fixtures-dir.js'
export type { EnvelopeCase } from './fixtures/envelope-case.js'
export { evaluateEnvelopeCase } from './envelopes/evaluate-case.js'
export { envelopeRequests, envelopeRequestLines, validateRequest } from './envelopes/requests.js'
export type { CaseVerdict, CaseOutcome } from './report/case-verdict.js'
export { buildReport, type ReportInput } from './report/build-report.js'
export { ADAPTER_PROTOCOL, helloRequest, SHUTDOWN_REQUEST, type SuiteName } from './adapter-messages.js'
export { startAdapter, AdapterSession, DEFAULT_ADAPTER_TIMEOUT_MS, type AdapterOptions } from './targets/adapter-session.js'
export { inProcessTarget, validateInProcess } from './targets/in-process-target.js'
export type { EnvelopeTarget } from './targets/target.js'
export { formatJsonReport } from './reporters/json-reporter.js'
export { formatPrettyReport, type PrettyOptions } from './reporters/pretty-reporter.js'
export { formatJunitReport } from './reporters/junit-reporter.js'
export { main } from './cli/program.js'
