import type { CaseFailure } from '@compiled-sql/protocol'

/** What one case came to in any suite, before the known-failures baseline is applied. */
export type CaseVerdict =
  | { readonly status: 'passed' }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly failure: CaseFailure }

/** One case that ran: its id, file, how long it took and its verdict. */
export interface CaseOutcome {
  readonly id: string
  /** The fixture file, relative to the fixtures directory. */
  readonly path?: string | undefined
  readonly durationMs: number
  readonly verdict: CaseVerdict
}
