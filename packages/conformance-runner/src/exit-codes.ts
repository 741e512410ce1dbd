/**
 * The exit codes of `compiled-sql-conformance`. 0–2 are verdicts on the
 * implementation; 64, 65 and 70 follow BSD `sysexits.h` and mean the run
 * itself could not be trusted, so CI can tell "the implementation is wrong"
 * from "the harness is wrong".
 */
export const EXIT_CODES = {
  /** Every selected case passed (or is a known failure, or was skipped). */
  passed: 0,
  /** At least one case failed and is not in the known-failures baseline. */
  failed: 1,
  /** The baseline lists an id that passed, or that no case has. */
  staleKnownFailure: 2,
  /** The command line or the known-failures file is malformed (`EX_USAGE`). */
  usage: 64,
  /** A fixture is invalid: bad JSON, schema violation, duplicate id, wrong path, `envelope_text` not matching `envelope` (`EX_DATAERR`). */
  invalidFixture: 65,
  /** The adapter could not be run or broke the adapter protocol (`EX_SOFTWARE`). */
  setUp: 70,
} as const

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES]
