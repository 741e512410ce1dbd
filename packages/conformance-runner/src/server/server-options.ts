import type { Implementation } from '@compiled-sql/protocol'
import type { KnownFailuresFile } from '../baseline.js'

/** Options of the server suite ({@link runConformance} with `suite: 'server'`). */
export interface ServerSuiteOptions {
  readonly suite: 'server'
  /** The server corpus (default: `compiled-sql.v1/server` of `@compiled-sql/conformance-fixtures`). */
  readonly fixturesDir?: string | undefined
  /**
   * A shell command that starts a server serving the corpus's world, with
   * `{world}`, `{seed}`, `{corpus}` and `{port}` placeholders (also in the
   * environment as `COMPILED_SQL_WORLD`, …). One server runs the shared
   * cases; each `fresh` case gets one of its own. Exactly one of `spawn` and
   * `target` is required.
   */
  readonly spawn?: string | undefined
  /** The base URL of a server already running the corpus's world. */
  readonly target?: string | undefined
  /** With `target`: a shell command that restores the world as seeded, run before each `fresh` case (which is skipped without it). */
  readonly resetCommand?: string | undefined
  /** With `spawn`: how many `fresh` cases run at once, each on its own server (default 2). */
  readonly jobs?: number | undefined
  /** How long one HTTP request may take, in milliseconds (default 60 000). */
  readonly timeoutMs?: number | undefined
  /** How long a spawned server may take to listen, or a reset to finish, in milliseconds (default 120 000). */
  readonly startTimeoutMs?: number | undefined
  /** Where spawned servers' standard error goes (default: nowhere; the last lines are quoted when a server fails to start). */
  readonly serverLog?: NodeJS.WritableStream | null | undefined
  /** The implementation under test, as the report names it. */
  readonly implementation?: Partial<Implementation> | undefined
  /** Id patterns of the cases to run (all when empty). */
  readonly run?: readonly string[] | undefined
  /** Id patterns of the cases to leave out. */
  readonly skip?: readonly string[] | undefined
  /** The known-failures baseline: a file path, or its parsed content. */
  readonly knownFailures?: string | KnownFailuresFile | undefined
}

/** The defaults of {@link ServerSuiteOptions}. */
export const SERVER_DEFAULTS = { jobs: 2, timeoutMs: 60_000, startTimeoutMs: 120_000 } as const
