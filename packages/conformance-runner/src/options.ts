import type { SuiteName } from './adapter-messages.js'
import type { KnownFailuresFile } from './baseline.js'
import type { ServerSuiteOptions } from './server/server-options.js'

/** Options of {@link runConformance}. */
export interface RunConformanceOptions {
  /** The suite to run: `envelopes` or `client` (the `server` suite takes {@link ServerSuiteOptions} instead). */
  readonly suite: SuiteName
  /** The corpus directory (default: the suite's directory in `@compiled-sql/conformance-fixtures`). */
  readonly fixturesDir?: string | undefined
  /** A shell command that starts an adapter; without it the TypeScript implementation runs in process. */
  readonly adapter?: string | undefined
  /** The adapter's working directory (default: this process's). */
  readonly adapterCwd?: string | undefined
  /** Where the adapter's standard error goes (default `process.stderr`; `null` keeps only a tail for error messages). */
  readonly adapterStderr?: NodeJS.WritableStream | null | undefined
  /** How long the adapter may take to answer one message, in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined
  /** Id patterns of the cases to run (all when empty); see {@link compileIdPattern}. */
  readonly run?: readonly string[] | undefined
  /** Id patterns of the cases to leave out. */
  readonly skip?: readonly string[] | undefined
  /** The known-failures baseline: a file path, or its parsed content. */
  readonly knownFailures?: string | KnownFailuresFile | undefined
}
